using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// Publishing days and booking through the API. Tests publish at 青山陵园 (<c>demo-cemetery-qingshan</c>) and 永安骨灰堂
/// (<c>demo-columbarium</c>), which have no demo days, each on a date of its own.
/// </summary>
public static class BookingSupport
{
    public const string Qingshan = "qingshan-cemetery";
    public const string QingshanClient = "demo-cemetery-qingshan";
    public const string Columbarium = "yongan-columbarium";
    public const string ColumbariumClient = "demo-columbarium";

    private static int _dates;

    /// <summary>A date after the demo days no other test of this process publishes (10 days ahead and on).</summary>
    public static DateOnly FreshDate(DateOnly today) => today.AddDays(10 + Interlocked.Increment(ref _dates));

    public static async Task<Guid> SiteIdAsync(this HereafterFactory factory, string code)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await db.Set<Organisation>().Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
    }

    public static object Slot(string start, string end, int people, int cars = 0) => new { start, end, people, cars };

    /// <summary>A day whose booking opened yesterday (China time) unless told otherwise.</summary>
    public static object Day(DateOnly date, object[] slots, int partyLimit = 5, int? recentGraveQuota = null, DateTimeOffset? opensAt = null) =>
        new { date, opensAt = opensAt ?? ChinaTime.At(ChinaTime.Today(TimeProvider.System).AddDays(-1), new TimeOnly(8, 0)), slots, partyLimit, recentGraveQuota };

    public static Task<HttpResponseMessage> PublishAsync(this HttpClient staff, Guid site, object day) =>
        staff.PostAsJsonAsync($"/api/v1/memorial/sites/{site}/days", day);

    /// <summary>Publishes and returns the slots' ids in time order.</summary>
    public static async Task<Guid[]> PublishedSlotsAsync(this HttpClient staff, Guid site, object day)
    {
        var response = await staff.PublishAsync(site, day);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("id").GetGuid()).ToArray();
    }

    public static Task<HttpResponseMessage> BookAsync(this HttpClient citizen, Guid slotId, int partySize = 1, string? carPlate = null,
        string? key = null, string? recentGraveCertificate = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/memorial/bookings")
        {
            Content = JsonContent.Create(new { slotId, partySize, carPlate, recentGraveCertificate }),
        };
        if (key is not null) request.Headers.Add("Idempotency-Key", key);
        return citizen.SendAsync(request);
    }

    public static async Task<HttpClient> NewCitizenAsync(this HereafterFactory factory) => await factory.CitizenClientAsync(People.Next().IdNumber);

    public static async Task<JsonElement> SlotAsync(this HereafterFactory factory, Guid site, DateOnly date, Guid slotId)
    {
        var slots = await (await factory.CreateClient().GetAsync($"/api/v1/memorial/slots?site={site}&date={date:yyyy-MM-dd}")).JsonAsync();
        return slots.EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == slotId);
    }

    public static async Task<MemorialSlot> SlotRowAsync(this HereafterFactory factory, Guid slotId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await db.Set<MemorialSlot>().AsNoTracking().SingleAsync(s => s.Id == slotId);
    }

    public static async Task<List<MemorialBooking>> BookingRowsAsync(this HereafterFactory factory, Guid slotId)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return await db.Set<MemorialBooking>().AsNoTracking().Where(b => b.SlotId == slotId).ToListAsync();
    }

    public static string Detail(this JsonElement problem) => problem.GetProperty("detail").GetString()!;

    public static string[] FieldErrors(this JsonElement problem, string field) =>
        problem.GetProperty("errors").TryGetProperty(field, out var errors) ? errors.EnumerateArray().Select(e => e.GetString()!).ToArray() : [];
}
