using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Platform.Outbox;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Sharing.Features.DeliverWebhooks;

/// <summary>
/// Delivers department events to webhook subscriptions, at least once, strictly in feed order per subscription
/// and concurrently across subscriptions. A node claims due subscriptions with a short lease (FOR UPDATE SKIP
/// LOCKED on PostgreSQL, so several nodes share the work), POSTs the events after the subscription's cursor
/// outside any transaction, then advances the cursor and records the attempts in one transaction, only while it
/// still holds the lease. A crash between a POST and that commit repeats the same event id, never loses it. A
/// failure keeps the event at the head and retries it with exponential backoff, capped, for ever.
/// </summary>
public sealed class WebhookDispatcher : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly OutboxSignal.Listener _wake;
    private readonly TimeProvider _clock;
    private readonly WebhookOptions _options;
    private readonly IDataProtector _protector;
    private readonly ILogger<WebhookDispatcher> _logger;
    private readonly HttpClient _http;
    private readonly bool _development;

    public WebhookDispatcher(IServiceScopeFactory scopes, OutboxSignal signal, TimeProvider clock, IOptions<WebhookOptions> options,
        IHostEnvironment environment, IDataProtectionProvider protection, ILogger<WebhookDispatcher> logger)
    {
        _scopes = scopes;
        _wake = signal.Listen();
        _clock = clock;
        _options = options.Value;
        _protector = WebhookSecrets.Protector(protection);
        _logger = logger;
        _development = environment.IsDevelopment();
        _http = new HttpClient(WebhookAddressGuard.CreateHandler(_development)) { Timeout = TimeSpan.FromSeconds(_options.TimeoutSeconds) };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("Hereafter-Webhooks", "1"));
    }

    /// <summary>Identifies this node's leases.</summary>
    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():n}" is var id && id.Length > 64 ? id[^64..] : id;

    private TimeSpan Lease => TimeSpan.FromSeconds(_options.LeaseSeconds);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = new Dictionary<Guid, Task>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var done in inFlight.Where(p => p.Value.IsCompleted).Select(p => p.Key).ToList()) inFlight.Remove(done);
                using (var scope = _scopes.CreateScope())
                    await scope.ServiceProvider.GetRequiredService<FeedSequencer>().AssignAsync(stoppingToken);
                var free = _options.MaxConcurrency - inFlight.Count;
                if (free > 0)
                {
                    foreach (var subscription in await ClaimAsync(free, inFlight.Keys.ToHashSet(), stoppingToken))
                        inFlight[subscription.Id] = Task.Run(() => RunAsync(subscription, stoppingToken), CancellationToken.None);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                _logger.LogError(e, "Webhook dispatch failed; retrying");
            }
            catch (OperationCanceledException)
            {
                break;
            }
            try { await _wake.WaitAsync(TimeSpan.FromMilliseconds(_options.PollMilliseconds), stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
        try { await Task.WhenAll(inFlight.Values); } catch (Exception e) when (e is OperationCanceledException) { }
        await ReleaseLeasesAsync();
    }

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    /// <summary>Claims up to <paramref name="max"/> subscriptions that have something to deliver and are due.</summary>
    private async Task<List<WebhookSubscription>> ClaimAsync(int max, HashSet<Guid> busy, CancellationToken ct)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var now = _clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        List<WebhookSubscription> due;
        if (db.IsPostgres)
        {
            due = await db.Set<WebhookSubscription>().FromSqlRaw(
                    """
                    SELECT s.* FROM webhook_subscriptions s
                    WHERE s."NextAttemptAt" <= {0} AND (s."LeaseUntil" IS NULL OR s."LeaseUntil" < {0})
                      AND (EXISTS (SELECT 1 FROM sharing_events e WHERE e."Department" = s."Department" AND e."FeedPosition" > s."DeliveredThrough")
                           OR EXISTS (SELECT 1 FROM webhook_redeliveries r WHERE r."SubscriptionId" = s."Id"))
                    ORDER BY s."NextAttemptAt" LIMIT {1} FOR UPDATE OF s SKIP LOCKED
                    """, now, max + busy.Count)
                .ToListAsync(ct);
        }
        else
        {
            // SQLite: one writer, and EF begins its transactions IMMEDIATE, so this read-then-lease is serialised.
            due = await db.Set<WebhookSubscription>()
                .Where(s => s.NextAttemptAt <= now && (s.LeaseUntil == null || s.LeaseUntil < now)
                            && (db.Set<SharingEvent>().Any(e => e.Department == s.Department && e.FeedPosition > s.DeliveredThrough)
                                || db.Set<WebhookRedelivery>().Any(r => r.SubscriptionId == s.Id)))
                .OrderBy(s => s.NextAttemptAt).Take(max + busy.Count).ToListAsync(ct);
        }
        due = due.Where(s => !busy.Contains(s.Id)).Take(max).ToList();
        if (due.Count == 0) return due;
        foreach (var s in due)
        {
            s.LeaseOwner = NodeId;
            s.LeaseUntil = now + Lease;
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return due;
    }

    private sealed record Next(long Position, Guid Id, string Type, string CertificateNumber, string? Json);

    /// <summary>An attempt to record, with the certificate its body names (for the audit entry).</summary>
    private sealed record Attempted(WebhookDelivery Row, string CertificateNumber);

    private sealed record Outcome(bool Delivered, int? Status, string? Error, int DurationMs);

    /// <summary>
    /// Delivers a claimed subscription's events one at a time until it has none left, fails, or loses its lease. The posts
    /// are the critical path; the database work runs beside them on the thread pool: the next batch is read while this one
    /// is posted, and what was delivered is saved (<see cref="WebhookOptions.SaveEveryEvents"/>, or
    /// <see cref="WebhookOptions.SaveEveryMilliseconds"/>) while the next events are posted, one save at a time and in
    /// order, so the cursor only moves forward over events actually accepted. A failure or the end waits for the save
    /// under way before its own.
    /// </summary>
    private async Task RunAsync(WebhookSubscription subscription, CancellationToken stop)
    {
        Task<bool>? saving = null;
        Task<List<(Next Event, long? Redelivery)>>? next = null;
        try
        {
            var secret = _protector.Unprotect(subscription.ProtectedSecret);
            var key = WebhookSignature.SigningKey(secret);
            var reader = await ReaderAsync(subscription, stop);
            var cursor = subscription.DeliveredThrough;
            var delivered = new List<Attempted>();
            var redelivered = new List<long>();
            // Redeliveries posted in this run: their rows are deleted by a save that may still be running.
            var redeliveredInRun = new List<long>();
            var lastFlush = Stopwatch.GetTimestamp();
            while (!stop.IsCancellationRequested)
            {
                var batch = await (next ?? ReadAsync(subscription, cursor, [.. redeliveredInRun], stop));
                next = null;
                if (batch.Count == 0) break;
                // Events after this batch are read while it is posted: they are the next batch once all of it is
                // delivered (the cursor is then its last position); a failure returns and drops them.
                if (batch[^1].Redelivery is null)
                    next = ReadAsync(subscription, batch[^1].Event.Position, [.. redeliveredInRun], stop);

                foreach (var (e, redelivery) in batch)
                {
                    if (e.Json is null)
                    {
                        cursor = e.Position;
                        continue;
                    }
                    var attempt = subscription.Attempts + 1;
                    var at = _clock.GetUtcNow();
                    var outcome = await PostAsync(subscription.CallbackUrl, secret, key, e, at, stop);
                    if (stop.IsCancellationRequested) return;
                    var row = new WebhookDelivery
                    {
                        SubscriptionId = subscription.Id, EventId = e.Id, EventType = e.Type, FeedPosition = e.Position,
                        Attempt = attempt, At = at, HttpStatus = outcome.Status, Error = outcome.Error, Delivered = outcome.Delivered,
                        DurationMs = outcome.DurationMs,
                    };
                    if (outcome.Delivered)
                    {
                        subscription.Attempts = 0;
                        delivered.Add(new Attempted(row, e.CertificateNumber));
                        if (redelivery is { } r)
                        {
                            redelivered.Add(r);
                            redeliveredInRun.Add(r);
                        }
                        else cursor = e.Position;
                        if ((delivered.Count >= _options.SaveEveryEvents || Stopwatch.GetElapsedTime(lastFlush).TotalMilliseconds > _options.SaveEveryMilliseconds)
                            && saving is not { IsCompleted: false })
                        {
                            // The previous save has finished: stop if it found the lease gone, else hand it the next events.
                            if (saving is not null && !await saving) return;
                            // On its own thread: SQLite's provider completes "async" calls synchronously, which would stall the posts.
                            var (through, rows, removed) = (cursor, delivered.ToList(), redelivered.ToList());
                            saving = Task.Run(() => SaveAsync(subscription, reader, through, 0, rows, removed, failure: null, release: false), CancellationToken.None);
                            delivered.Clear();
                            redelivered.Clear();
                            lastFlush = Stopwatch.GetTimestamp();
                        }
                        continue;
                    }
                    if (saving is not null && !await saving) return;
                    saving = null;
                    subscription.Attempts = attempt;
                    row.NextRetryAt = _clock.GetUtcNow() + _options.RetryDelay(attempt);
                    _logger.LogInformation("Webhook {Subscription} event {Event} attempt {Attempt} failed: {Error}; next at {Next}",
                        subscription.Id, e.Id, attempt, outcome.Error, row.NextRetryAt);
                    await SaveAsync(subscription, reader, cursor, attempt, delivered, redelivered, failure: new Attempted(row, e.CertificateNumber), release: true);
                    return;
                }
            }
            if (saving is not null && !await saving) return;
            saving = null;
            await SaveAsync(subscription, reader, cursor, subscription.Attempts, delivered, redelivered, failure: null, release: true);
        }
        catch (Exception e) when (!stop.IsCancellationRequested)
        {
            _logger.LogError(e, "Webhook delivery for subscription {Subscription} failed", subscription.Id);
        }
        finally
        {
            // Stopping mid-run: the save already under way still completes (it never observes the stop); a batch read
            // ahead and no longer wanted is dropped, its failure (e.g. the stop) observed.
            _ = next?.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            if (saving is not null)
            {
                try { await saving; }
                catch (Exception e) { _logger.LogError(e, "Webhook delivery for subscription {Subscription} failed", subscription.Id); }
            }
            _wake.Notify();
        }
    }

    /// <summary>
    /// The next thing to post for a subscription: its oldest redelivery not yet posted in this run, else up to a batch of
    /// the department's events after <paramref name="after"/>, in order, with the body only of those it subscribes to
    /// (the cursor moves past the others too, and only over rows actually read: a later query could see newer ones).
    /// Empty when there is nothing. On the thread pool: SQLite's provider completes "async" reads synchronously.
    /// </summary>
    private Task<List<(Next Event, long? Redelivery)>> ReadAsync(WebhookSubscription subscription, long after, List<long> skip, CancellationToken stop) =>
        Task.Run(async () =>
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var redelivery = await db.Set<WebhookRedelivery>().AsNoTracking()
                .Where(r => r.SubscriptionId == subscription.Id && !skip.Contains(r.Id))
                .OrderBy(r => r.Id).FirstOrDefaultAsync(stop);
            if (redelivery is not null)
            {
                var again = await db.Set<SharingEvent>().AsNoTracking().Where(e => e.Id == redelivery.EventId)
                    .Select(e => new Next(e.FeedPosition!.Value, e.Id, e.Type, e.CertificateNumber, e.Json)).FirstAsync(stop);
                return new List<(Next Event, long? Redelivery)> { (again, redelivery.Id) };
            }
            var types = subscription.Types;
            var events = await db.Set<SharingEvent>().AsNoTracking()
                .Where(e => e.Department == subscription.Department && e.FeedPosition > after)
                .OrderBy(e => e.FeedPosition).Take(_options.BatchSize)
                .Select(e => new Next(e.FeedPosition!.Value, e.Id, e.Type, e.CertificateNumber,
                    types.Contains(e.Type) && (e.OrganisationId == null || e.OrganisationId == subscription.OrganisationId) ? e.Json : null))
                .ToListAsync(stop);
            return events.Select(e => (e, (long?)null)).ToList();
        }, CancellationToken.None);

    /// <summary>The receiving organisation as the audit log names it: each delivery is a read of personal data by it.</summary>
    private async Task<Actor> ReaderAsync(WebhookSubscription s, CancellationToken ct)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var name = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == s.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        return new Actor($"webhook:{s.Id}", "webhook delivery", s.OrganisationId, name, null, new HashSet<string>());
    }

    /// <summary>
    /// Records attempts, their audit entries (one per attempt, naming its certificate: the body left the platform
    /// whether or not the receiver then accepted it) and moves the cursor in one transaction, only if this node still
    /// holds the lease (false when it does not: another node has taken the subscription over, or it was deleted).
    /// </summary>
    private async Task<bool> SaveAsync(WebhookSubscription s, Actor reader, long cursor, int attempts, List<Attempted> delivered, List<long> redelivered,
        Attempted? failure, bool release)
    {
        using var scope = _scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var now = _clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(CancellationToken.None);
        DateTimeOffset? leaseUntil = release ? null : now + Lease;
        var owner = release ? null : NodeId;
        var next = failure?.Row.NextRetryAt ?? now;
        var updated = await db.Set<WebhookSubscription>().Where(x => x.Id == s.Id && x.LeaseOwner == NodeId).ExecuteUpdateAsync(u =>
        {
            u.SetProperty(x => x.DeliveredThrough, cursor)
                .SetProperty(x => x.Attempts, attempts)
                .SetProperty(x => x.NextAttemptAt, next)
                .SetProperty(x => x.LeaseOwner, owner)
                .SetProperty(x => x.LeaseUntil, leaseUntil);
            if (failure is not null) u.SetProperty(x => x.LastError, Truncate($"{failure.Row.At:O} event {failure.Row.EventId}: {failure.Row.Error}", 1000));
        }, CancellationToken.None);
        if (updated == 0)
        {
            _logger.LogWarning("Webhook subscription {Subscription} is no longer leased by this node; its other node redelivers", s.Id);
            return false;
        }
        var rows = failure is null ? delivered : [.. delivered, failure];
        // Hundreds of rows a save: one multi-row INSERT, not EF's change tracking and a statement per row.
        await db.InsertAsync(rows.Select(a => a.Row).ToList(), CancellationToken.None);
        await scope.ServiceProvider.GetRequiredService<AuditLog>().RecordManyAsync(rows.Select(a => new AuditLog.Record(reader, "webhook.deliver",
            $"certificate:{a.CertificateNumber}", $"death-notification:{s.Department.ToCode()}",
            $"{a.Row.EventType} event {a.Row.EventId} attempt {a.Row.Attempt} to subscription {s.Id}: " +
            (a.Row.Delivered ? $"delivered (HTTP {a.Row.HttpStatus})" : $"not accepted ({a.Row.Error})"))).ToList(), CancellationToken.None);
        if (redelivered.Count > 0)
            await db.Set<WebhookRedelivery>().Where(r => redelivered.Contains(r.Id)).ExecuteDeleteAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
        delivered.Clear();
        redelivered.Clear();
        return true;
    }

    private async Task<Outcome> PostAsync(string url, string secret, byte[] key, Next e, DateTimeOffset at, CancellationToken stop)
    {
        var started = Stopwatch.GetTimestamp();
        int Elapsed() => (int)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        if (!_development && !url.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            return new Outcome(false, null, "callbackUrl is not https", 0);
        var body = Encoding.UTF8.GetBytes(e.Json!);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        // The event id is the message id: stable across retries and redeliveries, so receivers de-duplicate by it;
        // the timestamp is this attempt's, so a retry is signed afresh and an old capture goes stale.
        var id = e.Id.ToString();
        var timestamp = at.ToUnixTimeSeconds();
        request.Headers.Add(WebhookHeaders.Id, id);
        request.Headers.Add(WebhookHeaders.Timestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.Signature, WebhookSignature.Sign(key, id, timestamp, body));
        request.Headers.Add(WebhookHeaders.LegacyEventId, id);
        request.Headers.Add(WebhookHeaders.LegacyTimestamp, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookHeaders.LegacySignature, WebhookSignature.LegacySign(secret, body));
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode
                ? new Outcome(true, status, null, Elapsed())
                : new Outcome(false, status, $"HTTP {status} {response.ReasonPhrase}", Elapsed());
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return new Outcome(false, null, $"timed out after {_options.TimeoutSeconds} s", Elapsed());
        }
        catch (HttpRequestException ex)
        {
            var inner = ex.InnerException is { } i && i.Message != ex.Message ? $" ({i.Message})" : "";
            return new Outcome(false, null, Truncate(ex.Message + inner, 1000), Elapsed());
        }
    }

    private async Task ReleaseLeasesAsync()
    {
        try
        {
            using var scope = _scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            await db.Set<WebhookSubscription>().Where(s => s.LeaseOwner == NodeId)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.LeaseOwner, (string?)null).SetProperty(s => s.LeaseUntil, (DateTimeOffset?)null));
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Could not release webhook leases at shutdown; they expire on their own");
        }
    }

    private static string Truncate(string s, int max) => s.Length > max ? s[..max] : s;
}
