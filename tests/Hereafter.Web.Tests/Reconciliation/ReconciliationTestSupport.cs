using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>A small roll whose expected results follow from the issue's rules, built around people certified dead on the platform.</summary>
public sealed class SmallRoll
{
    public required People.Person Dead { get; init; }
    public required People.Person Renamed { get; init; }
    public required People.Person NearId { get; init; }
    public required string NearIdNumber { get; init; }
    public required string Living { get; init; }
    public required YearMonth DeathMonth { get; init; }
    public required string Csv { get; init; }
    public required string[] CertificateNumbers { get; init; }

    public YearMonth PaidThrough => DeathMonth.AddMonths(2);

    /// <summary>Issues three certificates (death yesterday, Guiyang time) and writes the roll:
    /// row 2 exact stop (1,234.50 a month, paid two months past the death), row 3 same ID other name,
    /// row 4 a bad amount, row 5 a living person, (a blank line), row 7 a bad month, row 8 same name and an ID one digit off.</summary>
    public static async Task<SmallRoll> CreateAsync(HereafterFactory factory)
    {
        var dead = People.Next();
        var renamed = People.Next();
        var near = People.Next();
        var numbers = new[] { await factory.IssueAsync(dead), await factory.IssueAsync(renamed), await factory.IssueAsync(near) };
        var deathDate = Hereafter.Domain.Time.ChinaTime.Today(TimeProvider.System).AddDays(-1); // People.HospitalDeath: yesterday, China date
        var month = YearMonth.Of(deathDate);
        // One digit of the sequence changed: the check character then no longer fits, which alone does not reject.
        var digit = near.IdNumber[15] == '9' ? '8' : (char)(near.IdNumber[15] + 1);
        var nearId = near.IdNumber[..15] + digit + near.IdNumber[16..];
        var living = People.Next().IdNumber;
        var paid = month.AddMonths(2).ToString();
        var csv = new StringBuilder("身份证号,姓名,出生日期,月发放金额,已发放至,项目,账号\n")
            .Append(CultureInfo.InvariantCulture, $"{dead.IdNumber},{dead.Name},{dead.BirthDate:yyyy-MM-dd},\"1,234.50\",{paid},,6222000011112222\n")
            .Append(CultureInfo.InvariantCulture, $"{renamed.IdNumber},另一人,,800.00,{paid},,\n")
            .Append(CultureInfo.InvariantCulture, $"{living},测试甲,,abc,{paid},,\n")
            .Append(CultureInfo.InvariantCulture, $"{living},测试活人,,500.00,{paid},,\n")
            .Append('\n')
            .Append(CultureInfo.InvariantCulture, $"{living},测试乙,,500.00,2026-13,,\n")
            .Append(CultureInfo.InvariantCulture, $"{nearId},{near.Name},,300.00,{paid},,\n")
            .ToString();
        return new SmallRoll
        {
            Dead = dead, Renamed = renamed, NearId = near, NearIdNumber = nearId, Living = living, DeathMonth = month,
            Csv = csv, CertificateNumbers = numbers,
        };
    }
}

public static class ReconciliationApi
{
    public static async Task<HttpResponseMessage> UploadAsync(this HttpClient client, string? programme, byte[] content, string fileName = "roll.csv")
    {
        using var form = new MultipartFormDataContent();
        if (programme is not null) form.Add(new StringContent(programme), "programme");
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".xlsx", StringComparison.Ordinal)
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/v1/reconciliation/rolls", form);
    }

    public static async Task<Guid> UploadAcceptedAsync(this HttpClient client, string programme, string csv)
    {
        var response = await client.UploadAsync(programme, Encoding.UTF8.GetBytes(csv));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("queued", body.GetProperty("status").GetString());
        Assert.Equal($"/api/v1/reconciliation/rolls/{body.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Polls the job until it leaves queued/running (bounded).</summary>
    public static async Task<JsonElement> WaitFinishedAsync(this HttpClient client, Guid id, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var job = await (await client.GetAsync($"/api/v1/reconciliation/rolls/{id}")).JsonAsync();
            var status = job.GetProperty("status").GetString();
            if (status is not ("queued" or "running")) return job;
            if (DateTime.UtcNow > until) throw new TimeoutException($"Job {id} still {status}.");
            await Task.Delay(100);
        }
    }

    public static async Task<List<JsonElement>> ItemsAsync(this HttpClient client, Guid id, string kind) =>
        (await (await client.GetAsync($"/api/v1/reconciliation/rolls/{id}/{kind}?pageSize=1000")).JsonAsync())
        .GetProperty("items").EnumerateArray().ToList();
}
