using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>The month of death, and so the month a payment stops, is the China month.</summary>
public sealed class ChinaDateReconciliationTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ADeathAt0030ChinaOnThe1st_StopsFromTheFollowingMonth_NotFromThatMonth()
    {
        // 00:30 on 1 December in China is 16:30 on 30 November in UTC: the month of death is December.
        using var factory = new FakeClockFactory(new DateTimeOffset(2026, 12, 1, 2, 0, 0, TimeSpan.Zero));
        var dead = People.Next();
        var hospital = await factory.ClientForAsync("demo-hospital");
        var issued = await hospital.PostAsJsonAsync("/api/v1/certificates",
            People.HospitalDeath(dead, new DateTimeOffset(2026, 12, 1, 0, 30, 0, TimeSpan.FromHours(8))), Web);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);

        var csv = new StringBuilder("身份证号,姓名,出生日期,月发放金额,已发放至,项目,账号\n")
            .Append(CultureInfo.InvariantCulture, $"{dead.IdNumber},{dead.Name},{dead.BirthDate:yyyy-MM-dd},1000.00,2027-02,,6222000011112222\n")
            .ToString();
        var clerk = await factory.ClientForAsync("demo-social-security");
        var id = await clerk.UploadAcceptedAsync("enterprise-pension", csv);
        Assert.Equal("completed", (await clerk.WaitFinishedAsync(id)).GetProperty("status").GetString());

        var stop = Assert.Single(await clerk.ItemsAsync(id, "stops"));
        Assert.Equal("2026-12-01", stop.GetProperty("deathDate").GetString());
        Assert.Equal("2027-01", stop.GetProperty("stopFrom").GetString());
        Assert.Equal(2, stop.GetProperty("overpaidMonths").GetInt32());
        Assert.Equal(2000.00m, stop.GetProperty("overpaidAmount").GetDecimal());
    }
}
