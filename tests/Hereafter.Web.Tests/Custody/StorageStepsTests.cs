using System.Net;
using Hereafter.Domain.Custody;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;

namespace Hereafter.Web.Tests.Custody;

/// <summary>Arrival and storage extensions through the API: who may record them, when, and what they log.</summary>
public sealed class StorageStepsTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private async Task<(HttpClient Funeral, Guid Id)> PickedUpAsync()
    {
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        return (funeral, (await (await funeral.PickUpAsync(await factory.IssueAsync())).JsonAsync()).Id());
    }

    [Fact]
    public async Task Arrival_MovesToStorage_Once_AndNotBeforeThePickup_NorInTheFuture()
    {
        var (funeral, id) = await PickedUpAsync();
        var before = await funeral.ArriveAsync(id, CounterTestSupport.AfterDeath.AddMinutes(-1));
        Assert.Equal(HttpStatusCode.BadRequest, before.StatusCode);
        Assert.Equal("custody.arrival.before-pickup", (await before.JsonAsync()).GetProperty("errorCodes").GetProperty("arrivedAt")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await funeral.ArriveAsync(id, DateTimeOffset.UtcNow.AddHours(1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientForAsync("demo-funeral-home-2")).ArriveAsync(id, DateTimeOffset.UtcNow)).StatusCode);

        var arrived = await funeral.ArriveAsync(id, CounterTestSupport.AfterDeath.AddHours(1));
        Assert.Equal(HttpStatusCode.OK, arrived.StatusCode);
        Assert.Equal("in-storage", (await arrived.JsonAsync()).GetProperty("state").GetString());
        var again = await funeral.ArriveAsync(id, CounterTestSupport.AfterDeath.AddHours(2));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("wrong-state", (await again.JsonAsync()).GetProperty("refusals")[0].GetProperty("code").GetString());

        var record = await funeral.RecordAsync(id);
        Assert.Equal(["pick-up", "arrive"], record.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetString()));
        Assert.Contains("custody.arrived", (await factory.AuditOfAsync(id)).Select(a => a.Action));
    }

    [Fact]
    public async Task Extension_NeedsAReason_AndALaterLimit_AndIsLogged()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        var limit = (await funeral.RecordAsync(seeded.CustodyId)).GetProperty("storageUntil").GetDateTimeOffset();

        var noReason = await funeral.ExtendAsync(seeded.CustodyId, limit.AddDays(2), " ");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("custody.extension.reason-invalid", (await noReason.JsonAsync()).GetProperty("errorCodes").GetProperty("reason")[0].GetString());
        var notLater = await funeral.ExtendAsync(seeded.CustodyId, limit, "家属在外地，需等候");
        Assert.Equal(HttpStatusCode.BadRequest, notLater.StatusCode);
        Assert.Equal("custody.extension.until-not-later", (await notLater.JsonAsync()).GetProperty("errorCodes").GetProperty("until")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await funeral.ExtendAsync(seeded.CustodyId, null, "家属在外地，需等候")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientForAsync("demo-funeral-home-2")).ExtendAsync(seeded.CustodyId, limit.AddDays(2), "x")).StatusCode);

        var extended = await funeral.ExtendAsync(seeded.CustodyId, limit.AddDays(2), "家属在外地，需等候");
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal(limit.AddDays(2), (await extended.JsonAsync()).GetProperty("storageUntil").GetDateTimeOffset());
        var step = (await funeral.RecordAsync(seeded.CustodyId)).GetProperty("steps").EnumerateArray().Last();
        Assert.Equal("extend-storage", step.GetProperty("step").GetString());
        Assert.Equal("家属在外地，需等候", step.GetProperty("note").GetString());
        var audit = Assert.Single(await factory.AuditOfAsync(seeded.CustodyId), a => a.Action == "custody.storage-extended");
        Assert.Contains("家属在外地，需等候", audit.Details);
    }

    [Fact]
    public async Task Extension_OfABodyNotInStorage_Is409()
    {
        var (funeral, id) = await PickedUpAsync();
        var response = await funeral.ExtendAsync(id, DateTimeOffset.UtcNow.AddDays(5), "等候家属");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("wrong-state", (await response.JsonAsync()).GetProperty("refusals")[0].GetProperty("code").GetString());
    }
}
