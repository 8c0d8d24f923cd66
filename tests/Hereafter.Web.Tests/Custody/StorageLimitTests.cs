using System.Net;
using System.Net.Http.Json;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Time;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;

namespace Hereafter.Web.Tests.Custody;

/// <summary>
/// Arrival starts the storage timer: <c>Custody:StorageDays</c> (3) whole days from the arrival instant (ADR 0028), so a
/// body that arrives at 23:30 or at 00:30 Asia/Shanghai is over its limit 72 hours later, not at a calendar date's end.
/// </summary>
public sealed class StorageLimitTests
{
    [Theory]
    [InlineData(23, 30)]
    [InlineData(0, 30)]
    public async Task TheLimit_Is72HoursAfterArrival_WhateverTheChinaDate(int hour, int minute)
    {
        var now = DateTimeOffset.UtcNow;
        using var factory = new FakeClockFactory(now);
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        // A death three days ago, so that the latest such China time before now comes after the pickup at any hour.
        var death = now.AddDays(-3);
        var hospital = await factory.ClientForAsync("demo-hospital");
        var issued = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next(), death));
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var number = (await issued.JsonAsync()).GetProperty("number").GetString()!;
        var id = (await (await funeral.PickUpAsync(number, death.AddHours(1))).JsonAsync()).Id();
        var arrival = ChinaTime.At(ChinaTime.DateOf(now), new TimeOnly(hour, minute));
        if (arrival > now) arrival = arrival.AddDays(-1);

        var arrived = await funeral.ArriveAsync(id, arrival);
        Assert.Equal(HttpStatusCode.OK, arrived.StatusCode);
        var limit = (await arrived.JsonAsync()).GetProperty("storageUntil").GetDateTimeOffset();
        Assert.Equal(arrival.AddHours(72), limit);
        Assert.Equal(ChinaTime.DateOf(arrival).AddDays(3), ChinaTime.DateOf(limit));
        Assert.Equal(new TimeOnly(hour, minute), TimeOnly.FromDateTime(ChinaTime.ToChina(limit).DateTime));

        var record = await funeral.RecordAsync(id);
        Assert.Equal("in-storage", record.GetProperty("state").GetString());
        Assert.False(record.GetProperty("overStorageLimit").GetBoolean());
        // Access tokens expire by the same clock: a fresh one after each jump.
        factory.Clock.SetUtcNow(limit.AddMinutes(-1));
        Assert.False((await (await factory.ClientForAsync("demo-funeral-home")).RecordAsync(id)).GetProperty("overStorageLimit").GetBoolean());
        factory.Clock.SetUtcNow(limit.AddMinutes(1));
        Assert.True((await (await factory.ClientForAsync("demo-funeral-home")).RecordAsync(id)).GetProperty("overStorageLimit").GetBoolean());
        // The bureau sees it too.
        Assert.True((await (await factory.ClientForAsync("demo-civil-affairs")).RecordAsync(id)).GetProperty("overStorageLimit").GetBoolean());
    }

    [Fact]
    public void TheDomainRule_CountsFromTheInstant_AndOnlyWhileInStorage()
    {
        var arrival = ChinaTime.At(new DateOnly(2026, 12, 3), new TimeOnly(23, 30));
        var until = StorageLimit.Until(arrival, 3);
        Assert.Equal(ChinaTime.At(new DateOnly(2026, 12, 6), new TimeOnly(23, 30)), until);
        Assert.False(StorageLimit.IsOver(CustodyState.InStorage, until, until));
        Assert.True(StorageLimit.IsOver(CustodyState.InStorage, until, until.AddTicks(1)));
        Assert.False(StorageLimit.IsOver(CustodyState.Cremated, until, until.AddDays(1)));
        Assert.False(StorageLimit.IsOver(CustodyState.PickedUp, null, until.AddDays(1)));
    }
}
