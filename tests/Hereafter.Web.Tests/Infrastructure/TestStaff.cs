using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Infrastructure;

/// <summary>Seeds organisations and staff accounts straight into a factory's database.</summary>
public static class TestStaff
{
    public sealed record Seeded(Guid AccountId, string UserName, string Password, string DisplayName, Guid OrganisationId, string OrganisationName);

    /// <summary>
    /// Creates an organisation and one staff account with a properly hashed password. User names and
    /// organisation codes get a random suffix so several tests can seed into one shared factory.
    /// </summary>
    public static async Task<Seeded> SeedStaffAsync(
        this WebApplicationFactory<Program> factory,
        string displayName = "李医生",
        string password = "test-secret-123",
        OrganisationType organisationType = OrganisationType.Hospital,
        string organisationName = "测试市第一人民医院",
        string roles = Roles.Certifier)
    {
        var suffix = Guid.NewGuid().ToString("n")[..8];
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<StaffAccount>>();
        var org = new Organisation
        {
            Id = Guid.NewGuid(), Code = "test-org-" + suffix, Name = organisationName, NameEn = "Test organisation",
            Type = organisationType, CreditCode = "", RegionCode = "520100", District = "",
        };
        var account = new StaffAccount
        {
            Id = Guid.NewGuid(), OrganisationId = org.Id, UserName = "user-" + suffix, DisplayName = displayName, Roles = roles,
        };
        account.PasswordHash = hasher.HashPassword(account, password);
        db.Add(org);
        db.Add(account);
        await db.SaveChangesAsync();
        return new Seeded(account.Id, account.UserName, password, displayName, org.Id, org.Name);
    }
}
