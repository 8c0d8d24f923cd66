using System.Net;
using System.Text.Json;
using Hereafter.Domain.Time;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// The booking API end to end: a site publishes a day, the public sees places left, citizens book with their token and
/// get a signed pass, cancel, retry with the same Idempotency-Key; the rules of ADR 0032 with the answers people see.
/// </summary>
public sealed class BookingApiTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    private async Task<(Guid Site, DateOnly Date, Guid[] Slots)> DayAsync(object[] slots, int partyLimit = 5, int? quota = null, DateOnly? date = null)
    {
        var site = await factory.SiteIdAsync(BookingSupport.Qingshan);
        var day = date ?? BookingSupport.FreshDate(Today);
        var staff = await factory.ClientForAsync(BookingSupport.QingshanClient);
        return (site, day, await staff.PublishedSlotsAsync(site, BookingSupport.Day(day, slots, partyLimit, quota)));
    }

    [Fact]
    public async Task PublishedDay_ShowsItsSlotsToAnyone_WithPlacesLeft()
    {
        var (site, date, slots) = await DayAsync([BookingSupport.Slot("13:00", "15:00", 50, 10), BookingSupport.Slot("08:00", "10:00", 100, 20)], quota: 5);

        var anonymous = factory.CreateClient();
        var response = await anonymous.GetAsync($"/api/v1/memorial/slots?site={site}&date={date:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var list = (await response.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(["08:00:00", "13:00:00"], list.Select(s => s.GetProperty("start").GetString()!));
        Assert.Equal(slots, list.Select(s => s.GetProperty("id").GetGuid()));
        var morning = list[0];
        Assert.Equal("青山陵园", morning.GetProperty("siteName").GetString());
        Assert.Equal(95, morning.GetProperty("peopleLeft").GetInt32());
        Assert.Equal(100, morning.GetProperty("recentPlacesLeft").GetInt32());
        Assert.Equal(20, morning.GetProperty("carsLeft").GetInt32());
        Assert.True(morning.GetProperty("open").GetBoolean());
        Assert.Empty((await (await anonymous.GetAsync($"/api/v1/memorial/slots?site={site}&date={Today.AddDays(9):yyyy-MM-dd}")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Publishing_RefusesEachMistake_WithItsField()
    {
        var site = await factory.SiteIdAsync(BookingSupport.Qingshan);
        var staff = await factory.ClientForAsync(BookingSupport.QingshanClient);
        var date = BookingSupport.FreshDate(Today);
        var response = await staff.PublishAsync(site, new
        {
            date = Today.AddDays(-1),
            opensAt = ChinaTime.At(Today, new TimeOnly(8, 0)),
            slots = new[]
            {
                BookingSupport.Slot("10:00", "09:00", 10), BookingSupport.Slot("11:00", "13:00", 0, -1), BookingSupport.Slot("12:00", "14:00", 3),
            },
            partyLimit = 0,
            recentGraveQuota = 5,
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.JsonAsync();
        Assert.Contains("预约日期不能早于今天", Assert.Single(problem.FieldErrors("date")));
        Assert.Equal("时段的结束时间必须晚于开始时间", Assert.Single(problem.FieldErrors("slots[0].end")));
        Assert.Equal("每个时段至少容纳 1 人", Assert.Single(problem.FieldErrors("slots[1].people")));
        Assert.Equal("车位数不能为负数", Assert.Single(problem.FieldErrors("slots[1].cars")));
        Assert.Equal("时段 12:00–14:00 与时段 11:00–13:00 重叠", Assert.Single(problem.FieldErrors("slots[2].start")));
        Assert.Equal("每单人数上限至少为 1", Assert.Single(problem.FieldErrors("partyLimit")));
        Assert.Contains(problem.FieldErrors("recentGraveQuota"), e => e.Contains("容量 3 人", StringComparison.Ordinal));
        Assert.Contains(problem.FieldErrors("opensAt"), e => e.Contains("必须早于", StringComparison.Ordinal));

        // Booking opening on the day itself is too late; nothing was stored by the refused requests.
        var late = await staff.PublishAsync(site, BookingSupport.Day(date, [BookingSupport.Slot("08:00", "09:00", 5)],
            opensAt: ChinaTime.At(date, new TimeOnly(0, 0))));
        Assert.Equal(HttpStatusCode.BadRequest, late.StatusCode);
        Assert.Empty((await (await factory.CreateClient().GetAsync($"/api/v1/memorial/slots?site={site}&date={date:yyyy-MM-dd}")).JsonAsync()).EnumerateArray());
    }

    [Fact]
    public async Task Publishing_SameDateTwice_Is409_AndAnotherSitesDay_Is403()
    {
        var (site, date, _) = await DayAsync([BookingSupport.Slot("08:00", "09:00", 5)]);
        var staff = await factory.ClientForAsync(BookingSupport.QingshanClient);
        var again = await staff.PublishAsync(site, BookingSupport.Day(date, [BookingSupport.Slot("09:00", "10:00", 5)]));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已发布", (await again.JsonAsync()).Detail());

        var other = await factory.ClientForAsync("demo-cemetery");
        var forbidden = await other.PublishAsync(site, BookingSupport.Day(BookingSupport.FreshDate(Today), [BookingSupport.Slot("08:00", "09:00", 5)]));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var citizen = await factory.NewCitizenAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await citizen.PublishAsync(site, BookingSupport.Day(BookingSupport.FreshDate(Today), [BookingSupport.Slot("08:00", "09:00", 5)]))).StatusCode);
    }

    [Fact]
    public async Task Booking_GivesASignedPass_AndTakesThePlaces()
    {
        var (site, date, slots) = await DayAsync([BookingSupport.Slot("08:00", "10:00", 10, 2)]);
        var person = People.Next();
        var citizen = await factory.CitizenClientAsync(person.IdNumber);

        var response = await citizen.BookAsync(slots[0], partySize: 3, carPlate: " 贵a·d12345 ");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        var id = created.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/memorial/bookings/{id}", response.Headers.Location!.OriginalString);
        Assert.Equal($"http://localhost/family/memorial/bookings/{id}", created.GetProperty("passUrl").GetString());
        var pass = created.GetProperty("passToken").GetString()!;
        Assert.Equal(151, pass.Length);

        var slot = await factory.SlotAsync(site, date, slots[0]);
        Assert.Equal(7, slot.GetProperty("peopleLeft").GetInt32());
        Assert.Equal(1, slot.GetProperty("carsLeft").GetInt32());

        var mine = (await (await citizen.GetAsync("/api/v1/memorial/bookings")).JsonAsync()).EnumerateArray().Single();
        Assert.Equal(id, mine.GetProperty("id").GetGuid());
        Assert.Equal("贵AD12345", mine.GetProperty("carPlate").GetString());
        Assert.Equal(pass, mine.GetProperty("passToken").GetString());
        var masked = mine.GetProperty("maskedIdNumber").GetString()!;
        Assert.Equal(Hereafter.Domain.Identity.PersonalDataMask.IdNumber(person.IdNumber), masked);
        Assert.DoesNotContain(person.IdNumber, await (await citizen.GetAsync("/api/v1/memorial/bookings")).Content.ReadAsStringAsync());
        Assert.Equal(3, (await (await citizen.GetAsync($"/api/v1/memorial/bookings/{id}")).JsonAsync()).GetProperty("partySize").GetInt32());

        // Another citizen cannot see or cancel it.
        var stranger = await factory.NewCitizenAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/memorial/bookings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/memorial/bookings/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().BookAsync(slots[0])).StatusCode);
    }

    [Fact]
    public async Task PartySizeAndPlate_AreCheckedWithFieldErrors()
    {
        var (_, _, slots) = await DayAsync([BookingSupport.Slot("08:00", "10:00", 10, 2)], partyLimit: 4);
        var citizen = await factory.NewCitizenAsync();

        var tooMany = await (await citizen.BookAsync(slots[0], partySize: 5)).JsonAsync();
        Assert.Equal("每单最多 4 人（含本人）", Assert.Single(tooMany.FieldErrors("partySize")));
        var none = await citizen.BookAsync(slots[0], partySize: 0);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Single((await none.JsonAsync()).FieldErrors("partySize"));
        foreach (var plate in new[] { "ABC123", "贵I12345", "贵A1234", "贵A123456789", "X贵12345" })
        {
            var bad = await citizen.BookAsync(slots[0], carPlate: plate);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Contains("车牌号格式不正确", Assert.Single((await bad.JsonAsync()).FieldErrors("carPlate")));
        }
        Assert.Empty(await factory.BookingRowsAsync(slots[0]));
        Assert.Equal(HttpStatusCode.Created, (await citizen.BookAsync(slots[0], partySize: 4, carPlate: "粤B1234学")).StatusCode);
    }

    [Fact]
    public async Task FullSlot_Is409_SayingWhatRanOut()
    {
        var (_, _, slots) = await DayAsync([BookingSupport.Slot("08:00", "10:00", 4, 1)]);
        var first = await factory.NewCitizenAsync();
        Assert.Equal(HttpStatusCode.Created, (await first.BookAsync(slots[0], partySize: 2, carPlate: "贵A12345")).StatusCode);

        var second = await factory.NewCitizenAsync();
        var noParking = await second.BookAsync(slots[0], partySize: 1, carPlate: "贵A54321");
        Assert.Equal(HttpStatusCode.Conflict, noParking.StatusCode);
        var cars = await noParking.JsonAsync();
        Assert.Equal("cars", cars.GetProperty("ranOut").GetString());
        Assert.Contains("车位已满（剩余 0 个车位）", cars.Detail());

        var tooMany = await second.BookAsync(slots[0], partySize: 3);
        Assert.Equal(HttpStatusCode.Conflict, tooMany.StatusCode);
        var people = await tooMany.JsonAsync();
        Assert.Equal("people", people.GetProperty("ranOut").GetString());
        Assert.Equal(2, people.GetProperty("peopleLeft").GetInt32());
        Assert.Contains("剩余 2 人", people.Detail());

        Assert.Equal(HttpStatusCode.Created, (await second.BookAsync(slots[0], partySize: 2)).StatusCode);
        var row = await factory.SlotRowAsync(slots[0]);
        Assert.Equal((4, 1), (row.GeneralBooked + row.RecentBooked, row.CarsBooked));
    }

    [Fact]
    public async Task OneBookingPerPersonPerSitePerDay_ButAnotherSiteOrAfterCancelling()
    {
        var (_, date, slots) = await DayAsync([BookingSupport.Slot("08:00", "10:00", 10), BookingSupport.Slot("10:00", "12:00", 10)]);
        var columbarium = await factory.SiteIdAsync(BookingSupport.Columbarium);
        var elsewhere = await (await factory.ClientForAsync(BookingSupport.ColumbariumClient))
            .PublishedSlotsAsync(columbarium, BookingSupport.Day(date, [BookingSupport.Slot("09:00", "11:00", 10)]));
        var citizen = await factory.NewCitizenAsync();

        var first = await (await citizen.BookAsync(slots[0])).JsonAsync();
        var twice = await citizen.BookAsync(slots[1]);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var problem = await twice.JsonAsync();
        Assert.Contains($"{date:yyyy-MM-dd} 已预约本单位 08:00–10:00 的时段", problem.Detail());
        Assert.Equal(first.GetProperty("id").GetGuid(), problem.GetProperty("id").GetGuid());
        Assert.Equal(9, (await factory.SlotRowAsync(slots[0])).People - (await factory.SlotRowAsync(slots[0])).GeneralBooked);
        Assert.Equal(0, (await factory.SlotRowAsync(slots[1])).GeneralBooked);

        Assert.Equal(HttpStatusCode.Created, (await citizen.BookAsync(elsewhere[0])).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await citizen.DeleteAsync($"/api/v1/memorial/bookings/{first.GetProperty("id").GetGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await citizen.BookAsync(slots[1])).StatusCode);
    }

    [Fact]
    public async Task Cancelling_ReturnsThePlacesAtOnce()
    {
        var (site, date, slots) = await DayAsync([BookingSupport.Slot("08:00", "10:00", 2, 1)]);
        var holder = await factory.NewCitizenAsync();
        var waiting = await factory.NewCitizenAsync();
        var id = (await (await holder.BookAsync(slots[0], partySize: 2, carPlate: "贵A12345")).JsonAsync()).GetProperty("id").GetGuid();
        Assert.Equal(HttpStatusCode.Conflict, (await waiting.BookAsync(slots[0], partySize: 1, carPlate: "贵B12345")).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await holder.DeleteAsync($"/api/v1/memorial/bookings/{id}")).StatusCode);
        var slot = await factory.SlotAsync(site, date, slots[0]);
        Assert.Equal((2, 1), (slot.GetProperty("peopleLeft").GetInt32(), slot.GetProperty("carsLeft").GetInt32()));
        Assert.Equal(HttpStatusCode.Created, (await waiting.BookAsync(slots[0], partySize: 1, carPlate: "贵B12345")).StatusCode);
        // Cancelling again changes nothing and is no error.
        Assert.Equal(HttpStatusCode.NoContent, (await holder.DeleteAsync($"/api/v1/memorial/bookings/{id}")).StatusCode);
        var row = await factory.SlotRowAsync(slots[0]);
        Assert.Equal((1, 1), (row.GeneralBooked, row.CarsBooked));
        var mine = await (await holder.GetAsync($"/api/v1/memorial/bookings/{id}")).JsonAsync();
        Assert.NotEqual(JsonValueKind.Null, mine.GetProperty("cancelledAt").ValueKind);
    }

    [Fact]
    public async Task Retry_WithTheSameKey_ReturnsTheSameBooking_AndAnotherBodyIsRefused()
    {
        var (_, _, slots) = await DayAsync([BookingSupport.Slot("08:00", "10:00", 10), BookingSupport.Slot("10:00", "12:00", 10)]);
        var citizen = await factory.NewCitizenAsync();
        var key = Guid.NewGuid().ToString();

        var first = await citizen.BookAsync(slots[0], partySize: 2, key: key);
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var retry = await citizen.BookAsync(slots[0], partySize: 2, key: key);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        var (a, b) = (await first.JsonAsync(), await retry.JsonAsync());
        Assert.Equal(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
        Assert.Equal(a.GetProperty("passToken").GetString(), b.GetProperty("passToken").GetString());

        var changed = await citizen.BookAsync(slots[1], partySize: 2, key: key);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Contains("已用于另一份不同内容的预约", (await changed.JsonAsync()).Detail());
        var tooLong = await citizen.BookAsync(slots[1], key: new string('k', 101));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Single((await tooLong.JsonAsync()).FieldErrors("Idempotency-Key"));
        Assert.Equal(2, (await factory.SlotRowAsync(slots[0])).GeneralBooked);
        Assert.Single(await factory.BookingRowsAsync(slots[0]));
        Assert.Empty(await factory.BookingRowsAsync(slots[1]));
    }

    [Fact]
    public async Task ConcurrentRetries_WithTheSameKey_MakeOneBooking()
    {
        var (_, _, slots) = await DayAsync([BookingSupport.Slot("08:00", "10:00", 50)]);
        var citizen = await factory.NewCitizenAsync();
        var key = Guid.NewGuid().ToString();
        using var start = new SemaphoreSlim(0);
        var tries = Enumerable.Range(0, 8).Select(async _ =>
        {
            await start.WaitAsync();
            return await citizen.BookAsync(slots[0], partySize: 3, key: key);
        }).ToList();
        start.Release(8);
        var responses = await Task.WhenAll(tries);

        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, r.StatusCode.ToString()));
        var answers = await Task.WhenAll(responses.Select(r => r.JsonAsync()));
        var booking = Assert.Single(await factory.BookingRowsAsync(slots[0]));
        Assert.All(answers, a => Assert.Equal(booking.Id, a.GetProperty("id").GetGuid()));
        Assert.All(answers, a => Assert.Equal(booking.PassToken, a.GetProperty("passToken").GetString()));
        Assert.Equal(3, (await factory.SlotRowAsync(slots[0])).GeneralBooked);
    }

    [Fact]
    public async Task RecentGraveQuota_IsHeldForRecentGraves()
    {
        var (site, date, slots) = await DayAsync([BookingSupport.Slot("08:00", "10:00", 6)], quota: 3);
        var general = await factory.NewCitizenAsync();
        Assert.Equal(HttpStatusCode.Created, (await general.BookAsync(slots[0], partySize: 3)).StatusCode);
        var refused = await (await factory.NewCitizenAsync()).BookAsync(slots[0], partySize: 1);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("其余名额预留给近年新墓", (await refused.JsonAsync()).Detail());

        var number = await factory.IssueAsync();
        var recent = await factory.NewCitizenAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await recent.BookAsync(slots[0], recentGraveCertificate: "NOSUCH123")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await recent.BookAsync(slots[0], partySize: 3, recentGraveCertificate: number)).StatusCode);
        var row = await factory.SlotRowAsync(slots[0]);
        Assert.Equal((3, 3), (row.GeneralBooked, row.RecentBooked));
        var slot = await factory.SlotAsync(site, date, slots[0]);
        Assert.Equal((0, 0), (slot.GetProperty("peopleLeft").GetInt32(), slot.GetProperty("recentPlacesLeft").GetInt32()));

        // A death more than three years before the visit is not a recent grave.
        var (_, _, later) = await DayAsync([BookingSupport.Slot("08:00", "10:00", 6)], quota: 3, date: Today.AddYears(3).AddDays(40));
        var old = await recent.BookAsync(later[0], recentGraveCertificate: number);
        Assert.Equal(HttpStatusCode.BadRequest, old.StatusCode);
        Assert.Contains("超过 3 年", Assert.Single((await old.JsonAsync()).FieldErrors("recentGraveCertificate")));
    }

    [Fact]
    public async Task DemoData_HasDaysAtTheDemoCemeteries_AndWangsBookingWithItsPass()
    {
        var jingyun = await factory.SiteIdAsync("jingyunshan-cemetery");
        var today = await (await factory.CreateClient().GetAsync($"/api/v1/memorial/slots?site={jingyun}&date={Today:yyyy-MM-dd}")).JsonAsync();
        Assert.Equal(4, today.GetArrayLength());
        var qingming = await (await factory.CreateClient().GetAsync($"/api/v1/memorial/slots?site={jingyun}&date=2027-04-05")).JsonAsync();
        Assert.Equal(11, qingming.GetArrayLength());
        Assert.All(qingming.EnumerateArray(), s => Assert.Equal(1000, s.GetProperty("people").GetInt32()));

        var wang = await factory.CitizenClientAsync("citizen.wang");
        var booking = Assert.Single((await (await wang.GetAsync("/api/v1/memorial/bookings")).JsonAsync()).EnumerateArray());
        Assert.Equal("景云山公墓", booking.GetProperty("siteName").GetString());
        Assert.Equal(Today.AddDays(1).ToString("yyyy-MM-dd"), booking.GetProperty("date").GetString());
        var pass = booking.GetProperty("passToken").GetString()!;
        var gate = await factory.ClientForAsync("demo-cemetery");
        // Tomorrow's pass is refused today, saying its slot.
        var early = await gate.PostAsync($"/api/v1/memorial/passes/{pass}/check-in", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains($"{Today.AddDays(1):yyyy-MM-dd} 08:00–10:00", (await early.JsonAsync()).Detail());
    }
}
