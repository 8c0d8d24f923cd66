using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hereafter.Web.Platform.Organisations;

public static class Roles
{
    /// <summary>Certifying doctor or forensic examiner: issues, corrects, reissues, revokes.</summary>
    public const string Certifier = "certifier";
    /// <summary>Records clerk or department clerk: reads and prints what the organisation may.</summary>
    public const string Clerk = "clerk";
    /// <summary>Civil-affairs supervisor.</summary>
    public const string Supervisor = "supervisor";
    /// <summary>Police officer (household registration).</summary>
    public const string Officer = "officer";
    /// <summary>Machine client of a department system: acts for its organisation.</summary>
    public const string System = "system";
    /// <summary>A department's administrator: configures the department's connection (webhook subscriptions).</summary>
    public const string Administrator = "admin";
}

public sealed class Organisation
{
    public Guid Id { get; set; }
    /// <summary>Short stable code, e.g. gy-first-hospital.</summary>
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string NameEn { get; set; } = "";
    public OrganisationType Type { get; set; }
    /// <summary>统一社会信用代码.</summary>
    public string CreditCode { get; set; } = "";
    /// <summary>Administrative division code (GB/T 2260), 6 digits.</summary>
    public string RegionCode { get; set; } = "";
    public string District { get; set; } = "";
}

public sealed class StaffAccount
{
    public Guid Id { get; set; }
    public Guid OrganisationId { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    /// <summary>Comma-separated role codes from <see cref="Roles"/>.</summary>
    public string Roles { get; set; } = "";
    /// <summary>Practising licence number of a certifying doctor (执业证书编码).</summary>
    public string? LicenseNumber { get; set; }
    /// <summary>
    /// Changes whenever what a session may do changes (roles, password, disabling). Signed-in cookies carry the
    /// stamp they were issued with and are re-checked against it at least every minute.
    /// </summary>
    public string SecurityStamp { get; set; } = NewSecurityStamp();
    /// <summary>A disabled account cannot sign in, and its open sessions end within a minute.</summary>
    public bool IsDisabled { get; set; }

    public static string NewSecurityStamp() => Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>Gives the account these roles; its open sessions end within a minute (sign in again for the new roles).</summary>
    public void ChangeRoles(IEnumerable<string> roles)
    {
        Roles = string.Join(',', roles.Select(r => r.Trim()).Where(r => r.Length > 0).Distinct(StringComparer.Ordinal));
        SecurityStamp = NewSecurityStamp();
    }

    /// <summary>Stops the account signing in; its open sessions end within a minute.</summary>
    public void Disable()
    {
        IsDisabled = true;
        SecurityStamp = NewSecurityStamp();
    }

    public void Enable()
    {
        IsDisabled = false;
        SecurityStamp = NewSecurityStamp();
    }

    /// <summary>Sets a new password hash; sessions signed in with the old password end within a minute.</summary>
    public void ChangePasswordHash(string passwordHash)
    {
        PasswordHash = passwordHash;
        SecurityStamp = NewSecurityStamp();
    }
}

/// <summary>
/// Which organisation a department system's OAuth 2.0 client acts for, under which name and roles. Its secret, grant
/// types and scopes are the OpenIddict application of the same client id (see <c>Platform/Auth/DepartmentClients</c>).
/// </summary>
public sealed class ApiClient
{
    public string ClientId { get; set; } = "";
    public Guid OrganisationId { get; set; }
    public string Name { get; set; } = "";
    public string Roles { get; set; } = "";
}

internal sealed class OrganisationConfiguration :
    IEntityTypeConfiguration<Organisation>, IEntityTypeConfiguration<StaffAccount>,
    IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.Code).IsUnique();
        b.Property(x => x.Code).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.NameEn).HasMaxLength(128);
        b.Property(x => x.Type).HasMaxLength(40);
        b.Property(x => x.CreditCode).HasMaxLength(18);
        b.Property(x => x.RegionCode).HasMaxLength(6);
        b.Property(x => x.District).HasMaxLength(32);
    }

    public void Configure(EntityTypeBuilder<StaffAccount> b)
    {
        b.ToTable("staff_accounts");
        b.HasKey(x => x.Id);
        b.HasIndex(x => x.UserName).IsUnique();
        b.Property(x => x.UserName).HasMaxLength(64);
        b.Property(x => x.DisplayName).HasMaxLength(64);
        b.Property(x => x.Roles).HasMaxLength(128);
        b.Property(x => x.LicenseNumber).HasMaxLength(32);
        b.Property(x => x.SecurityStamp).HasMaxLength(32);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId);
    }

    public void Configure(EntityTypeBuilder<ApiClient> b)
    {
        b.ToTable("api_clients");
        b.HasKey(x => x.ClientId);
        b.Property(x => x.ClientId).HasMaxLength(64);
        b.Property(x => x.Name).HasMaxLength(128);
        b.Property(x => x.Roles).HasMaxLength(128);
        b.HasOne<Organisation>().WithMany().HasForeignKey(x => x.OrganisationId);
    }
}
