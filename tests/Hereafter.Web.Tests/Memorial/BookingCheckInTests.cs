using System.Net;
using Hereafter.Domain.Time;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Signing;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>The gate: a pass is accepted once, at its own site, in its slot give or take the grace minutes (30 by default).</summary>
public sealed class BookingCheckInTests
{
    private static readonly DateOnly D = ChinaTime.Today(TimeProvider.System).AddDays(20);

    private static Task<HttpResponseMessage> CheckInAsync(HttpClient staff, string pass) =>
        staff.PostAsync($"/api/v1/memorial/passes/{Uri.EscapeDataString(pass)}/check-in", null);

    [Fact]
    public async Task Pass_IsAcceptedOnce_AtItsSite_InItsSlotWithGrace()
    {
        using var factory = new FakeClockFactory(ChinaTime.At(D, new TimeOnly(8, 20)).ToUniversalTime());
        var site = await factory.SiteIdAsync(BookingSupport.Qingshan);
        var staff = await factory.ClientForAsync(BookingSupport.QingshanClient);
        var slots = await staff.PublishedSlotsAsync(site, BookingSupport.Day(D, [BookingSupport.Slot("09:00", "10:00", 20, 5)],
            opensAt: ChinaTime.At(D.AddDays(-7), new TimeOnly(8, 0))));
        var person = People.Next();
        var citizen = await factory.CitizenClientAsync(person.IdNumber);
        var booked = await (await citizen.BookAsync(slots[0], partySize: 2, carPlate: "贵A12345")).JsonAsync();
        var pass = booked.GetProperty("passToken").GetString()!;
        var id = booked.GetProperty("id").GetGuid();

        // 08:20: forty minutes before the slot, more than the grace.
        var early = await CheckInAsync(staff, pass);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal($"未到入园时间：凭证时段为 {D:yyyy-MM-dd} 09:00–10:00（前后可宽限 30 分钟）", (await early.JsonAsync()).Detail());

        factory.Clock.Advance(TimeSpan.FromMinutes(15));
        var columbarium = await factory.ClientForAsync(BookingSupport.ColumbariumClient);
        var elsewhere = await CheckInAsync(columbarium, pass);
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Contains("青山陵园", (await elsewhere.JsonAsync()).Detail());
        Assert.Equal(HttpStatusCode.Forbidden, (await CheckInAsync(await factory.ClientForAsync("demo-hospital"), pass)).StatusCode);

        // 08:35: within the grace, at its own site.
        var first = await CheckInAsync(staff, pass);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var admitted = await first.JsonAsync();
        Assert.Equal(id, admitted.GetProperty("bookingId").GetGuid());
        Assert.Equal(2, admitted.GetProperty("partySize").GetInt32());
        Assert.Equal("贵A12345", admitted.GetProperty("carPlate").GetString());
        Assert.Equal("测试" + person.IdNumber[^4..], admitted.GetProperty("citizenName").GetString());

        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await CheckInAsync(staff, "https://localhost/anything/" + pass);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var used = await second.JsonAsync();
        Assert.StartsWith($"这张凭证已于 {D:yyyy-MM-dd} 08:35 核验入园", used.Detail());
        Assert.Equal(ChinaTime.At(D, new TimeOnly(8, 35)), used.GetProperty("checkedInAt").GetDateTimeOffset());
        var cancel = await citizen.DeleteAsync($"/api/v1/memorial/bookings/{id}");
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Contains("不能取消", (await cancel.JsonAsync()).Detail());

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            Assert.Equal(1, await db.Set<AuditEntry>().CountAsync(e => e.Action == "memorial.pass.checked-in" && e.Subject == $"memorial-booking:{id}"));
        }

        // 10:31: past the slot and its grace.
        var other = await factory.NewCitizenAsync();
        var latePass = (await (await other.BookAsync(slots[0])).JsonAsync()).GetProperty("passToken").GetString()!;
        factory.Clock.Advance(TimeSpan.FromMinutes(111));
        // (the gate's access token of 08:20 has expired by now)
        var late = await CheckInAsync(await factory.ClientForAsync(BookingSupport.QingshanClient), latePass);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("已过入园时间：凭证时段为", (await late.JsonAsync()).Detail());
    }

    [Fact]
    public async Task ForgedGarbledCancelledAndOtherTokens_AreRefused_AndTwoScannersAdmitOnce()
    {
        using var factory = new FakeClockFactory(ChinaTime.At(D, new TimeOnly(9, 10)).ToUniversalTime());
        var site = await factory.SiteIdAsync(BookingSupport.Qingshan);
        var staff = await factory.ClientForAsync(BookingSupport.QingshanClient);
        var slots = await staff.PublishedSlotsAsync(site, BookingSupport.Day(D, [BookingSupport.Slot("09:00", "10:00", 20)],
            opensAt: ChinaTime.At(D.AddDays(-7), new TimeOnly(8, 0))));
        var citizen = await factory.NewCitizenAsync();
        var pass = (await (await citizen.BookAsync(slots[0])).JsonAsync()).GetProperty("passToken").GetString()!;

        // One character of the signature changed: it does not verify.
        var forged = pass[..140] + (pass[140] == 'A' ? 'B' : 'A') + pass[141..];
        var forgedAnswer = await CheckInAsync(staff, forged);
        Assert.Equal(HttpStatusCode.NotFound, forgedAnswer.StatusCode);
        Assert.Equal("这不是本平台签发的有效预约凭证", (await forgedAnswer.JsonAsync()).Detail());
        var garbled = await CheckInAsync(staff, "not-a-pass");
        Assert.Equal(HttpStatusCode.BadRequest, garbled.StatusCode);
        Assert.Contains("无法识别", (await garbled.JsonAsync()).Detail());
        string certificateToken;
        using (var scope = factory.Services.CreateScope())
        {
            var tokens = scope.ServiceProvider.GetRequiredService<CertificateTokens>();
            certificateToken = await tokens.SignAsync(new CertificateTokenPayload(Guid.NewGuid(), new byte[16], DateTimeOffset.UtcNow));
        }
        var certificate = await CheckInAsync(staff, certificateToken);
        Assert.Equal(HttpStatusCode.BadRequest, certificate.StatusCode);
        Assert.Contains("不是祭扫预约凭证", (await certificate.JsonAsync()).Detail());

        // A cancelled booking's pass is void.
        var cancelling = await factory.NewCitizenAsync();
        var cancelled = await (await cancelling.BookAsync(slots[0])).JsonAsync();
        Assert.Equal(HttpStatusCode.NoContent, (await cancelling.DeleteAsync($"/api/v1/memorial/bookings/{cancelled.GetProperty("id").GetGuid()}")).StatusCode);
        var voided = await CheckInAsync(staff, cancelled.GetProperty("passToken").GetString()!);
        Assert.Equal(HttpStatusCode.Conflict, voided.StatusCode);
        Assert.Contains("已取消", (await voided.JsonAsync()).Detail());

        // Two gates scan the same pass at the same moment: one admits, the other says it was used.
        var gates = new[] { staff, await factory.ClientForAsync(BookingSupport.QingshanClient) };
        using var start = new SemaphoreSlim(0);
        var scans = Enumerable.Range(0, 6).Select(async i =>
        {
            await start.WaitAsync();
            return await CheckInAsync(gates[i % 2], pass);
        }).ToList();
        start.Release(6);
        var answers = await Task.WhenAll(scans);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
        Assert.Equal(5, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));

        // The site's staff read the day's bookings: ID numbers masked, the read audited; another site may not.
        var list = await staff.GetAsync($"/api/v1/memorial/sites/{site}/bookings?date={D:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var rows = (await list.JsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Contains('*', r.GetProperty("maskedIdNumber").GetString()!));
        Assert.All(rows, r => Assert.False(r.TryGetProperty("passToken", out _)));
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await factory.ClientForAsync("demo-cemetery")).GetAsync($"/api/v1/memorial/sites/{site}/bookings?date={D:yyyy-MM-dd}")).StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            Assert.True(await db.Set<AuditEntry>().AnyAsync(e => e.Action == "memorial.bookings.read" && e.Subject == $"memorial-site:{site}"));
        }
    }
}
