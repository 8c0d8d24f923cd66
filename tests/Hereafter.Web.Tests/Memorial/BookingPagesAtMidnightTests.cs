using Hereafter.Domain.Time;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Memorial.BookingPages;

/// <summary>23:30 China time (15:30 UTC), with the seniors' line switched off (<c>Memorial:NoBookingFromAge</c> 0).</summary>
public sealed class LateEveningBookingPagesFactory() : BookingPagesFactory(ChinaTime.At(Evening, new TimeOnly(23, 30)).ToUniversalTime())
{
    public static readonly DateOnly Evening = new(2027, 3, 30);

    protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Memorial:NoBookingFromAge"] = "0" };
}

/// <summary>"Today" on the booking pages is the China date: a day stays listed until China's midnight, not UTC's.</summary>
public sealed class BookingPagesAtMidnightTests(LateEveningBookingPagesFactory factory) : IClassFixture<LateEveningBookingPagesFactory>
{
    [Fact]
    public async Task At2330_TodayIsListed_At0030_ItIsGone_AndTheSeniorsLineIsOff()
    {
        var site = await factory.OrganisationIdAsync(BookingPagesSeed.Jingyunshan);
        var evening = await (await factory.CreateClient().GetAsync($"/memorial?site={site}")).HtmlAsync();
        // 15:30 UTC is still 30 March in China (the UTC date is the same here; at 00:30 it is not).
        Assert.Contains(">2027-03-30（周二）</a>", evening);
        Assert.DoesNotContain("年满", evening);
        Assert.DoesNotContain("周岁的老人可不预约", evening);

        factory.Clock.Advance(TimeSpan.FromHours(1));
        var night = await (await factory.CreateClient().GetAsync($"/memorial?site={site}")).HtmlAsync();
        // 16:30 UTC on 30 March is 00:30 on 31 March in China: the 30th is over.
        Assert.DoesNotContain("2027-03-30", night);
        Assert.Contains("class=\"current\" aria-current=\"true\">2027-03-31（周三）</a>", night);
    }
}
