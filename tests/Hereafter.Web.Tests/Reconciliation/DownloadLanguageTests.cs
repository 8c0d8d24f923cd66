using System.Net;
using System.Text;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>
/// Files the pages download open in Excel on Chinese Windows (UTF-8 with a BOM) with a header row in the page's
/// language; under it are the engine's records, as the command line writes them.
/// </summary>
public sealed class DownloadLanguageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    [Fact]
    public async Task TheTemplateRoll_StartsWithABomAndTheUploadsHeader_InThePagesLanguage_AndUploadsAsItIs()
    {
        var clerk = await SignedIn.AsAsync(factory, "social.wu");
        var page = await clerk.GetStringAsync("/reconciliation");
        Assert.Contains("href=\"/api/v1/reconciliation/template.csv?culture=zh-CN\"", page);
        Assert.Contains("月发放金额", page);
        Assert.Contains("每月发放的金额（元），最多两位小数", page);

        var chinese = await clerk.GetAsync("/api/v1/reconciliation/template.csv?culture=zh-CN");
        Assert.Equal(HttpStatusCode.OK, chinese.StatusCode);
        Assert.Equal("text/csv", chinese.Content.Headers.ContentType?.MediaType);
        var bytes = await chinese.Content.ReadAsByteArrayAsync();
        Assert.Equal(Bom, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("身份证号,姓名,出生日期,月发放金额,已发放至,项目,账号", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("示例甲", lines[1]);
        Assert.StartsWith("000000", lines[1]);

        var english = await clerk.GetByteArrayAsync("/api/v1/reconciliation/template.csv?culture=en");
        Assert.Equal(Bom, english[..3]);
        Assert.StartsWith("id_number,name,birth_date,monthly_amount,paid_through,program,account\r\n", Encoding.UTF8.GetString(english[3..]));
        Assert.Contains("href=\"/api/v1/reconciliation/template.csv?culture=en\"", await clerk.GetStringAsync("/reconciliation?culture=en"));

        // The upload reads the template as it is: two valid rows of nobody.
        var api = await factory.ClientForAsync("demo-social-security");
        var upload = await api.UploadAsync("enterprise-pension", bytes);
        Assert.Equal(HttpStatusCode.Accepted, upload.StatusCode);
        var job = await api.WaitFinishedAsync((await upload.JsonAsync()).GetProperty("id").GetGuid());
        Assert.Equal("completed", job.GetProperty("status").GetString());
        Assert.Equal((2, 0, 2), (job.GetProperty("summary").GetProperty("rows").GetInt64(), job.GetProperty("summary").GetProperty("rejected").GetInt64(),
            job.GetProperty("summary").GetProperty("unmatched").GetInt64()));
    }

    [Fact]
    public async Task AResultCsv_HasABom_AndItsHeaderInThePagesLanguage_OverTheEnginesRecords()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var api = await factory.ClientForAsync("demo-social-security");
        var id = await api.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        await api.WaitFinishedAsync(id);
        var clerk = await SignedIn.AsAsync(factory, "social.wu");

        // The page links each file in its own language.
        Assert.Contains($"/api/v1/reconciliation/rolls/{id}/stops.csv?culture=zh-CN", await clerk.GetStringAsync($"/reconciliation/{id}"));
        Assert.Contains($"/api/v1/reconciliation/rolls/{id}/stops.csv?culture=en", await clerk.GetStringAsync($"/reconciliation/{id}?culture=en"));

        foreach (var (kind, engineHeader, chineseHeader) in new[]
        {
            ("stops", ResultFilesSink.StopsHeader, "行号,身份证号,姓名,项目,账号,月发放金额,已发放至,死亡日期,应自何月停发,多发月数,应追回金额,身份证号校验位有误"),
            ("review", ResultFilesSink.ReviewHeader, "行号,原因,身份证号,姓名,项目,账号,月发放金额,已发放至,身份证号校验位有误,比对对象身份证号,比对对象姓名,比对对象死亡日期,应自何月停发,多发月数,应追回金额"),
            ("rejected", ResultFilesSink.RejectedHeader, "行号,原因"),
        })
        {
            var chinese = await clerk.GetByteArrayAsync($"/api/v1/reconciliation/rolls/{id}/{kind}.csv?culture=zh-CN");
            var english = await clerk.GetByteArrayAsync($"/api/v1/reconciliation/rolls/{id}/{kind}.csv?culture=en");
            Assert.Equal(Bom, chinese[..3]);
            Assert.Equal(Bom, english[..3]);
            var (zhHeader, zhRecords) = Split(chinese);
            var (enHeader, enRecords) = Split(english);
            Assert.Equal(chineseHeader, zhHeader);
            Assert.Equal(engineHeader, enHeader);
            Assert.Equal(enRecords, zhRecords); // the records are the engine's, whatever the language
            Assert.NotEmpty(zhRecords);
        }

        // The workbook has the same header as the CSV of its language.
        var sheet = ReconcileRollTests.ReadSheet(await clerk.GetByteArrayAsync($"/api/v1/reconciliation/rolls/{id}/stops.xlsx?culture=zh-CN"));
        Assert.Equal("行号", sheet[0][0]);
        Assert.Equal("应追回金额", sheet[0][10]);
    }

    private static (string Header, string Records) Split(byte[] file)
    {
        var text = Encoding.UTF8.GetString(file[3..]);
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (text[..end], text[(end + 1)..]);
    }
}
