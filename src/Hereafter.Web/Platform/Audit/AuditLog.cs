using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Platform.Audit;

/// <summary>
/// Appends hash-chained audit entries. Appends are serialised by the database (an advisory
/// transaction lock on PostgreSQL, the single writer on SQLite), so several nodes keep one chain.
/// </summary>
public sealed class AuditLog(HereafterDbContext db, TimeProvider clock)
{
    private const long ChainLockKey = 727002;

    /// <summary>Longest details kept: a change-feed page names up to 500 certificate numbers.</summary>
    public const int MaxDetailsLength = 20000;

    /// <summary>
    /// Writes one entry and saves it, inside the caller's transaction when there is one
    /// (so the audit entry commits or rolls back with the change it records).
    /// </summary>
    public Task RecordAsync(Actor? actor, string action, string subject, string purpose, string details = "", CancellationToken ct = default) =>
        RecordManyAsync([new Record(actor, action, subject, purpose, details)], ct);

    /// <summary>One entry to write with <see cref="RecordManyAsync"/>.</summary>
    public sealed record Record(Actor? Actor, string Action, string Subject, string Purpose, string Details = "");

    /// <summary>
    /// Writes several entries in order with one read of the chain's head and one save (a batch of webhook
    /// deliveries), inside the caller's transaction when there is one.
    /// </summary>
    public async Task RecordManyAsync(IReadOnlyList<Record> records, CancellationToken ct = default)
    {
        if (records.Count == 0) return;
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (db.IsPostgres)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", ct);
            var last = await db.Set<AuditEntry>().AsNoTracking().OrderByDescending(e => e.Sequence)
                .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(ct);
            var now = clock.GetUtcNow();
            var sequence = last?.Sequence ?? 0;
            var previous = last?.Hash ?? "";
            var entries = new List<AuditEntry>(records.Count);
            foreach (var (actor, action, subject, purpose, details) in records)
            {
                var entry = new AuditEntry
                {
                    Sequence = ++sequence,
                    // Millisecond precision survives both providers' storage, so the hash recomputes identically.
                    At = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero),
                    ActorId = actor?.Id ?? "anonymous",
                    ActorName = actor?.Name ?? "",
                    OrganisationId = actor?.OrganisationId,
                    OrganisationName = actor?.OrganisationName ?? "",
                    Action = action,
                    Subject = subject,
                    Purpose = purpose,
                    Details = details.Length > MaxDetailsLength ? details[..MaxDetailsLength] : details,
                    PreviousHash = previous,
                };
                entry.Hash = ComputeHash(entry);
                previous = entry.Hash;
                entries.Add(entry);
            }
            // One multi-row INSERT (a webhook save writes hundreds); then whatever the caller has pending, as before.
            await db.InsertAsync(entries, ct);
            if (db.ChangeTracker.HasChanges()) await db.SaveChangesAsync(ct);
            if (own is not null) await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    public static string ComputeHash(AuditEntry e)
    {
        var text = string.Join('\u001f',
            e.Sequence.ToString(CultureInfo.InvariantCulture),
            e.At.UtcTicks.ToString(CultureInfo.InvariantCulture),
            e.ActorId, e.ActorName, e.OrganisationId?.ToString() ?? "", e.OrganisationName,
            e.Action, e.Subject, e.Purpose, e.Details, e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    public sealed record ChainVerification(long Entries, bool Valid, long? FirstBrokenEntry);

    /// <summary>Recomputes the whole chain; the first entry whose hash or link does not match is reported.</summary>
    public async Task<ChainVerification> VerifyAsync(CancellationToken ct = default)
    {
        long count = 0, expectedSequence = 1;
        long? broken = null;
        var previous = "";
        await foreach (var e in db.Set<AuditEntry>().AsNoTracking().OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (e.Sequence != expectedSequence || e.PreviousHash != previous || ComputeHash(e) != e.Hash)
            {
                broken = e.Sequence != expectedSequence ? expectedSequence : e.Sequence;
                break;
            }
            previous = e.Hash;
            expectedSequence++;
        }
        if (broken is not null)
            return new ChainVerification(await db.Set<AuditEntry>().LongCountAsync(ct), false, broken);
        return new ChainVerification(count, true, null);
    }
}

public static class AuditModule
{
    /// <summary>
    /// Database triggers that refuse UPDATE and DELETE on the audit table, applied after migrations on
    /// every start (idempotent). Someone with rights to drop them can still edit rows, which the hash
    /// chain then reveals: the edit cannot be silent.
    /// </summary>
    public static string AppendOnlySql(bool postgres) => postgres
        ? """
          CREATE OR REPLACE FUNCTION audit_entries_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN RAISE EXCEPTION 'audit_entries is append-only'; END $$;
          DROP TRIGGER IF EXISTS audit_entries_no_change ON audit_entries;
          CREATE TRIGGER audit_entries_no_change BEFORE UPDATE OR DELETE ON audit_entries
            FOR EACH ROW EXECUTE FUNCTION audit_entries_append_only();
          """
        : """
          CREATE TRIGGER IF NOT EXISTS audit_entries_no_update BEFORE UPDATE ON audit_entries
            BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
          CREATE TRIGGER IF NOT EXISTS audit_entries_no_delete BEFORE DELETE ON audit_entries
            BEGIN SELECT RAISE(ABORT, 'audit_entries is append-only'); END;
          """;

    public static IServiceCollection AddPlatformAudit(this IServiceCollection services)
    {
        services.AddScoped<AuditLog>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/audit/verify", async (HttpContext http, AuditLog audit, CancellationToken ct) =>
            {
                var actor = Actor.From(http.User);
                if (actor is null) return Results.Unauthorized();
                if (actor.OrganisationType != Organisations.OrganisationType.CivilAffairs) return Results.Forbid();
                var result = await audit.VerifyAsync(ct);
                return Results.Ok(new { entries = result.Entries, valid = result.Valid, firstBrokenEntry = result.FirstBrokenEntry });
            })
            .RequireAuthorization()
            .WithTags("Audit")
            .WithSummary("Recompute the audit hash chain (civil affairs only)");
        return app;
    }
}
