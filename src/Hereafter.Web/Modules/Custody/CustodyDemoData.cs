using Hereafter.Domain.Custody;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using static Hereafter.Web.Platform.Demo.DemoData;

namespace Hereafter.Web.Modules.Custody;

/// <summary>
/// Development-only custody records at the demo funeral home, from three demo certificates: 陈桂兰 in storage past the
/// limit, 李秀英 cremated, 张德明 cremated, released and placed at the demo cemetery. Once, when the module has no record
/// yet; the timeline rows are written as the steps would, and the milestones go to the outbox for Sharing. 王建国 and
/// the corrected certificate are left for the counter (pickup) and the family journeys.
/// </summary>
public static class CustodyDemoData
{
    public static Task SeedCustodyDemoAsync(this IServiceProvider services, CancellationToken ct = default) =>
        SeedOnceAsync<CustodyRecord>(services, ["gy-funeral-home", "jingyunshan-cemetery"], (sp, orgs) => SeedAsync(sp, orgs, ct), ct);

    private static async Task SeedAsync(IServiceProvider sp, Dictionary<string, Organisation> orgs, CancellationToken ct)
    {
        var db = sp.GetRequiredService<HereafterDbContext>();
        var standings = sp.GetRequiredService<ICertificateStandings>();
        var records = sp.GetRequiredService<CustodyRecords>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var days = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<CustodyOptions>>().Value.StorageDays;
        var home = orgs["gy-funeral-home"];
        var cemetery = orgs["jingyunshan-cemetery"];
        var dispatcher = ActorFor(home, "刘洋（业务调度）", Roles.Clerk);
        var sales = ActorFor(cemetery, "孙丽（销售）", Roles.Clerk);
        var today = ChinaTime.Today(clock);
        DateTimeOffset At(int daysAgo, int hour, int minute) => ChinaTime.At(today.AddDays(-daysAgo), new TimeOnly(hour, minute)).ToUniversalTime();
        // Today's steps happen this morning, or an hour ago when the demo starts before then.
        var anHourAgo = clock.GetUtcNow().AddHours(-1);
        DateTimeOffset Today(int hour, int minute) => At(0, hour, minute) < anHourAgo ? At(0, hour, minute) : anHourAgo;

        async Task<CustodyRecord?> PickUpAsync(string idNumber, DateTimeOffset pickedUp, string from)
        {
            if (await standings.ByNumberAsync(idNumber, ct) is not { Status: CertificateStandingStatus.Active } s) return null;
            var record = new CustodyRecord
            {
                Id = Guid.NewGuid(), CertificateId = s.CertificateId, CertificateNumber = s.Number, PersonKey = s.IdNumber ?? s.CertificateId.ToString("N"),
                OpenPersonKey = s.IdNumber ?? s.CertificateId.ToString("N"), DecedentName = s.DecedentName, Sex = s.Sex, DecedentIdNumber = s.IdNumber,
                DeathAt = s.DeathAt, HouseholdAddress = s.HouseholdAddress, FuneralHomeId = home.Id, State = CustodyState.PickedUp,
                PickedUpAt = pickedUp, FromAddress = from, CreatedAt = pickedUp, UpdatedAt = pickedUp,
            };
            db.Add(record);
            records.AddStep(record, dispatcher, CustodyStep.PickUp, pickedUp, from, s.Number);
            records.Publish(CustodyEventTypes.PickedUp, record, pickedUp, home.Id, home.Name, from);
            return record;
        }
        void Arrive(CustodyRecord r, DateTimeOffset at)
        {
            r.State = CustodyState.InStorage;
            r.ArrivedAt = at;
            r.StorageUntil = at.AddDays(days);
            records.AddStep(r, dispatcher, CustodyStep.Arrive, at, home.Name);
        }
        void Cremate(CustodyRecord r, string personInCharge, string idNumber, DateTimeOffset signed, DateTimeOffset cremated, string furnace)
        {
            db.Add(new CremationConsent
            {
                CustodyId = r.Id, Name = personInCharge, IdNumber = idNumber, Relationship = "child", Phone = "13800000000",
                SignedAt = signed, Channel = "counter", RecordedBy = dispatcher.Name, RecordedAt = signed,
            });
            records.AddStep(r, dispatcher, CustodyStep.SignConsent, signed, document: CustodyDocument.CremationConsent.ChineseName());
            r.State = CustodyState.Cremated;
            r.CrematedAt = cremated;
            r.Furnace = furnace;
            records.AddStep(r, dispatcher, CustodyStep.Cremate, cremated, $"{furnace}号炉");
            records.Publish(CustodyEventTypes.Cremated, r, cremated, home.Id, home.Name, furnace);
        }

        // 陈桂兰 (died four days ago): arrived the same morning, no extension: over the storage limit.
        if (await PickUpAsync(IdFor("520115", new DateOnly(1947, 11, 30), 168), At(4, 7, 30), "贵阳市第一人民医院") is { } chen)
            Arrive(chen, At(4, 8, 20));

        // 李秀英 (died two days ago): consent signed by her son at the counter, cremated this morning.
        if (await PickUpAsync(IdFor("520103", new DateOnly(1938, 9, 2), 242), At(2, 16, 0), "贵州医科大学附属医院") is { } li)
        {
            Arrive(li, At(2, 16, 50));
            Cremate(li, "李明", IdFor("520103", new DateOnly(1965, 3, 8), 17), At(1, 10, 0), Today(8, 30), "2");
        }

        // 张德明 (died three days ago at home): cremated, ashes released to his daughter, buried at 景云山公墓.
        if (await PickUpAsync(IdFor("520102", new DateOnly(1935, 1, 20), 53), At(3, 23, 30), "贵阳市南明区（家中）") is { } zhang)
        {
            Arrive(zhang, At(2, 0, 30));
            Cremate(zhang, "张丽", IdFor("520102", new DateOnly(1962, 6, 1), 28), At(2, 9, 0), At(1, 9, 0), "1");
            db.Add(new AshesAgreement
            {
                CustodyId = zhang.Id, Destination = AshesDestination.CemeteryPlot, InstitutionId = cemetery.Id, PlotOrNiche = "松园-03-012",
                RecordedBy = dispatcher.Name, RecordedAt = At(1, 10, 0),
            });
            records.AddStep(zhang, dispatcher, CustodyStep.RecordAshesAgreement, At(1, 10, 0), cemetery.Name, CustodyDocument.AshesAgreement.ChineseName());
            zhang.State = CustodyState.AshesReleased;
            zhang.AshesReleasedAt = At(1, 11, 0);
            zhang.AshesReleasedTo = "张丽";
            records.AddStep(zhang, dispatcher, CustodyStep.ReleaseAshes, At(1, 11, 0), home.Name);
            var buried = Today(10, 0);
            db.Add(new Burial
            {
                Id = Guid.NewGuid(), CustodyId = zhang.Id, InstitutionId = cemetery.Id, PlotOrNiche = "松园-03-012", BuriedAt = buried,
                DocumentKind = "death-certificate", DocumentNumber = zhang.CertificateNumber, RecordedBy = sales.Name, RecordedAt = buried,
            });
            zhang.State = CustodyState.Placed;
            zhang.OpenPersonKey = null;
            zhang.PlacedAt = buried;
            zhang.PlacementInstitutionId = cemetery.Id;
            zhang.PlotOrNiche = "松园-03-012";
            records.AddStep(zhang, sales, CustodyStep.Place, buried, "松园-03-012", zhang.CertificateNumber);
            records.Publish(CustodyEventTypes.Placed, zhang, buried, cemetery.Id, cemetery.Name, "松园-03-012");
        }
        await db.SaveChangesAsync(ct);
    }
}
