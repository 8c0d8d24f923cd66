using System.Text;
using Hereafter.Domain.Identity;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Reconciliation.Features.DownloadTemplate;

/// <summary>
/// The template roll offered on <c>/reconciliation</c>: UTF-8 with a BOM (so Excel on Chinese Windows reads it), the
/// header row the upload expects in the page's language, and two rows of obviously made-up people (示例甲, region
/// code 000000) to show the formats. Each column's explanation is shown on the page from <see cref="Columns"/>.
/// </summary>
public static class RollTemplate
{
    public sealed record Column(string English, string Chinese, bool Required, string Explanation);

    public static readonly IReadOnlyList<Column> Columns =
    [
        new("id_number", "身份证号", true, "领取人的 18 位公民身份号码（15 位旧号码也可）。"),
        new("name", "姓名", true, "领取人的姓名，与身份证上一致。"),
        new("birth_date", "出生日期", false, "YYYY-MM-DD；空着时按身份证号中的出生日期。"),
        new("monthly_amount", "月发放金额", true, "每月发放的金额（元），最多两位小数，如 1234.50。"),
        new("paid_through", "已发放至", true, "已发放到哪个月，YYYY-MM，如 2026-11。"),
        new("program", "项目", false, "项目代码；空着即为上传时所选的项目。"),
        new("account", "账号", false, "发放账号，原样带到比对结果中，便于停发。"),
    ];

    /// <summary>The template's bytes in the page's language.</summary>
    public static byte[] Csv(bool english)
    {
        var text = new StringBuilder()
            .Append(string.Join(',', Columns.Select(c => english ? c.English : c.Chinese))).Append("\r\n")
            .Append(Example("000000194501010012", english ? "Sample Person A" : "示例甲", "1945-01-01", "1234.50", "2026-11", "", "6200000000000000001"))
            .Append(Example("000000195206150021", english ? "Sample Person B" : "示例乙", "", "856.00", "2026-11", "", ""))
            .ToString();
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    // Region 000000 exists nowhere: the example people cannot be anyone. Their check characters are right, so the
    // example rows read as valid rows if uploaded as they are.
    private static string Example(string first18, string name, string birth, string amount, string paid, string programme, string account)
    {
        var id = first18[..17] + IdNumber.ComputeCheckCharacter(first18.AsSpan(0, 17));
        return string.Join(',', id, name, birth, amount, paid, programme, account) + "\r\n";
    }
}

public static class DownloadTemplateEndpoint
{
    public static void MapDownloadTemplate(this RouteGroupBuilder api) =>
        api.MapGet("/template.csv", (HttpContext http) =>
            {
                ReconciliationAccess.RequireDepartment(Actor.Require(http));
                var english = Texts.IsEnglish;
                return Results.File(RollTemplate.Csv(english), "text/csv; charset=utf-8", english ? "roll-template.csv" : "名册模板.csv");
            })
            .WithSummary("A template roll: UTF-8 with BOM, the upload's header row in the request's language (culture query, cookie or Accept-Language), two made-up rows");
}
