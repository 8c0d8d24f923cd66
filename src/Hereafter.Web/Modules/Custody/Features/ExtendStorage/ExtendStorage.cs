using System.ComponentModel.DataAnnotations;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Features.RecordArrival;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Custody.Features.ExtendStorage;

/// <summary>延长存放: the new limit and why.</summary>
public sealed record ExtendStorageRequest(
    DateTimeOffset? Until,
    [property: Required(ErrorMessage = "custody.extension.reason-invalid")]
    [property: FreeText(500, ErrorMessage = "custody.extension.reason-invalid")]
    string? Reason);

/// <summary>
/// Extends the storage limit of a body in storage: a reason is required and the new limit must be later than the
/// current one and than now (an extension into the past would hide an overdue body). Allowed on a frozen record:
/// a body held because its certificate was revoked still needs storage.
/// </summary>
public sealed class ExtendStorageHandler(HereafterDbContext db, CustodyRecords records, AuditLog audit, TimeProvider clock)
{
    public async Task<StorageAnswer> HandleAsync(Actor actor, Guid id, ExtendStorageRequest request, CancellationToken ct)
    {
        var record = await records.RequireHeldAsync(actor, id, ct);
        // A record not in storage has no limit to extend: the state's refusal (409) comes before the fields.
        CustodyRecords.Require(await records.FactsAsync(record, !record.Frozen, ct), CustodyStep.ExtendStorage);
        var errors = new FieldErrors();
        RequestValidation.Check(request, "", errors);
        var now = clock.GetUtcNow();
        var limit = record.StorageUntil ?? now;
        if (request.Until is null) errors.Add("until", new Message("custody.extension.until-required"));
        else if (request.Until <= limit || request.Until <= now)
            errors.Add("until", new Message("custody.extension.until-not-later").With("limit", ChinaTime.Minutes(limit)));
        errors.ThrowIfAny();

        var previous = record.StorageUntil;
        var reason = request.Reason!.Trim();
        record.StorageUntil = request.Until!.Value.ToUniversalTime();
        records.AddStep(record, actor, CustodyStep.ExtendStorage, now, note: reason,
            document: $"{(previous is { } p ? ChinaTime.Minutes(p) : "—")} → {ChinaTime.Minutes(record.StorageUntil.Value)}");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await records.SaveAsync(record, ct);
        await audit.RecordAsync(actor, "custody.storage-extended", $"custody:{record.Id}", "custody",
            $"{previous:O} -> {record.StorageUntil:O}: {reason}", ct);
        await tx.CommitAsync(ct);
        return new StorageAnswer(record.Id, record.State, record.StorageUntil);
    }
}
