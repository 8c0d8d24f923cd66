using System.Net;
using Hereafter.Domain.Identity;
using Hereafter.Web.Platform.Pdf;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hereafter.Web.Tests.Memorial.BookingPages;

/// <summary>The citizen's booking page, the pass, their list and the cancel, through the forms as a phone without script would.</summary>
public sealed class BookPagesTests(BookingPagesFactory factory) : IClassFixture<BookingPagesFactory>
{
    [Fact]
    public async Task WithoutSigningIn_TheBookPage_SendsTheCitizenToTheRealNameSignIn()
    {
        var slot = await factory.DemoSlotTodayAsync(10);
        var anonymous = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var response = await anonymous.GetAsync(BookingPageActions.Book(slot.Id));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/connect/authorize", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/family/memorial/bookings")).StatusCode);
        // A member of staff is not a citizen: the staff sign-in does not open the family pages.
        var staff = await Pages.SignedIn.AsAsync(factory, "cemetery.sun");
        var asStaff = await staff.GetAsync(BookingPageActions.Book(slot.Id));
        Assert.DoesNotContain("name=\"_handler\" value=\"book\"", await asStaff.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheCitizen_SeesTheSlotAndTheirRealName_Books_AndGetsThePassWithItsQrCode()
    {
        var slot = await factory.DemoSlotTodayAsync(10);
        var (citizen, person) = await factory.NewCitizenOnPagesAsync(BookingPageActions.Book(slot.Id));
        var form = await (await citizen.GetAsync(BookingPageActions.Book(slot.Id))).HtmlAsync();
        Assert.Contains("景云山公墓", form);
        Assert.Contains("10:00–12:00", form);
        Assert.Contains("测试" + person.IdNumber[^4..], form);
        Assert.Contains(PersonalDataMask.IdNumber(person.IdNumber), form);
        Assert.DoesNotContain(person.IdNumber, form);
        Assert.Matches("<input type=\"hidden\" name=\"idempotencyKey\" value=\"[0-9a-f]{32}\"", form);
        foreach (var field in new[] { "partySize", "carPlate", "recentGraveCertificate" }) Assert.Contains($"<label for=\"{field}\">", form);
        // Five at most per booking on this day.
        Assert.Contains("<option value=\"5\"", form);
        Assert.DoesNotContain("<option value=\"6\"", form);

        var booked = await citizen.BookAsync(slot.Id, partySize: 3, plate: "贵a 12345");
        Assert.Equal(HttpStatusCode.OK, booked.StatusCode);
        var id = BookingPageActions.PassIdOf(booked);
        Assert.Equal("?notice=booked", booked.RequestMessage!.RequestUri!.Query);
        var pass = await booked.HtmlAsync();
        Assert.Contains("预约成功", pass);
        Assert.Contains("有效", pass);
        Assert.Contains("2027-03-30（周二）", pass);
        Assert.Contains("3 人", pass);
        Assert.Contains("贵A12345", pass);
        Assert.DoesNotContain(person.IdNumber, pass);
        // The QR code holds the signed pass token the gate checks, and the token is there to type if scanning fails.
        var stored = Assert.Single(await factory.BookingsOfAsync(person.IdNumber));
        Assert.Equal(id, stored.Id);
        Assert.NotNull(stored.PassToken);
        Assert.Contains(QrCodes.Svg(stored.PassToken!), await booked.Content.ReadAsStringAsync());
        Assert.Contains($"<code>{stored.PassToken}</code>", pass);
        Assert.True(booked.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task TheSameFormSentTwice_MakesOneBooking()
    {
        var slots = await factory.OpenDayAsync(BookingPagesSeed.Qianling, BookingPagesSeed.FreeDate(), 4, (9, 11, 50, 5));
        var (citizen, person) = await factory.NewCitizenOnPagesAsync();
        var url = BookingPageActions.Book(slots[0].Id);
        var shown = await citizen.GetStringAsync(url);
        var fields = new Dictionary<string, string> { ["partySize"] = "2", ["carPlate"] = "贵A66666" };
        var first = await HtmlForms.SubmitAsync(citizen, url, shown, "book", fields);
        var second = await HtmlForms.SubmitAsync(citizen, url, shown, "book", fields);
        Assert.Equal(BookingPageActions.PassIdOf(first), BookingPageActions.PassIdOf(second));
        Assert.Single(await factory.BookingsOfAsync(person.IdNumber));
        var row = await factory.SlotRowAsync(slots[0].Id);
        Assert.Equal((2, 1), (row.GeneralBooked, row.CarsBooked));

        // The form shown again carries a new key: a second booking attempt is a new one (refused: one per day).
        var again = await citizen.GetStringAsync(url);
        Assert.NotEqual(KeyOf(shown), KeyOf(again));
    }

    private static string KeyOf(string html) =>
        System.Text.RegularExpressions.Regex.Match(html, "name=\"idempotencyKey\" value=\"([0-9a-f]+)\"").Groups[1].Value;

    [Fact]
    public async Task ASecondBookingAtTheSiteThatDay_IsRefused_WithALinkToTheFirst()
    {
        var date = BookingPagesSeed.FreeDate();
        var slots = await factory.OpenDayAsync(BookingPagesSeed.Jingyunshan, date, 4, (8, 10, 50, 5), (13, 15, 50, 5));
        var (citizen, person) = await factory.NewCitizenOnPagesAsync();
        var first = BookingPageActions.PassIdOf(await citizen.BookAsync(slots[0].Id));

        var refused = await citizen.BookAsync(slots[1].Id);
        var html = await refused.HtmlAsync();
        Assert.Equal(BookingPageActions.Book(slots[1].Id), refused.RequestMessage!.RequestUri!.PathAndQuery);
        Assert.Contains("class=\"error-summary\"", html);
        Assert.Contains($"href=\"{BookingPageActions.Book(slots[1].Id)}#slot-summary\"", html);
        Assert.Contains("同一天同一单位只能预约一次", html);
        Assert.Contains($"href=\"/family/memorial/bookings/{first}\">查看您这一天的预约</a>", html);
        Assert.Single(await factory.BookingsOfAsync(person.IdNumber));
    }

    [Fact]
    public async Task NoRoomForTheParty_IsRefusedAtThePartySize_AndNoCarPlace_AtThePlate()
    {
        var slots = await factory.OpenDayAsync(BookingPagesSeed.Qianling, BookingPagesSeed.FreeDate(), 4, (9, 11, 3, 1));
        var (first, _) = await factory.NewCitizenOnPagesAsync();
        BookingPageActions.PassIdOf(await first.BookAsync(slots[0].Id, partySize: 2, plate: "贵A11111"));

        var (second, person) = await factory.NewCitizenOnPagesAsync();
        var html = await (await second.BookAsync(slots[0].Id, partySize: 2)).HtmlAsync();
        Assert.Contains($"href=\"{BookingPageActions.Book(slots[0].Id)}#partySize\"", html);
        Assert.Contains("该时段名额已满：剩余 1 人，不够本单人数", html);
        Assert.Matches("<select id=\"partySize\"[^>]*aria-invalid=\"true\"", html);

        html = await (await second.BookAsync(slots[0].Id, partySize: 1, plate: "贵A22222")).HtmlAsync();
        Assert.Contains($"href=\"{BookingPageActions.Book(slots[0].Id)}#carPlate\"", html);
        Assert.Contains("车位已满", html);
        Assert.Empty(await factory.BookingsOfAsync(person.IdNumber));

        // Without the car, the last place is theirs.
        BookingPageActions.PassIdOf(await second.BookAsync(slots[0].Id, partySize: 1));
    }

    [Fact]
    public async Task ABadPlate_AndTooLargeAParty_AreShownAtTheirFields()
    {
        var slot = await factory.DemoSlotTodayAsync(15);
        var (citizen, person) = await factory.NewCitizenOnPagesAsync();
        var html = await (await citizen.BookAsync(slot.Id, partySize: 1, plate: "ABC")).HtmlAsync();
        Assert.Contains($"href=\"{BookingPageActions.Book(slot.Id)}#carPlate\"", html);
        Assert.Contains("车牌号格式不正确", html);
        Assert.Contains("<p class=\"field-error\" id=\"carPlate-error\">", html);
        Assert.Contains("value=\"ABC\"", html);

        // A party over the day's limit (a changed form): refused at the party size.
        html = await (await citizen.BookAsync(slot.Id, partySize: 9)).HtmlAsync();
        Assert.Contains($"href=\"{BookingPageActions.Book(slot.Id)}#partySize\"", html);
        Assert.Contains("每单最多 5 人", html);
        Assert.Empty(await factory.BookingsOfAsync(person.IdNumber));
    }

    [Fact]
    public async Task BeforeBookingOpens_ThePageSaysWhen_AndARefusalPointsAtTheSlot()
    {
        var date = BookingPagesSeed.FreeDate();
        var opens = Hereafter.Domain.Time.ChinaTime.At(date.AddDays(-7), new TimeOnly(8, 0));
        var slots = await factory.DayAsync(BookingPagesSeed.Jingyunshan, date, opens, 4, 0, (9, 11, 50, 5));
        var (citizen, person) = await factory.NewCitizenOnPagesAsync();
        var page = await (await citizen.GetAsync(BookingPageActions.Book(slots[0].Id))).HtmlAsync();
        Assert.Contains($"尚未开放预约，{opens:yyyy-MM-dd} 08:00 开放。", page);

        var html = await (await citizen.BookAsync(slots[0].Id)).HtmlAsync();
        Assert.Contains($"href=\"{BookingPageActions.Book(slots[0].Id)}#slot-summary\"", html);
        Assert.Contains("该日尚未开放预约", html);
        Assert.Contains("<p class=\"field-error\" id=\"slot-summary-error\">", html);
        Assert.Empty(await factory.BookingsOfAsync(person.IdNumber));
    }

    [Fact]
    public async Task AnUnknownSlot_SaysSo_With404()
    {
        var (citizen, _) = await factory.NewCitizenOnPagesAsync();
        var response = await citizen.GetAsync(BookingPageActions.Book(Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("没有找到这个预约时段", await response.HtmlAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync("/family/memorial/book?slot=nonsense")).StatusCode);
    }

    [Fact]
    public async Task APass_IsOnlyItsCitizens()
    {
        var slot = await factory.DemoSlotTodayAsync(10);
        var (owner, _) = await factory.NewCitizenOnPagesAsync();
        var id = BookingPageActions.PassIdOf(await owner.BookAsync(slot.Id));
        var (other, _) = await factory.NewCitizenOnPagesAsync();
        var response = await other.GetAsync($"/family/memorial/bookings/{id}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.HtmlAsync();
        Assert.Contains("没有找到这个预约", html);
        Assert.DoesNotContain("<svg", html);
        Assert.DoesNotContain($"/family/memorial/bookings/{id}", await other.GetStringAsync("/family/memorial/bookings"));
    }

    [Fact]
    public async Task Cancelling_AsksFirst_ThenReleasesThePlacesAtOnce()
    {
        var slots = await factory.OpenDayAsync(BookingPagesSeed.Qianling, BookingPagesSeed.FreeDate(), 4, (9, 11, 2, 1));
        var (citizen, person) = await factory.NewCitizenOnPagesAsync();
        var id = BookingPageActions.PassIdOf(await citizen.BookAsync(slots[0].Id, partySize: 2, plate: "贵A33333"));
        var passUrl = $"/family/memorial/bookings/{id}";

        var pass = await citizen.GetStringAsync(passUrl);
        Assert.Contains($"href=\"{passUrl}?confirm=1#cancel\"", pass);
        Assert.DoesNotContain("value=\"cancel\"", pass);
        var confirm = System.Net.WebUtility.HtmlDecode(await citizen.GetStringAsync($"{passUrl}?confirm=1"));
        Assert.Contains("确定要取消这个预约吗？", confirm);
        Assert.Contains("name=\"_handler\" value=\"cancel\"", confirm);
        Assert.Contains($"href=\"{passUrl}\">不取消</a>", confirm);

        // Without the antiforgery token the post is refused and the booking stands.
        var forged = await citizen.PostAsync($"{passUrl}?confirm=1", new FormUrlEncodedContent(new Dictionary<string, string> { ["_handler"] = "cancel" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(Assert.Single(await factory.BookingsOfAsync(person.IdNumber)).CancelledAt);

        var cancelled = await HtmlForms.SubmitAsync(citizen, $"{passUrl}?confirm=1", "cancel", new Dictionary<string, string>());
        Assert.Equal($"{passUrl}?notice=cancelled", cancelled.RequestMessage!.RequestUri!.PathAndQuery);
        var html = await cancelled.HtmlAsync();
        Assert.Contains("预约已取消，名额已释放。", html);
        Assert.Contains("已于 2027-03-30 10:00 取消", html);
        Assert.DoesNotContain("<svg", html);
        var row = await factory.SlotRowAsync(slots[0].Id);
        Assert.Equal((0, 0), (row.GeneralBooked, row.CarsBooked));

        var list = System.Net.WebUtility.HtmlDecode(await citizen.GetStringAsync("/family/memorial/bookings"));
        Assert.Contains($"href=\"{passUrl}\"", list);
        Assert.Contains("已取消", list);
        // The places are someone else's now.
        var (next, _) = await factory.NewCitizenOnPagesAsync();
        BookingPageActions.PassIdOf(await next.BookAsync(slots[0].Id, partySize: 2, plate: "贵A44444"));
    }

    [Fact]
    public async Task MyBookings_ListsTheCitizensOwn_WithTheirState()
    {
        var (citizen, _) = await factory.NewCitizenOnPagesAsync();
        var empty = System.Net.WebUtility.HtmlDecode(await citizen.GetStringAsync("/family/memorial/bookings"));
        Assert.Contains("您还没有祭扫预约", empty);
        Assert.Contains("href=\"/memorial\"", empty);

        var slot = await factory.DemoSlotTodayAsync(15);
        var id = BookingPageActions.PassIdOf(await citizen.BookAsync(slot.Id, partySize: 2));
        var list = System.Net.WebUtility.HtmlDecode(await citizen.GetStringAsync("/family/memorial/bookings"));
        Assert.Contains($"href=\"/family/memorial/bookings/{id}\"", list);
        Assert.Contains("15:00–17:00", list);
        Assert.Contains("status-pass-valid", list);
        Assert.Contains("查看二维码", list);
    }

    [Fact]
    public async Task InEnglish_ThePassIsEnglish()
    {
        var slot = await factory.DemoSlotTodayAsync(13);
        var (citizen, _) = await factory.NewCitizenOnPagesAsync();
        var id = BookingPageActions.PassIdOf(await citizen.BookAsync(slot.Id, plate: "贵A55555"));
        var html = System.Net.WebUtility.HtmlDecode(await citizen.GetStringAsync($"/family/memorial/bookings/{id}?culture=en"));
        Assert.Contains("<h1>Visit pass</h1>", html);
        Assert.Contains("2027-03-30 (Tue)", html);
        Assert.Contains("<span lang=\"zh-CN\" class=\"nowrap\">贵A55555</span>", html);
        Assert.Contains("Cancel the booking", html);
    }
}
