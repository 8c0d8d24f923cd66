using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.CorrectCertificate;
using Hereafter.Web.Modules.Certificates.Features.IssueCertificate;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Platform.Organisations;
using static Hereafter.Web.Platform.Demo.DemoData;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>
/// Development-only certificates issued by the demo hospitals, health centre and police, one of them corrected;
/// once, when the module has no certificate yet. Issued through the handlers, so the death cases follow by the outbox.
/// </summary>
public static class CertificatesDemoData
{
    public static Task SeedCertificatesDemoAsync(this IServiceProvider services, CancellationToken ct = default) =>
        SeedOnceAsync<Certificate>(services,
            ["gy-first-hospital", "gy-medical-university-hospital", "nm-huaguoyuan-health-centre", "gy-police-nanming"],
            (sp, orgs) => SeedAsync(sp, orgs, ct), ct);

    private static async Task SeedAsync(IServiceProvider sp, Dictionary<string, Organisation> orgs, CancellationToken ct)
    {
        var issue = sp.GetRequiredService<IssueCertificateHandler>();
        var amend = sp.GetRequiredService<CorrectCertificateHandler>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        string At(int daysAgo, int hour, int minute) =>
            ChinaTime.At(today.AddDays(-daysAgo), new TimeOnly(hour, minute)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

        var hospital = ActorFor(orgs["gy-first-hospital"], "王立新医生", Roles.Certifier);
        var university = ActorFor(orgs["gy-medical-university-hospital"], "李卫东医生", Roles.Certifier);
        var centre = ActorFor(orgs["nm-huaguoyuan-health-centre"], "赵春梅医生", Roles.Certifier);
        var police = ActorFor(orgs["gy-police-nanming"], "陈刚", Roles.Certifier);

        await issue.HandleAsync(hospital, Sample.HospitalDeath(
            "王建国", "1", IdFor("520102", new DateOnly(1942, 5, 14), 131), "1942-05-14", At(1, 6, 40),
            "贵阳市第一人民医院", "王立新", "110520100012345",
            [("a", "急性心肌梗死", 3m, "hours", "I21.9"), ("b", "冠状动脉粥样硬化性心脏病", 8m, "years", "I25.1")], "I21.9"), ct);

        await issue.HandleAsync(university, Sample.HospitalDeath(
            "李秀英", "2", IdFor("520103", new DateOnly(1938, 9, 2), 242), "1938-09-02", At(2, 14, 5),
            "贵州医科大学附属医院", "李卫东", "110520000054321",
            [("a", "呼吸衰竭", 2m, "days", "J96.9"), ("b", "重症肺炎", 10m, "days", "J18.9")], "J18.9"), ct);

        await issue.HandleAsync(centre, Sample.HomeDeath(
            "张德明", "1", IdFor("520102", new DateOnly(1935, 1, 20), 53), "1935-01-20", At(3, 22, 15),
            "赵春梅", "210520102067890"), ct);

        await issue.HandleAsync(hospital, Sample.HospitalDeath(
            "陈桂兰", "2", IdFor("520115", new DateOnly(1947, 11, 30), 168), "1947-11-30", At(4, 3, 20),
            "贵阳市第一人民医院", "王立新", "110520100012345",
            [("a", "脑出血", 6m, "hours", "I61.9"), ("b", "高血压病", 20m, "years", "I10")], "I61.9"), ct);

        await issue.HandleAsync(police, Sample.UnidentifiedAccident(At(2, 5, 30), "陈刚", "GA52010200123"), ct);

        // A corrected certificate, so a superseded version and the history can be seen.
        var chen = Sample.HospitalDeath(
            "刘志强", "1", IdFor("520102", new DateOnly(1979, 7, 7), 217), "1979-07-07", At(1, 19, 45),
            "贵阳市第一人民医院", "王立新", "110520100012345",
            [("a", "重型颅脑损伤", 5m, "hours", "S06.9")], "V89.2", manner: "2");
        var issued = await issue.HandleAsync(hospital, chen, ct);
        await amend.HandleAsync(hospital, issued.Number, new(
            "常住地址录入错误", chen with { Decedent = chen.Decedent with { ResidenceAddress = "贵州省贵阳市南明区花果园R1区3栋12号" } }), ct);
    }
}
