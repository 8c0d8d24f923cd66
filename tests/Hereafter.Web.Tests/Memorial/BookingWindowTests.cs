using System.Net;
using Hereafter.Domain.Time;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// Dates and windows in China time: at 23:30 and 00:30 Asia/Shanghai (15:30 and 16:30 UTC) "today" is the China date,
/// booking opens at its China moment and a slot is over at its China end.
/// </summary>
public sealed class BookingWindowTests
{
    // A date near the real one: tokens and cookies are issued and checked with the same clock either way.
    private static readonly DateOnly D = ChinaTime.Today(TimeProvider.System).AddDays(20);

    [Fact]
    public async Task AtHalfPastEleven_TodayIsStillTheChinaDate_AndBookingOpensAtItsChinaMinute()
    {
        using var factory = new FakeClockFactory(ChinaTime.At(D.AddDays(-1), new TimeOnly(23, 30)).ToUniversalTime());
        var site = await factory.SiteIdAsync(BookingSupport.Qingshan);
        var staff = await factory.ClientForAsync(BookingSupport.QingshanClient);

        // 15:30 UTC: the UTC date is already the China date, but the day before the China date is in the past.
        var past = await staff.PublishAsync(site, BookingSupport.Day(D.AddDays(-2), [BookingSupport.Slot("08:00", "09:00", 5)],
            opensAt: ChinaTime.At(D.AddDays(-9), new TimeOnly(8, 0))));
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Equal($"预约日期不能早于今天（{D.AddDays(-1):yyyy-MM-dd}）", Assert.Single((await past.JsonAsync()).FieldErrors("date")));
        var tonight = await staff.PublishedSlotsAsync(site, BookingSupport.Day(D.AddDays(-1),
            [BookingSupport.Slot("22:00", "23:00", 5), BookingSupport.Slot("23:00", "23:59", 5)], opensAt: ChinaTime.At(D.AddDays(-8), new TimeOnly(8, 0))));
        // Opens at midnight China time, half an hour from now.
        var next = await staff.PublishedSlotsAsync(site, BookingSupport.Day(D.AddDays(7), [BookingSupport.Slot("08:00", "10:00", 5)],
            opensAt: ChinaTime.At(D, TimeOnly.MinValue)));

        var citizen = await factory.NewCitizenAsync();
        var over = await citizen.BookAsync(tonight[0]);
        Assert.Equal(HttpStatusCode.Conflict, over.StatusCode);
        Assert.Contains("23:00 结束）已结束", (await over.JsonAsync()).Detail());
        var late = await (await citizen.BookAsync(tonight[1])).JsonAsync();
        var lateId = late.GetProperty("id").GetGuid();
        var early = await citizen.BookAsync(next[0]);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        var problem = await early.JsonAsync();
        Assert.Equal($"该日尚未开放预约，将于 {D:yyyy-MM-dd} 00:00（北京时间）开放", problem.Detail());
        Assert.Equal(ChinaTime.At(D, TimeOnly.MinValue), problem.GetProperty("opensAt").GetDateTimeOffset());
        Assert.False((await factory.SlotAsync(site, D.AddDays(7), next[0])).GetProperty("open").GetBoolean());

        // 00:30 China time (16:30 UTC, still the previous UTC date): yesterday is past, booking has opened, tonight's slot is over.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var yesterday = await staff.PublishAsync(site, BookingSupport.Day(D.AddDays(-1), [BookingSupport.Slot("09:00", "10:00", 5)],
            opensAt: ChinaTime.At(D.AddDays(-8), new TimeOnly(8, 0))));
        Assert.Equal(HttpStatusCode.BadRequest, yesterday.StatusCode);
        Assert.Equal($"预约日期不能早于今天（{D:yyyy-MM-dd}）", Assert.Single((await yesterday.JsonAsync()).FieldErrors("date")));
        Assert.Equal(HttpStatusCode.Created, (await citizen.BookAsync(next[0])).StatusCode);
        Assert.True((await factory.SlotAsync(site, D.AddDays(7), next[0])).GetProperty("open").GetBoolean());
        var cancel = await citizen.DeleteAsync($"/api/v1/memorial/bookings/{lateId}");
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Contains("已结束，不能取消", (await cancel.JsonAsync()).Detail());
        Assert.Equal(HttpStatusCode.Conflict, (await (await factory.NewCitizenAsync()).BookAsync(tonight[1])).StatusCode);
    }
}
