using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Family;

/// <summary>Cases with a citizen admitted to them, for the application, progress and notification tests.</summary>
public static class FamilyApplyTestSupport
{
    /// <summary>A fresh certificate's case and a new citizen (any valid ID number, as Development signs in) admitted to it.</summary>
    public static async Task<(Guid CaseId, Citizen Citizen)> AdmittedCaseAsync(this HereafterFactory factory, Relationship relationship = Relationship.Child)
    {
        var caseId = await factory.NewCaseAsync();
        var citizen = NewCitizen();
        await factory.AdmitAsync(citizen, caseId, relationship);
        return (caseId, citizen);
    }

    public static async Task<Guid> NewCaseAsync(this HereafterFactory factory)
    {
        var number = await factory.IssueAsync();
        var civil = await factory.ClientForAsync("demo-civil-affairs");
        return (await civil.WaitForEventAsync(number, "certificate.issued")).GetProperty("caseId").GetGuid();
    }

    /// <summary>A citizen as the demo identity provider signs in a checksum-valid ID number.</summary>
    public static Citizen NewCitizen()
    {
        var demo = DemoCitizens.ForIdNumber(People.Next().IdNumber)!;
        return new Citizen(demo.Subject, demo.Name, demo.IdNumber, demo.Phone);
    }

    public static async Task AdmitAsync(this HereafterFactory factory, Citizen citizen, Guid caseId, Relationship relationship = Relationship.Child)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        db.Add(new FamilyAdmission
        {
            Id = Guid.NewGuid(), CaseId = caseId, CitizenSubject = citizen.Subject, CitizenName = citizen.Name, CitizenIdNumber = citizen.IdNumber,
            CitizenPhone = citizen.Phone, Relationship = relationship, Status = AdmissionStatus.Admitted, CreatedAt = DateTimeOffset.UtcNow,
            DecidedAt = DateTimeOffset.UtcNow, DecidedBy = "test",
        });
        await db.SaveChangesAsync();
    }

    public static async Task<Dictionary<string, Guid>> BanksAsync(this HereafterFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await db.Set<Organisation>().Where(o => o.Type == OrganisationType.Bank).ToDictionaryAsync(o => o.Code, o => o.Id);
    }

    /// <summary>Runs <paramref name="action"/> with a service of a fresh scope.</summary>
    public static async Task<T> WithAsync<TService, T>(this HereafterFactory factory, Func<TService, Task<T>> action) where TService : notnull
    {
        using var scope = factory.Services.CreateScope();
        return await action(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
