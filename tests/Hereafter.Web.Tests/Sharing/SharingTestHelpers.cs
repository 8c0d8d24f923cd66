using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Sharing;

public static class SharingTestHelpers
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Issues a certificate as demo-hospital and returns its number.</summary>
    public static Task<string> IssueAsync(this HereafterFactory factory, People.Person? person = null) =>
        factory.IssueAsync(People.HospitalDeath(person ?? People.Next()));

    /// <summary>
    /// Waits (bounded) until every committed integration event is handled and every department event has
    /// its feed position: the demo certificates seeded at start are shared in the background, so a test
    /// that counts "new" events must start from a quiet platform.
    /// </summary>
    public static async Task WaitUntilQuietAsync(this HereafterFactory factory, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            using (var scope = factory.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<Hereafter.Web.Platform.Data.HereafterDbContext>();
                var busy = await db.Set<Hereafter.Web.Platform.Outbox.OutboxMessage>().AnyAsync(m => m.ProcessedAt == null)
                    || await db.Set<Hereafter.Web.Modules.Sharing.Data.SharingEvent>().AnyAsync(e => e.FeedPosition == null);
                if (!busy) return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The outbox did not drain.");
    }

    /// <summary>Reads the whole feed of a department client from the start.</summary>
    public static async Task<List<JsonElement>> ReadFeedAsync(this HttpClient client, int limit = 100)
    {
        var all = new List<JsonElement>();
        var cursor = "";
        while (true)
        {
            var page = await (await client.GetAsync($"/api/v1/events?after={cursor}&limit={limit}")).JsonAsync();
            var events = page.GetProperty("events").EnumerateArray().ToList();
            all.AddRange(events);
            cursor = page.GetProperty("nextCursor").GetString()!;
            if (events.Count < limit) return all;
        }
    }

    /// <summary>Waits (bounded) until the department's feed holds an event for the certificate.</summary>
    public static async Task<JsonElement> WaitForEventAsync(this HttpClient client, string number, string type, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < until)
        {
            var match = (await client.ReadFeedAsync(500)).FirstOrDefault(e =>
                e.GetProperty("certificateNumber").GetString() == number && e.GetProperty("type").GetString() == type);
            if (match.ValueKind == JsonValueKind.Object) return match;
            await Task.Delay(100);
        }
        throw new TimeoutException($"No {type} event for {number} in the feed.");
    }
}
