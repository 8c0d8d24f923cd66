using System.Net;
using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Memorial.BookingPages;

/// <summary>The site's booking days (/memorial/days): publish a day, the days from today with what is booked, a day's list.</summary>
public sealed class SiteDaysPagesTests(BookingPagesFactory factory) : IClassFixture<BookingPagesFactory>
{
    private const string Days = "/memorial/days";

    private static Dictionary<string, string> DayForm(DateOnly date, params (string Start, string End, string People, string Cars)[] rows)
    {
        var fields = new Dictionary<string, string>
        {
            ["date"] = date.ToString("yyyy-MM-dd"), ["opensDaysBefore"] = "7", ["opensTime"] = "08:00", ["partyLimit"] = "4", ["recentGraveQuota"] = "10",
        };
        for (var i = 0; i < 4; i++)
        {
            var (start, end, people, cars) = i < rows.Length ? rows[i] : ("", "", "", "");
            fields[$"slots[{i}].start"] = start;
            fields[$"slots[{i}].end"] = end;
            fields[$"slots[{i}].people"] = people;
            fields[$"slots[{i}].cars"] = cars;
        }
        return fields;
    }

    [Fact]
    public async Task OnlyCemeteriesAndColumbaria_UseThePage_AndTheMenuSaysSo()
    {
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var redirect = await anonymous.GetAsync(Days);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("/signin", redirect.Headers.Location!.PathAndQuery.Replace("http://localhost", ""));

        var funeralHome = await SignedIn.AsAsync(factory, "funeral.liu");
        var refused = await funeralHome.GetAsync(Days);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("预约日管理仅限公墓和骨灰堂使用。", await refused.HtmlAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await funeralHome.GetAsync("/memorial/gate")).StatusCode);
        var funeralHome_ = await funeralHome.GetStringAsync("/");
        Assert.DoesNotContain($"href=\"{Days}\"", funeralHome_);

        var cemetery = await SignedIn.AsAsync(factory, "cemetery.sun");
        var home = System.Net.WebUtility.HtmlDecode(await cemetery.GetStringAsync("/"));
        Assert.Contains($"href=\"{Days}\"", home);
        Assert.Contains("href=\"/memorial/gate\"", home);
        Assert.Contains(">纪念服务</", home);
        var page = await cemetery.GetAsync(Days);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.HtmlAsync();
        Assert.Contains("name=\"_handler\" value=\"publish-day\"", html);
        foreach (var field in new[] { "date", "opensDaysBefore", "opensTime", "partyLimit", "recentGraveQuota", "slots-0--start", "slots-3--cars" })
            Assert.Contains($"<label for=\"{field}\">", html);
        Assert.DoesNotContain("slots-4--start", html);
    }

    [Fact]
    public async Task PublishingADay_IgnoresEmptyRows_AndListsTheDayWithWhatIsBooked()
    {
        var cemetery = await SignedIn.AsAsync(factory, "cemetery.ma");
        var date = BookingPagesSeed.FreeDate();
        var published = await HtmlForms.SubmitAsync(cemetery, Days, "publish-day",
            DayForm(date, ("08:00", "10:00", "100", "20"), ("", "", "", ""), ("13:00", "15:00", "80", "0")));
        Assert.Equal($"{Days}?published={date:yyyy-MM-dd}", published.RequestMessage!.RequestUri!.PathAndQuery);
        var html = await published.HtmlAsync();
        Assert.Contains($"已发布 {date:yyyy-MM-dd}", html);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var site = await factory.OrganisationIdAsync(BookingPagesSeed.Qianling);
            var day = await db.Set<MemorialDay>().Include(d => d.Slots).SingleAsync(d => d.InstitutionId == site && d.Date == date);
            Assert.Equal(2, day.Slots.Count);
            Assert.Equal(Hereafter.Domain.Time.ChinaTime.At(date.AddDays(-7), new TimeOnly(8, 0)), day.OpensAt);
            Assert.Equal((4, 10), (day.PartyLimit, day.RecentGraveQuota));
        }
        Assert.Contains("已约 0 / 180 人", html);
        Assert.Contains($"href=\"{Days}?day={date:yyyy-MM-dd}#day-bookings\"", html);

        // Once a citizen books, the list shows it per slot.
        var slot = (await factory.SlotsOfAsync(BookingPagesSeed.Qianling, date)).First();
        using (var scope = factory.Services.CreateScope())
        {
            // Open the day now (it opens a week ahead, after the factory's moment).
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var site = await factory.OrganisationIdAsync(BookingPagesSeed.Qianling);
            await db.Set<MemorialDay>().Where(d => d.InstitutionId == site && d.Date == date)
                .ExecuteUpdateAsync(u => u.SetProperty(d => d.OpensAt, BookingPagesFactory.Start.AddHours(-1)));
        }
        var (citizen, _) = await factory.NewCitizenOnPagesAsync();
        BookingPageActions.PassIdOf(await citizen.BookAsync(slot, partySize: 3, plate: "贵A77777"));
        html = System.Net.WebUtility.HtmlDecode(await cemetery.GetStringAsync(Days));
        Assert.Contains("已约 3 / 180 人", html);
        Assert.Contains("<td>3 / 100</td>", html);
        Assert.Contains("<td>1 / 20</td>", html);
    }

    [Fact]
    public async Task FillingHourlySlots_FillsTheRows_WithoutScript()
    {
        var cemetery = await SignedIn.AsAsync(factory, "cemetery.sun");
        var html = System.Net.WebUtility.HtmlDecode(await cemetery.GetStringAsync($"{Days}?fillFrom=08:00&fillTo=13:00&fillPeople=150&fillCars=30"));
        Assert.Matches("<input id=\"slots-0--start\"[^>]*value=\"08:00\"", html);
        Assert.Matches("<input id=\"slots-4--end\"[^>]*value=\"13:00\"", html);
        Assert.Matches("<input id=\"slots-4--people\"[^>]*value=\"150\"", html);
        Assert.DoesNotContain("slots-5--start", html);
        Assert.Contains("name=\"rows\" value=\"5\"", html);

        var wrong = System.Net.WebUtility.HtmlDecode(await cemetery.GetStringAsync($"{Days}?fillFrom=10:00&fillTo=09:00&fillPeople=0&fillCars=1"));
        Assert.Contains($"href=\"{Days}?fillFrom=10:00&fillTo=09:00&fillPeople=0&fillCars=1#fillTo\"", wrong);
        Assert.Contains("结束时刻须比开始时刻至少晚一小时", wrong);
        Assert.Contains("#fillPeople\"", wrong);
    }

    [Fact]
    public async Task Mistakes_AreListedAtTheTop_AndLinkedToTheirFields()
    {
        var cemetery = await SignedIn.AsAsync(factory, "cemetery.sun");
        var fields = DayForm(BookingPagesSeed.FreeDate(), ("08:00", "10:00", "很多", ""));
        fields["date"] = "";
        var html = await (await HtmlForms.SubmitAsync(cemetery, Days, "publish-day", fields)).HtmlAsync();
        Assert.Contains("class=\"error-summary\"", html);
        Assert.Contains($"href=\"{Days}#date\"", html);
        Assert.Contains("请选择祭扫日期", html);
        Assert.Contains($"href=\"{Days}#slots-0--people\"", html);
        Assert.Contains("时段 1：人数须为 1 以上的整数", html);
        Assert.Matches("<input id=\"slots-0--people\"[^>]*value=\"很多\"", html);

        // Overlapping slots (the handler's check): the row it names, counting the empty row between.
        var date = BookingPagesSeed.FreeDate();
        html = await (await HtmlForms.SubmitAsync(cemetery, Days, "publish-day",
            DayForm(date, ("08:00", "10:00", "100", "10"), ("", "", "", ""), ("09:00", "11:00", "100", "10")))).HtmlAsync();
        Assert.Contains($"href=\"{Days}#slots-2--start\"", html);
        Assert.Contains("重叠", html);

        // No slot at all.
        html = await (await HtmlForms.SubmitAsync(cemetery, Days, "publish-day", DayForm(date))).HtmlAsync();
        Assert.Contains($"href=\"{Days}#slots\"", html);
        Assert.Contains("请至少填写一个时段", html);
    }

    [Fact]
    public async Task ADayAlreadyPublished_IsRefusedAtTheDate()
    {
        var cemetery = await SignedIn.AsAsync(factory, "cemetery.sun");
        var html = await (await HtmlForms.SubmitAsync(cemetery, Days, "publish-day",
            DayForm(BookingPagesFactory.Today.AddDays(1), ("18:00", "19:00", "10", "0")))).HtmlAsync();
        Assert.Contains($"href=\"{Days}#date\"", html);
        Assert.Contains("不能重复发布", html);
    }

    [Fact]
    public async Task ADaysList_ShowsWhoIsComing_WithMaskedIds_AndTheReadIsAudited()
    {
        var slot = await factory.DemoSlotTodayAsync(15);
        var (citizen, person) = await factory.NewCitizenOnPagesAsync();
        BookingPageActions.PassIdOf(await citizen.BookAsync(slot.Id, partySize: 2, plate: "贵A88888"));

        var before = await AuditCountAsync("memorial.bookings.read");
        var cemetery = await SignedIn.AsAsync(factory, "cemetery.sun");
        var html = System.Net.WebUtility.HtmlDecode(await cemetery.GetStringAsync($"{Days}?day=2027-03-30"));
        Assert.Contains("2027-03-30（周二） 预约名单", html);
        Assert.Contains("测试" + person.IdNumber[^4..], html);
        Assert.Contains(PersonalDataMask.IdNumber(person.IdNumber), html);
        Assert.DoesNotContain(person.IdNumber, html);
        Assert.Contains("贵A88888", html);
        Assert.Contains("未入园", html);
        Assert.Equal(before + 1, await AuditCountAsync("memorial.bookings.read"));

        // Another cemetery's list of the same day does not show them.
        var other = await SignedIn.AsAsync(factory, "cemetery.ma");
        Assert.DoesNotContain(PersonalDataMask.IdNumber(person.IdNumber), System.Net.WebUtility.HtmlDecode(await other.GetStringAsync($"{Days}?day=2027-03-30")));
    }

    private async Task<int> AuditCountAsync(string action)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<AuditEntry>().CountAsync(e => e.Action == action);
    }
}
