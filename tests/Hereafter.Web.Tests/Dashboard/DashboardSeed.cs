using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
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

    /// <summary>
    /// A fresh district and a year certainly in the past (2000–2024), for figures that compare with now (overdue):
    /// the pair repeats only after 450 calls, whatever other tests have taken.
    /// </summary>
    public static (string District, int Year) FreshPast()
    {
        var n = Interlocked.Increment(ref _next);
        return ($"5299{n % 90 + 10:D2}", 2000 + n % 25);
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

    /// <summary>One department task of a case. Times are China time; <paramref name="AnsweredAt"/> is its first answer (received).</summary>
    public sealed record TaskRow(Department Department, DateTime CreatedAt, DateTime AcknowledgeBy, CaseTaskStatus Status, DateTime? AnsweredAt = null);

    /// <summary>A death case for a new certificate of <paramref name="issuer"/>, with its tasks and their answers.</summary>
    public static async Task CaseAsync(this HereafterFactory factory, Guid issuer, params TaskRow[] tasks)
    {
        var certificate = await factory.SeedAsync(new Cert(issuer, tasks[0].CreatedAt.AddHours(-1)));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var at = (DateTime t) => new DateTimeOffset(t, ChinaTime.Offset).ToUniversalTime();
        var deathCase = new DeathCase
        {
            Id = Guid.NewGuid(), CertificateId = certificate[0], CertificateNumber = "T" + certificate[0].ToString("N")[..17], DecedentName = "测试",
            DeathAt = at(tasks[0].CreatedAt.AddHours(-3)), OpenedAt = at(tasks[0].CreatedAt),
        };
        db.Add(deathCase);
        foreach (var t in tasks)
        {
            var task = new CaseTask
            {
                Id = Guid.NewGuid(), CaseId = deathCase.Id, Department = t.Department, Status = t.Status, CreatedAt = at(t.CreatedAt),
                UpdatedAt = at(t.AnsweredAt ?? t.CreatedAt), AcknowledgeBy = at(t.AcknowledgeBy),
                FirstAnsweredAt = t.AnsweredAt is { } first ? at(first) : null,
            };
            db.Add(task);
            db.Add(new CaseTaskEntry { TaskId = task.Id, Status = CaseTaskStatus.Pending, At = task.CreatedAt, ActorName = "测试", OrganisationName = "测试" });
            if (t.AnsweredAt is { } answered)
            {
                db.Add(new CaseTaskEntry { TaskId = task.Id, Status = CaseTaskStatus.Received, At = at(answered), ActorName = "测试", OrganisationName = "测试" });
                if (t.Status == CaseTaskStatus.Done)
                    db.Add(new CaseTaskEntry { TaskId = task.Id, Status = CaseTaskStatus.Done, At = at(answered.AddDays(1)), ActorName = "测试", OrganisationName = "测试" });
            }
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The department tasks of the dashboard's hand-worked task figures, in a past year (so that "overdue now" holds
    /// whatever today is): a case in the district whose tasks were created at 23:30 on 31 January (police answered in
    /// time and done; social security answered after its deadline; medical insurance never answered) and one created at
    /// 00:30 on 1 February (housing fund, never answered); a case in another district that January.
    /// </summary>
    public static async Task<(string District, int Year)> SeedTasksAsync(this HereafterFactory factory)
    {
        var (district, year) = FreshPast();
        var hospital = await factory.OrganisationAsync(district, OrganisationType.Hospital, "测试医院");
        var (otherDistrict, _) = Fresh();
        var elsewhere = await factory.OrganisationAsync(otherDistrict, OrganisationType.Hospital, "别区医院");
        var created = new DateTime(year, 1, 31, 23, 30, 0);
        var by = new DateTime(year, 2, 3, 23, 59, 0);
        await factory.CaseAsync(hospital,
            new TaskRow(Department.Police, created, by, CaseTaskStatus.Done, new DateTime(year, 2, 1, 10, 0, 0)),
            new TaskRow(Department.SocialSecurity, created, by, CaseTaskStatus.Received, new DateTime(year, 2, 5, 10, 0, 0)),
            new TaskRow(Department.MedicalInsurance, created, by, CaseTaskStatus.Pending));
        await factory.CaseAsync(hospital, new TaskRow(Department.HousingFund, new DateTime(year, 2, 1, 0, 30, 0), by, CaseTaskStatus.Pending));
        await factory.CaseAsync(elsewhere, new TaskRow(Department.Police, created, by, CaseTaskStatus.Pending));
        return (district, year);
    }

    public static async Task<Guid[]> SeedAsync(this HereafterFactory factory, params Cert[] certificates)
    {
        var ids = new List<Guid>();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        foreach (var c in certificates)
        {
            var certified = new DateTimeOffset(c.CertifiedAt, ChinaTime.Offset).ToUniversalTime();
            var issued = c.Status is CertificateStatus.Issued or CertificateStatus.Revoked;
            var id = Guid.NewGuid();
            ids.Add(id);
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
        return [.. ids];
    }
}
