using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>Three distinct numbers an hour per organisation; the supervisor is shown organisations above two a day.</summary>
public class TinyLookupLimitFactory : HereafterFactory
{
    public TinyLookupLimitFactory() { }
    protected TinyLookupLimitFactory(HereafterFactory previous) : base(previous) { }

    /// <summary>Another web node on this one's database (this one must keep its storage).</summary>
    public TinyLookupLimitFactory Beside() => new(this);

    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>
    {
        ["RateLimits:CertificateLookups:PerHour"] = "3",
        ["RateLimits:CertificateLookups:PerDay"] = "10",
        ["RateLimits:CertificateLookups:ReportThreshold"] = "2",
    };
}

public sealed class CertificateLookupLimitTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static async Task<string> IssueAsync(HereafterFactory factory)
    {
        var hospital = await factory.ClientForAsync("demo-hospital");
        var response = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next()), Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.JsonAsync()).GetProperty("number").GetString()!;
    }

    [Fact]
    public async Task DistinctNumbers_AreLimitedPerOrganisation_AcrossNodes_AndTheSupervisorSeesWhoLookedUpMany()
    {
        var first = new TinyLookupLimitFactory { KeepStorage = true };
        try
        {
            using var second = first.Beside();
            var numbers = new List<string>();
            for (var i = 0; i < 4; i++) numbers.Add(await IssueAsync(first));
            var onFirst = await first.ClientForAsync("demo-funeral-home");
            var onSecond = await second.ClientForAsync("demo-funeral-home");

            // Two found on one node, one guessed on the other: three distinct numbers, the limit.
            Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync($"/api/v1/certificates/{numbers[0]}")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await onFirst.GetAsync($"/api/v1/certificates/{numbers[1]}/pdf?copy=4")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await onSecond.GetAsync("/api/v1/certificates/11010519491231002X")).StatusCode);

            var limited = await onSecond.GetAsync($"/api/v1/certificates/{numbers[2]}");
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
            Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(1));
            Assert.Equal(429, (await limited.JsonAsync()).GetProperty("status").GetInt32());
            Assert.Equal(HttpStatusCode.TooManyRequests, (await onFirst.GetAsync($"/api/v1/certificates/{numbers[3]}")).StatusCode);
            Assert.Equal(HttpStatusCode.TooManyRequests, (await onFirst.GetAsync("/api/v1/certificates/52010219800101002X")).StatusCode);

            // A number already looked up is not a new one; another organisation has its own count; the issuer is not counted.
            Assert.Equal(HttpStatusCode.OK, (await onSecond.GetAsync($"/api/v1/certificates/{numbers[0]}")).StatusCode);
            var police = await first.ClientForAsync("demo-police");
            Assert.Equal(HttpStatusCode.OK, (await police.GetAsync($"/api/v1/certificates/{numbers[2]}")).StatusCode);
            var hospital = await first.ClientForAsync("demo-hospital");
            foreach (var n in numbers) Assert.Equal(HttpStatusCode.OK, (await hospital.GetAsync($"/api/v1/certificates/{n}")).StatusCode);

            // The supervisor: the funeral home (3 distinct numbers > 2), not the police (1) nor the issuer.
            var supervisor = await second.ClientForAsync("demo-civil-affairs");
            var unusual = (await (await supervisor.GetAsync("/api/v1/certificate-lookups")).JsonAsync()).EnumerateArray().ToList();
            var funeralHome = Assert.Single(unusual);
            Assert.Equal("贵阳市殡仪馆", funeralHome.GetProperty("organisationName").GetString());
            Assert.Equal(3, funeralHome.GetProperty("distinctNumbers").GetInt32());
            Assert.Equal(4, funeralHome.GetProperty("lookups").GetInt32());
            var withLowerThreshold = (await (await supervisor.GetAsync("/api/v1/certificate-lookups?threshold=0")).JsonAsync()).EnumerateArray();
            Assert.Equal(2, withLowerThreshold.Count());
            Assert.Equal(HttpStatusCode.Forbidden, (await onFirst.GetAsync("/api/v1/certificate-lookups")).StatusCode);

            var page = await SignedIn.AsAsync(first, "supervisor.zhou");
            var html = await page.GetStringAsync("/supervision/certificates");
            Assert.Contains("证明查询异常（近24小时）", html);
            Assert.Contains("贵阳市殡仪馆", html);
        }
        finally
        {
            first.Dispose();
        }
    }

    [Fact]
    public async Task LookupPage_OverTheLimit_Answers429WithAMessage()
    {
        using var factory = new TinyLookupLimitFactory();
        var client = await SignedIn.AsAsync(factory, "cemetery.sun");
        async Task<HttpResponseMessage> LookupAsync(string number) =>
            await HtmlForms.SubmitAsync(client, "/lookup", "lookup", new Dictionary<string, string> { ["Number"] = number });

        for (var i = 0; i < 3; i++)
        {
            var found = await LookupAsync(await IssueAsync(factory));
            Assert.Equal(HttpStatusCode.OK, found.StatusCode);
            Assert.Contains("贵单位可查阅", await found.Content.ReadAsStringAsync());
        }
        var number = await IssueAsync(factory);
        var limited = await LookupAsync(number);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        var html = await limited.Content.ReadAsStringAsync();
        Assert.Contains("贵单位查询的证明编号数量已达上限", html);
        Assert.DoesNotContain("贵单位可查阅", html);
    }
}
