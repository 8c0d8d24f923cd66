using System.Text.Json;
using Hereafter.Web.Platform.Json;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Platform.Outbox;

/// <summary>Writes integration events into the caller's unit of work and reads their payloads back.</summary>
public sealed class Outbox(HereafterDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Adds an event to the caller's unit of work: it commits or rolls back with the change. Events with the
    /// same <paramref name="orderingKey"/> are handled strictly in insert order, so the caller must make insert
    /// order equal commit order for its key: lock (or conditionally update) the row the key names before
    /// adding the event, as the certificate handlers do.
    /// </summary>
    public void Add<T>(string type, T payload, string? orderingKey) => db.Add(new OutboxMessage
    {
        Id = Guid.NewGuid(),
        Type = type,
        OrderingKey = orderingKey,
        PayloadJson = JsonSerializer.Serialize(payload, PlatformJson.WithNulls),
        OccurredAt = clock.GetUtcNow(),
    });

    public static T Read<T>(OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.PayloadJson, PlatformJson.WithNulls) ?? throw new InvalidOperationException($"Empty payload in {message.Id}.");
}
