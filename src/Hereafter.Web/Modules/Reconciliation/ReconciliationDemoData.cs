using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Reconciliation.Features.UploadRoll;
using Hereafter.Web.Platform.Organisations;
using static Hereafter.Web.Platform.Demo.DemoData;

namespace Hereafter.Web.Modules.Reconciliation;

/// <summary>Development-only payee rolls against the demo deaths; once, when the module has no roll yet.</summary>
public static class ReconciliationDemoData
{
    /// <summary>
    /// Two payee rolls against the demo deaths, queued like any upload: the worker reconciles them after start,
    /// so the clerks' pages and the supervisor's statistics show figures computed by the engine from this data.
    /// Paid through next month: the pensions were paid ahead, so each death has an overpayment to recover.
    /// </summary>
    public static Task SeedReconciliationDemoAsync(this IServiceProvider services, CancellationToken ct = default) =>
        SeedOnceAsync<RollJob>(services, ["gy-social-security", "gy-civil-affairs"], (sp, orgs) => SeedAsync(sp, orgs, ct), ct);

    private static async Task SeedAsync(IServiceProvider sp, Dictionary<string, Organisation> orgs, CancellationToken ct)
    {
        var upload = sp.GetRequiredService<UploadRollHandler>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        var paid = new DateOnly(today.Year, today.Month, 1).AddMonths(1).ToString("yyyy-MM");
        var wang = IdFor("520102", new DateOnly(1942, 5, 14), 131);
        var li = IdFor("520103", new DateOnly(1938, 9, 2), 242);
        var zhang = IdFor("520102", new DateOnly(1935, 1, 20), 53);
        var chen = IdFor("520115", new DateOnly(1947, 11, 30), 168);
        var living = IdFor("520102", new DateOnly(1950, 2, 2), 77);
        var zhangTypo = zhang[..14] + (zhang[14] == '9' ? '8' : (char)(zhang[14] + 1)) + zhang[15..];
        var pensions =
            "身份证号,姓名,出生日期,月发放金额,已发放至,项目,账号\n"
            + $"{wang},王建国,1942-05-14,\"3,215.60\",{paid},enterprise-pension,6217000011110001\n"
            + $"{li},李秀瑛,1938-09-02,2860.00,{paid},enterprise-pension,6217000011110002\n"
            + $"{living},赵大山,1950-02-02,2480.00,{paid},enterprise-pension,6217000011110003\n"
            + $"{zhangTypo},张德明,1935-01-20,2975.30,{paid},enterprise-pension,6217000011110004\n"
            + $"{living[..17]},钱小红,,1980.00,{paid},enterprise-pension,6217000011110005\n"
            + $"{living},孙建设,1950-02-02,二千元,{paid},enterprise-pension,6217000011110006\n";
        var allowance =
            "id_number,name,monthly_amount,paid_through\n"
            + $"{chen},陈桂兰,300.00,{paid}\n"
            + $"{living},赵大山,300.00,{paid}\n";
        async Task UploadAsync(string orgCode, string clerk, string programme, string file, string csv)
        {
            var actor = ActorFor(orgs[orgCode], clerk, Roles.Clerk);
            await using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(csv));
            await upload.HandleAsync(actor, programme, file, content, content.Length, ct);
        }
        await UploadAsync("gy-social-security", "吴海（养老保险）", "enterprise-pension", "企业养老金发放名册（示例）.csv", pensions);
        await UploadAsync("gy-civil-affairs", "吴婷（社会救助）", "elderly-allowance", "高龄津贴发放名册（示例）.csv", allowance);
    }
}
