using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Dashboard;

/// <summary>
/// Certificates written straight into the certificate tables for the dashboard's hand-worked figures: each test gets
/// a district of its own (a region code no demo organisation has) and a year of its own, so nothing else counts.
/// </summary>
public static class DashboardSeed
{
    private static int _next;

    /// <summary>A fresh district code (5299xx) and a fresh year (2041 onwards).</summary>
    public static (string District, int Year) Fresh()
    {
        var n = Interlocked.Increment(ref _next);
        return ($"5299{n % 90 + 10:D2}", 2040 + n);
    }

    public static async Task<Guid> OrganisationAsync(this HereafterFactory factory, string district, OrganisationType type, string name)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var org = new Organisation
        {
            Id = Guid.NewGuid(), Code = "test-org-" + Guid.NewGuid().ToString("N")[..8], Name = name, NameEn = "", Type = type,
            CreditCode = "", RegionCode = district, District = "测试区" + district[^2..],
        };
        db.Add(org);
        await db.SaveChangesAsync();
        return org.Id;
    }

    /// <summary>One certificate as the dashboard reads it.</summary>
    /// <param name="CertifiedAt">China time.</param>
    /// <param name="Decided">China time of the review decision, for a held certificate.</param>
    public sealed record Cert(
        Guid Issuer, DateTime CertifiedAt, CertificateStatus Status = CertificateStatus.Issued, bool CertifiedLate = false, bool ReportedLate = false,
        string[]? Warnings = null, bool Held = false, DateTime? Decided = null);

    public static async Task SeedAsync(this HereafterFactory factory, params Cert[] certificates)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        foreach (var c in certificates)
        {
            var certified = new DateTimeOffset(c.CertifiedAt, ChinaTime.Offset).ToUniversalTime();
            var issued = c.Status is CertificateStatus.Issued or CertificateStatus.Revoked;
            var id = Guid.NewGuid();
            var number = "T" + id.ToString("N")[..17].ToUpperInvariant();
            db.Add(new Certificate
            {
                Id = id, Number = number, ActiveNumber = c.Status is CertificateStatus.Issued or CertificateStatus.PendingReview ? number : null,
                NumberKind = CertificateNumberKind.Other, Status = c.Status, CurrentVersion = 1, IssuerOrganisationId = c.Issuer,
                DecedentName = "测试", NameKey = "测试" + id.ToString("N")[..6], Sex = "1", DeathAt = certified.AddHours(-3), CertifiedAt = certified,
                ReportedAt = issued ? certified.AddHours(1) : null, CertifiedLate = c.CertifiedLate, ReportedLate = c.ReportedLate,
                WarningCount = c.Warnings?.Length ?? 0, PossibleDuplicateOfId = c.Held ? Guid.NewGuid() : null,
            });
            var warnings = string.Join(",", (c.Warnings ?? []).Select(w => $"{{\"Code\":\"{w}\",\"Path\":\"causes\",\"Chinese\":\"提示\",\"English\":\"warning\"}}"));
            db.Add(new CertificateVersion
            {
                Id = Guid.NewGuid(), CertificateId = id, Version = 1, DataJson = "{}", WarningsJson = $"[{warnings}]", ContentDigest = "",
                CreatedAt = certified, CreatedBy = "测试",
            });
            if (c.Decided is { } decided)
                db.Add(new CertificateAction
                {
                    CertificateId = id, Version = 1,
                    Action = c.Status == CertificateStatus.Rejected ? CertificateActionKind.ReviewRejected : CertificateActionKind.ReviewIssued,
                    At = new DateTimeOffset(decided, ChinaTime.Offset).ToUniversalTime(), ActorName = "测试", OrganisationName = "测试",
                });
        }
        await db.SaveChangesAsync();
    }
}
