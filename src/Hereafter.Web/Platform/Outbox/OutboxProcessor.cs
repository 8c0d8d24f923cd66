using System.Text.Json;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Platform.Outbox;

/// <summary>A module's handler of another module's integration event. Must be idempotent.</summary>
public interface IIntegrationEventHandler
{
    /// <summary>The event type handled, e.g. <c>certificates.issued</c>.</summary>
    string EventType { get; }

    /// <summary>Runs inside the transaction that also marks the message processed.</summary>
    Task HandleAsync(OutboxMessage message, CancellationToken ct);
}

public sealed class Outbox(HereafterDbContext db, TimeProvider clock)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };

    /// <summary>Adds an event to the caller's unit of work: it commits or rolls back with the change.</summary>
    public void Add<T>(string type, T payload) => db.Add(new OutboxMessage
    {
        Id = Guid.NewGuid(),
        Type = type,
        PayloadJson = JsonSerializer.Serialize(payload, Json),
        OccurredAt = clock.GetUtcNow(),
    });

    public static T Read<T>(OutboxMessage message) =>
        JsonSerializer.Deserialize<T>(message.PayloadJson, Json) ?? throw new InvalidOperationException($"Empty payload in {message.Id}.");
}

/// <summary>Wakes the background workers early (after a commit on this node); other nodes poll.</summary>
public sealed class OutboxSignal
{
    private readonly Listener _processor = new();
    private volatile Listener[] _listeners = [];

    public void Notify()
    {
        _processor.Notify();
        foreach (var listener in _listeners) listener.Notify();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _processor.WaitAsync(timeout, ct);

    /// <summary>A wake-up of its own for another worker, so that it never takes the outbox processor's.</summary>
    public Listener Listen()
    {
        var listener = new Listener();
        lock (_processor) _listeners = [.. _listeners, listener];
        return listener;
    }

    public sealed class Listener
    {
        private readonly SemaphoreSlim _signal = new(0, 1);
        public void Notify() { try { _signal.Release(); } catch (SemaphoreFullException) { } }
        public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
    }
}

/// <summary>
/// Hands committed integration events to their handlers, one message per transaction: the handler's
/// writes and the "processed" mark commit together, so a crash anywhere repeats at most the handling of
/// an uncommitted message. Nodes claim messages with <c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL.
/// </summary>
public sealed class OutboxProcessor(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxProcessor> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessNextAsync(stoppingToken)) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Outbox processing failed; retrying");
            }
            try { await signal.WaitAsync(PollInterval, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Processes one due message; false when there is none.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var handlers = scope.ServiceProvider.GetServices<IIntegrationEventHandler>().ToLookup(h => h.EventType);
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        OutboxMessage? message;
        if (db.IsPostgres)
        {
            message = await db.Set<OutboxMessage>().FromSqlRaw(
                    """
                    SELECT * FROM outbox_messages
                    WHERE "ProcessedAt" IS NULL AND ("NextAttemptAt" IS NULL OR "NextAttemptAt" <= {0})
                    ORDER BY "Sequence" LIMIT 1 FOR UPDATE SKIP LOCKED
                    """, now)
                .FirstOrDefaultAsync(ct);
        }
        else
        {
            message = await db.Set<OutboxMessage>()
                .Where(m => m.ProcessedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
                .OrderBy(m => m.Sequence).FirstOrDefaultAsync(ct);
        }
        if (message is null) return false;
        try
        {
            foreach (var handler in handlers[message.Type])
                await handler.HandleAsync(message, ct);
            message.ProcessedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            signal.Notify();
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            logger.LogWarning(e, "Handling outbox message {Id} ({Type}) failed", message.Id, message.Type);
            var attempts = message.Attempts + 1;
            await db.Set<OutboxMessage>().Where(m => m.Sequence == message.Sequence).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, now + TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, attempts))))
                .SetProperty(m => m.LastError, e.Message.Length > 1000 ? e.Message[..1000] : e.Message), ct);
            return true;
        }
    }
}

public static class OutboxModule
{
    public static IServiceCollection AddPlatformOutbox(this IServiceCollection services)
    {
        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxProcessor>());
        return services;
    }
}
