using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>
/// Dates are China dates: around China midnight (23:30 and 00:30 China time are 15:30 and 16:30 UTC) the
/// certificate rules and the verification page use the Asia/Shanghai date, not the UTC one.
/// </summary>
public sealed class ChinaDateCertificateTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Fact]
    public async Task At2330China_ADeathAt2310China_IsIssued_NotInTheFuture()
    {
        using var factory = new FakeClockFactory(new DateTimeOffset(2026, 12, 1, 15, 30, 0, TimeSpan.Zero));
        var hospital = await factory.ClientForAsync("demo-hospital");
        var response = await hospital.PostAsJsonAsync("/api/v1/certificates",
            People.HospitalDeath(People.Next(), new DateTimeOffset(2026, 12, 1, 23, 10, 0, China)), Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task At0030China_ADeathTomorrowInChina_IsRejectedAsInTheFuture()
    {
        using var factory = new FakeClockFactory(new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.Zero));
        var hospital = await factory.ClientForAsync("demo-hospital");
        var response = await hospital.PostAsJsonAsync("/api/v1/certificates",
            People.HospitalDeath(People.Next(), new DateTimeOffset(2026, 12, 3, 0, 10, 0, China)), Web);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.JsonAsync()).GetProperty("errors");
        Assert.Contains("死亡时间不能晚于当前时间", errors.GetProperty("death.dateTime").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task At0030China_TheVerifyPage_ShowsTheChinaDateOfDeath_NotTheUtcDate()
    {
        // 00:10 on 2 December in China is still 1 December in UTC.
        using var factory = new FakeClockFactory(new DateTimeOffset(2026, 12, 1, 16, 30, 0, TimeSpan.Zero));
        var hospital = await factory.ClientForAsync("demo-hospital");
        var response = await hospital.PostAsJsonAsync("/api/v1/certificates",
            People.HospitalDeath(People.Next(), new DateTimeOffset(2026, 12, 2, 0, 10, 0, China)), Web);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = new Uri((await response.JsonAsync()).GetProperty("verificationUrl").GetString()!);

        var html = await factory.CreateClient().GetStringAsync(url.AbsolutePath);
        Assert.Contains(">有效<", html);
        Assert.Contains("2026-12-02", html);
        Assert.DoesNotContain("2026-12-01", html);
    }
}
