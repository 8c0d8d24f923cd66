using System.Net;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Memorial.BookingPages;

/// <summary>The public page of booking days (/memorial): no sign-in, sites, days from today, slots with places left.</summary>
public sealed class PublicBookingPagesTests(BookingPagesFactory factory) : IClassFixture<BookingPagesFactory>
{
    [Fact]
    public async Task ThePublic_SeesTheSites_WithoutSigningIn_AndTheSeniorsLine()
    {
        var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync("/memorial");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        var jingyun = await factory.OrganisationIdAsync(BookingPagesSeed.Jingyunshan);
        var qianling = await factory.OrganisationIdAsync(BookingPagesSeed.Qianling);
        Assert.Contains($"href=\"/memorial?site={jingyun}\"", html);
        Assert.Contains($"href=\"/memorial?site={qianling}\"", html);
        Assert.Contains("景云山公墓", html);
        Assert.Contains("年满 70 周岁的老人可不预约，凭身份证直接入园祭扫。", html);
        // Two sites: nothing is chosen for the visitor, so no slot is offered yet.
        Assert.DoesNotContain("/family/memorial/book?slot=", html);
        // The public menu and home page lead here.
        Assert.Contains("href=\"/memorial\"", await anonymous.GetStringAsync("/"));
    }

    [Fact]
    public async Task ASitesDay_ShowsEachSlotsPlacesLeft_WhetherItIsOpen_AndABookLinkOnlyWhereOneCanBook()
    {
        var site = await factory.OrganisationIdAsync(BookingPagesSeed.Jingyunshan);
        var html = await (await factory.CreateClient().GetAsync($"/memorial?site={site}")).HtmlAsync();
        // The site's days from today (China date); the first is chosen.
        Assert.Contains($"href=\"/memorial?site={site}&date=2027-03-30\" class=\"current\" aria-current=\"true\">2027-03-30（周二）</a>", html);
        Assert.Contains($"href=\"/memorial?site={site}&date=2027-04-06\"", html);
        Assert.DoesNotContain("2027-03-29", html);
        // At 10:00: 08–10 is over, 10–12 open with every general place (20 of 200 are kept for recent graves).
        var over = await factory.DemoSlotTodayAsync(8);
        var open = await factory.DemoSlotTodayAsync(10);
        Assert.Contains("已结束", html);
        Assert.DoesNotContain(BookingPageActions.Book(over.Id), html);
        Assert.Contains($"href=\"{BookingPageActions.Book(open.Id)}\"", html);
        Assert.Contains("180 人（共 200 人）", html);
        Assert.Contains("40 个（共 40 个）", html);
        Assert.Contains("可用 200 人（含专门保留的 20 人）", html);
        Assert.Contains("可预约", html);
    }

    [Fact]
    public async Task ADayNotOpenYet_SaysWhenBookingOpens_AndOffersNoBooking()
    {
        var date = BookingPagesSeed.FreeDate();
        var opens = Hereafter.Domain.Time.ChinaTime.At(date.AddDays(-7), new TimeOnly(8, 0));
        var slots = await factory.DayAsync(BookingPagesSeed.Qianling, date, opens, 4, 0, (9, 11, 50, 0));
        var html = await (await factory.CreateClient().GetAsync($"/memorial?site={slots[0].Site}&date={date:yyyy-MM-dd}")).HtmlAsync();
        Assert.Contains($"{opens:yyyy-MM-dd} 08:00 开放预约", html);
        Assert.Contains("09:00–11:00", html);
        Assert.Contains("不提供停车，请乘公共交通", html);
        Assert.DoesNotContain(BookingPageActions.Book(slots[0].Id), html);
    }

    [Fact]
    public async Task AFullSlot_SaysSo_AndOffersNoBooking()
    {
        var date = BookingPagesSeed.FreeDate();
        var slots = await factory.OpenDayAsync(BookingPagesSeed.Qianling, date, 2, (9, 11, 2, 0), (13, 15, 10, 0));
        var (citizen, _) = await factory.NewCitizenOnPagesAsync();
        BookingPageActions.PassIdOf(await citizen.BookAsync(slots[0].Id, partySize: 2));
        var html = await (await factory.CreateClient().GetAsync($"/memorial?site={slots[0].Site}&date={date:yyyy-MM-dd}")).HtmlAsync();
        Assert.Contains("已约满", html);
        Assert.Contains("0 人（共 2 人）", html);
        Assert.DoesNotContain(BookingPageActions.Book(slots[0].Id), html);
        Assert.Contains(BookingPageActions.Book(slots[1].Id), html);
    }

    [Fact]
    public async Task AnUnknownSiteOrDay_FallsBackToTheChoice()
    {
        var response = await factory.CreateClient().GetAsync($"/memorial?site={Guid.NewGuid()}&date=not-a-date");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("选择地点", html);
        Assert.DoesNotContain("选择日期", html);
    }

    [Fact]
    public async Task InEnglish_ThePageIsEnglish_AndStoredNamesAreMarkedChinese()
    {
        var site = await factory.OrganisationIdAsync(BookingPagesSeed.Jingyunshan);
        var html = await (await factory.CreateClient().GetAsync($"/memorial?site={site}&culture=en")).HtmlAsync();
        Assert.Contains("<h1>Book a grave visit</h1>", html);
        Assert.Contains("Places left", html);
        Assert.Contains("2027-03-30 (Tue)", html);
        Assert.Contains("Visitors aged 70 or over need no booking", html);
        Assert.Contains("<span lang=\"zh-CN\">景云山公墓</span>", html);
    }
}
