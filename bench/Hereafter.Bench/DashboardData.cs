using System.Diagnostics;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Bench;

/// <summary>
/// One past China year of a city of eight districts, written straight into the app's tables through the real entity
/// types (<see cref="DashboardBulk"/>): 40,000 issued death certificates over the year and over 40 issuers of the three
/// kinds (hospitals, health centres, police) in the districts, some certified or reported late, some with warnings,
/// some held as possible duplicates (issued or rejected after review, or still held); a death case for every issued one
/// with the 5–6 department tasks the platform opens and their answers (most in time, some late, some still open);
/// benefit stops found by reconciliation (executed, some recovered); a funeral bill for 90 % of the deaths and a custody
/// record for 95 %. Deterministic: the same counts every run.
/// </summary>
internal static class DashboardData
{
    public const int Year = 2025;
    public const int Issued = 40_000;
    public const int HeldIssued = 400;   // of the issued: possible duplicates issued after review
    public const int Rejected = 100;     // possible duplicates rejected after review (never issued)
    public const int Pending = 60;       // possible duplicates still held at the end of the year
    public const int Stops = 3_000;

    public static readonly (string Code, string Name)[] Districts =
    [
        ("520102", "南明区"), ("520103", "云岩区"), ("520111", "花溪区"), ("520112", "乌当区"),
        ("520113", "白云区"), ("520115", "观山湖区"), ("520121", "开阳县"), ("520123", "修文县"),
    ];

    private static readonly string[] WarningCodes = ["icd-format", "interval-chain-not-increasing", "age-too-high"];

    public sealed record Seeded(int Rows, double Seconds, string Detail, string BusiestDistrict);

    public static async Task<Seeded> SeedAsync(IServiceProvider services)
    {
        var clock = Stopwatch.StartNew();
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var bulk = new DashboardBulk(db);
        var rows = 0;
        var counts = new List<string>();
        async Task Write<T>(string what, IReadOnlyList<T> list) where T : class
        {
            rows += await bulk.InsertAsync(list);
            counts.Add($"{list.Count} {what}");
        }

        // Issuers: per district 2 hospitals, 2 health centres, 1 police station (so 40 issuers).
        var issuers = new List<Organisation>();
        foreach (var (code, name) in Districts)
            foreach (var (type, n) in new[] { (OrganisationType.Hospital, 2), (OrganisationType.HealthCentre, 2), (OrganisationType.Police, 1) })
                for (var k = 0; k < n; k++)
                    issuers.Add(new Organisation
                    {
                        Id = Guid.NewGuid(), Code = $"bench-{code}-{type.ToCode()}-{k}", Name = $"{name}{type.ToCode()}{k}（压测）",
                        NameEn = $"Bench {type} {code}/{k}", Type = type, CreditCode = $"BENCH{code}{(int)type}{k}", RegionCode = code, District = name,
                    });
        await Write("issuers", issuers);
        Organisation[] OfType(OrganisationType t) => [.. issuers.Where(o => o.Type == t)];
        var hospitals = OfType(OrganisationType.Hospital);
        var centres = OfType(OrganisationType.HealthCentre);
        var police = OfType(OrganisationType.Police);

        // The city's funeral homes (demo data): their bills and custody records.
        var funeralHomes = await (from i in db.Set<PricingInstitution>().AsNoTracking()
                                  where i.Type == InstitutionType.FuneralHome
                                  select new { i.Id, Item = db.Set<PriceItem>().Where(p => p.InstitutionId == i.Id).OrderBy(p => p.SortOrder).Select(p => new { p.Id, p.Name, p.Category, p.Unit }).FirstOrDefault() })
            .ToListAsync();
        if (funeralHomes.Count == 0 || funeralHomes.Any(f => f.Item is null)) throw new InvalidOperationException("The demo data has no funeral home with a price list.");
        var departmentOrgs = await db.Set<Organisation>().AsNoTracking()
            .Where(o => o.Type == OrganisationType.SocialSecurity || o.Type == OrganisationType.CivilAffairs || o.Type == OrganisationType.DisabledPersonsFederation || o.Type == OrganisationType.MedicalInsurance)
            .ToListAsync();

        var yearStart = ChinaTime.StartOfDayUtc(new DateOnly(Year, 1, 1));
        var yearEnd = ChinaTime.StartOfDayUtc(new DateOnly(Year + 1, 1, 1));
        var span = (yearEnd - yearStart).Ticks;
        var total = Issued + Rejected + Pending;

        var certificates = new List<Certificate>(total);
        var versions = new List<CertificateVersion>(total);
        var actions = new List<CertificateAction>();
        var cases = new List<DeathCase>(Issued);
        var tasks = new List<CaseTask>(Issued * 6);
        var entries = new List<CaseTaskEntry>(Issued * 14);
        var bills = new List<Bill>();
        var lines = new List<BillLine>();
        var custody = new List<CustodyRecord>();
        var perDistrict = new Dictionary<string, int>();
        Department[] departments = [Department.Police, Department.SocialSecurity, Department.MedicalInsurance, Department.CivilAffairs, Department.HousingFund];

        for (var i = 0; i < total; i++)
        {
            // Spread evenly over the year, a little jitter; the held ones spread too.
            var certified = yearStart.AddTicks(span / total * i + (i * 7919L % 3600) * TimeSpan.TicksPerSecond);
            var issuer = (i % 20) switch
            {
                < 12 => hospitals[i / 20 % hospitals.Length],
                < 17 => centres[i / 20 % centres.Length],
                _ => police[i / 20 % police.Length],
            };
            var (status, held, decided) = i switch
            {
                _ when i >= Issued + Rejected => (CertificateStatus.PendingReview, true, (CertificateActionKind?)null),
                _ when i >= Issued => (CertificateStatus.Rejected, true, CertificateActionKind.ReviewRejected),
                _ when i % 100 == 50 => (CertificateStatus.Issued, true, CertificateActionKind.ReviewIssued),
                _ => (CertificateStatus.Issued, false, (CertificateActionKind?)null),
            };
            var issued = status == CertificateStatus.Issued;
            var warnings = i % 17 == 3 ? WarningCodes.Take(1 + i % 3).ToArray() : [];
            var id = Guid.NewGuid();
            var number = $"B{Year}{i:D12}";
            var deathAt = certified.AddHours(i % 13 == 0 ? -40 : -3);
            var reportedAt = issued ? (held ? certified.AddDays(1) : certified.AddMinutes(30)) : (DateTimeOffset?)null;
            certificates.Add(new Certificate
            {
                Id = id, Number = number, ActiveNumber = status is CertificateStatus.Issued or CertificateStatus.PendingReview ? number : null,
                NumberKind = CertificateNumberKind.Other, Status = status, CurrentVersion = 1, IssuerOrganisationId = issuer.Id,
                DecedentName = "压测" + (i % 1000), NameKey = $"bench{i}", BirthDate = new DateOnly(1930 + i % 60, 1 + i % 12, 1 + i % 28), Sex = i % 2 == 0 ? "1" : "2",
                DeathAt = deathAt, CertifiedAt = certified, ReportedAt = reportedAt, CertifiedLate = i % 13 == 0, ReportedLate = i % 23 == 0,
                WarningCount = warnings.Length, PossibleDuplicateOfId = held ? certificates.Count > 0 ? certificates[^1].Id : null : null,
            });
            versions.Add(new CertificateVersion
            {
                Id = Guid.NewGuid(), CertificateId = id, Version = 1, DataJson = "{}", ContentDigest = "",
                WarningsJson = "[" + string.Join(",", warnings.Select(w => $"{{\"Code\":\"{w}\",\"Path\":\"causes\",\"Chinese\":\"提示\",\"English\":\"warning\"}}")) + "]",
                AgeYears = Year - 1930 - i % 60, CreatedAt = certified, CreatedBy = "压测",
            });
            actions.Add(new CertificateAction { CertificateId = id, Version = 1, Action = CertificateActionKind.Issued, At = certified, ActorName = "压测", OrganisationName = issuer.Name });
            if (decided is { } kind)
                actions.Add(new CertificateAction { CertificateId = id, Version = 1, Action = kind, At = certified.AddDays(1), ActorName = "压测", OrganisationName = "贵阳市民政局" });
            if (!issued) continue;
            perDistrict[issuer.RegionCode] = perDistrict.GetValueOrDefault(issuer.RegionCode) + 1;

            // The case and its tasks, opened when the certificate was issued.
            var opened = reportedAt!.Value;
            var deathCase = new DeathCase
            {
                Id = Guid.NewGuid(), CertificateId = id, CertificateNumber = number, DecedentName = "压测" + (i % 1000), DeathAt = deathAt, OpenedAt = opened,
            };
            cases.Add(deathCase);
            var caseDepartments = i % 3 == 0 ? [.. departments, Department.TrafficPolice] : departments;
            for (var d = 0; d < caseDepartments.Length; d++)
            {
                var k = (i * 7 + d * 3) % 100;
                var by = opened.AddDays(3);
                // 85 % answered in time, 10 % late, 5 % still open; of the answered: 70 % done, 25 % received, 5 % not applicable.
                var answeredAt = k < 85 ? opened.AddHours(2 + k % 40) : k < 95 ? by.AddDays(1 + k % 5) : (DateTimeOffset?)null;
                var taskStatus = answeredAt is null ? CaseTaskStatus.Pending : k % 20 < 14 ? CaseTaskStatus.Done : k % 20 < 19 ? CaseTaskStatus.Received : CaseTaskStatus.NotApplicable;
                var task = new CaseTask
                {
                    Id = Guid.NewGuid(), CaseId = deathCase.Id, Department = caseDepartments[d], Status = taskStatus, CreatedAt = opened,
                    UpdatedAt = answeredAt ?? opened, AcknowledgeBy = by, FirstAnsweredAt = answeredAt,
                };
                tasks.Add(task);
                entries.Add(new CaseTaskEntry { TaskId = task.Id, Status = CaseTaskStatus.Pending, At = opened, ActorName = "平台", OrganisationName = "平台" });
                if (answeredAt is { } at)
                {
                    var first = taskStatus == CaseTaskStatus.NotApplicable ? CaseTaskStatus.NotApplicable : CaseTaskStatus.Received;
                    entries.Add(new CaseTaskEntry { TaskId = task.Id, Status = first, At = at, ActorName = "压测", OrganisationName = "压测" });
                    if (taskStatus == CaseTaskStatus.Done)
                        entries.Add(new CaseTaskEntry { TaskId = task.Id, Status = CaseTaskStatus.Done, At = at.AddDays(1), ActorName = "压测", OrganisationName = "压测" });
                }
            }

            var home = funeralHomes[i % funeralHomes.Count];
            if (i % 10 != 9)
            {
                var bill = new Bill
                {
                    Id = Guid.NewGuid(), Number = $"BB{Year}{i:D10}", CaseId = deathCase.Id, InstitutionId = home.Id,
                    ServiceDate = ChinaTime.DateOf(deathAt).AddDays(2), Resident = i % 8 != 0, Total = 2400 + i % 9 * 150,
                    Subsidy = i % 8 != 0 ? 1200 : 0, IssuedAt = deathAt.AddDays(2), IssuedBy = "压测", FamilyCodeHash = $"bench{i:D12}",
                };
                bill.Payable = bill.Total - bill.Subsidy;
                bills.Add(bill);
                lines.Add(new BillLine
                {
                    BillId = bill.Id, LineNo = 1, ItemId = home.Item!.Id, Name = home.Item.Name, Category = home.Item.Category, Unit = home.Item.Unit,
                    UnitPrice = bill.Total, Quantity = 1, Amount = bill.Total, Subsidy = bill.Subsidy, Payable = bill.Payable, PriceEffectiveFrom = new DateOnly(Year, 1, 1),
                });
            }
            if (i % 20 != 19)
            {
                var placed = i % 10 < 7;
                var state = placed ? CustodyState.Placed : i % 10 == 7 ? CustodyState.AshesStored : CustodyState.AshesReleased;
                custody.Add(new CustodyRecord
                {
                    Id = Guid.NewGuid(), CertificateId = id, CertificateNumber = number, PersonKey = number, OpenPersonKey = placed ? null : number,
                    CaseId = deathCase.Id, DecedentName = "压测" + (i % 1000), Sex = "1", DeathAt = deathAt, FuneralHomeId = home.Id, State = state,
                    PickedUpAt = deathAt.AddHours(4), FromAddress = "压测", ArrivedAt = deathAt.AddHours(5), CrematedAt = deathAt.AddDays(2),
                    AshesReleasedAt = state == CustodyState.AshesStored ? null : deathAt.AddDays(2).AddHours(3),
                    AshesStoredAt = state == CustodyState.AshesStored ? deathAt.AddDays(2).AddHours(3) : null,
                    PlacedAt = placed ? deathAt.AddDays(5) : null, CreatedAt = deathAt.AddHours(4), UpdatedAt = deathAt.AddDays(5), Version = 4,
                });
            }
        }

        await Write("certificates", certificates);
        await Write("versions", versions);
        await Write("certificate actions", actions);
        await Write("cases", cases);
        await Write("tasks", tasks);
        await Write("task entries", entries);
        await Write("bills", bills);
        await Write("bill lines", lines);
        await Write("custody records", custody);

        // Benefit stops: one reconciliation job per programme and department, the stops of deaths of the year.
        (string Programme, OrganisationType Type)[] programmes =
            [("pension", OrganisationType.SocialSecurity), ("subsistence", OrganisationType.CivilAffairs), ("disability", OrganisationType.DisabledPersonsFederation), ("medical", OrganisationType.MedicalInsurance)];
        var jobs = new List<RollJob>();
        var stops = new List<StopResult>();
        foreach (var (programme, type) in programmes)
        {
            var org = departmentOrgs.FirstOrDefault(o => o.Type == type);
            if (org is null) continue;
            jobs.Add(new RollJob
            {
                Id = Guid.NewGuid(), OrganisationId = org.Id, OrganisationName = org.Name, Department = type.ToCode(), Programme = programme,
                FileName = $"{programme}-{Year}.csv", UploadedBy = "压测", CreatedAt = yearEnd.AddDays(-20), Status = JobStatus.Completed, Attempt = 1,
                CompletedAttempt = 1, StartedAt = yearEnd.AddDays(-20), FinishedAt = yearEnd.AddDays(-20).AddMinutes(3),
            });
        }
        for (var s = 0; s < Stops; s++)
        {
            var job = jobs[s % jobs.Count];
            var c = certificates[s * (Issued / Stops)];
            var identified = c.ReportedAt!.Value.AddDays(20);
            var executed = s % 5 < 3;
            stops.Add(new StopResult
            {
                JobId = job.Id, Attempt = 1, Row = s, Origin = s % 25 == 0 ? StopOrigin.Review : StopOrigin.Exact, IdNumber = c.Number, Name = c.DecedentName,
                Programme = job.Programme, MonthlyAmount = 1200 + s % 7 * 100, PaidThrough = $"{Year}-12", DeathIdNumber = c.Number, DeathName = c.DecedentName,
                DeathBirthDate = c.BirthDate, DeathDate = ChinaTime.DateOf(c.DeathAt), StopFrom = $"{ChinaTime.DateOf(c.DeathAt).AddMonths(1):yyyy-MM}",
                OverpaidMonths = 1 + s % 4, OverpaidAmount = (1 + s % 4) * (1200 + s % 7 * 100), IdentifiedAt = identified,
                ExecutedMonth = executed ? $"{ChinaTime.DateOf(identified):yyyy-MM}" : null, ExecutedAt = executed ? identified.AddDays(5) : null, ExecutedBy = executed ? "压测" : null,
                RecoveredAmount = executed && s % 5 == 0 ? (1 + s % 4) * (1200 + s % 7 * 100) : null,
                RecoveredOn = executed && s % 5 == 0 ? ChinaTime.DateOf(identified).AddDays(30) : null, RecoveredBy = executed && s % 5 == 0 ? "压测" : null,
            });
        }
        foreach (var job in jobs) job.ExactStops = stops.Count(s => s.JobId == job.Id);
        await Write("reconciliation jobs", jobs);
        await Write("benefit stops", stops);

        // Autovacuum analyses tables this size soon after such writes; the bench does not wait for it. SQLite is left as
        // the app leaves it (no statistics).
        if (bulk.IsPostgres) await db.Database.ExecuteSqlRawAsync("ANALYZE");

        var busiest = perDistrict.OrderByDescending(p => p.Value).First().Key;
        return new Seeded(rows, clock.Elapsed.TotalSeconds, string.Join(", ", counts), busiest);
    }
}
