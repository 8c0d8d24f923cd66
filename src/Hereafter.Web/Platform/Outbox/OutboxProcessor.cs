using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Platform.Outbox;

/// <summary>
/// Hands committed integration events to their handlers, one message per transaction: the handler's
/// writes and the "processed" mark commit together, so a crash anywhere repeats at most the handling of
/// an uncommitted message. A node claims the first due message whose ordering key has no earlier
/// unprocessed message (<c>FOR UPDATE SKIP LOCKED</c> on PostgreSQL): the events of one key are handled in
/// order on any number of nodes, and a message that is locked by another node, waiting for its retry or
/// failing for ever holds up only its own key. A failed message is retried with capped exponential backoff.
/// </summary>
public sealed class OutboxProcessor(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, ILogger<OutboxProcessor> logger) : BackgroundService
{
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>From this many failed attempts on, a message is reported as poisoned to the supervisor.</summary>
    public const int PoisonedAfterAttempts = 5;

    /// <summary>2, 4, 8 … seconds after each failed attempt, at most 10 minutes; retried for ever.</summary>
    public static TimeSpan RetryDelay(int attempts) => TimeSpan.FromSeconds(Math.Min(600, Math.Pow(2, Math.Min(attempts, 30))));

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
            // An earlier message of the key that another node holds locked is still unprocessed here, so its
            // successors are not claimable until that node commits.
            message = await db.Set<OutboxMessage>().FromSqlRaw(
                    """
                    SELECT m.* FROM outbox_messages m
                    WHERE m."ProcessedAt" IS NULL AND (m."NextAttemptAt" IS NULL OR m."NextAttemptAt" <= {0})
                      AND (m."OrderingKey" IS NULL OR NOT EXISTS (
                            SELECT 1 FROM outbox_messages p
                            WHERE p."OrderingKey" = m."OrderingKey" AND p."ProcessedAt" IS NULL AND p."Sequence" < m."Sequence"))
                    ORDER BY m."Sequence" LIMIT 1 FOR UPDATE OF m SKIP LOCKED
                    """, now)
                .FirstOrDefaultAsync(ct);
        }
        else
        {
            // SQLite: one writer, and transactions begin IMMEDIATE, so claims are serialised.
            message = await db.Set<OutboxMessage>()
                .Where(m => m.ProcessedAt == null && (m.NextAttemptAt == null || m.NextAttemptAt <= now)
                            && (m.OrderingKey == null || !db.Set<OutboxMessage>().Any(p =>
                                p.OrderingKey == m.OrderingKey && p.ProcessedAt == null && p.Sequence < m.Sequence)))
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
            var attempts = message.Attempts + 1;
            if (attempts >= PoisonedAfterAttempts)
                logger.LogError(e, "Outbox message {Id} ({Type}, key {Key}) failed {Attempts} times; later messages of its key wait",
                    message.Id, message.Type, message.OrderingKey, attempts);
            else
                logger.LogWarning(e, "Handling outbox message {Id} ({Type}) failed", message.Id, message.Type);
            var error = $"{e.GetType().Name}: {e.Message}";
            await db.Set<OutboxMessage>().Where(m => m.Sequence == message.Sequence).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, now + RetryDelay(attempts))
                .SetProperty(m => m.LastError, error.Length > 1000 ? error[..1000] : error), ct);
            return true;
        }
    }
}
