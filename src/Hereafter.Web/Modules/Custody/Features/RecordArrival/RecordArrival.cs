using Hereafter.Domain.Custody;
using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Custody.Features.RecordArrival;

/// <summary>到馆入库: when the body arrived at the funeral home.</summary>
public sealed record RecordArrivalRequest(DateTimeOffset? ArrivedAt);

/// <summary>The record in storage and its storage limit.</summary>
public sealed record StorageAnswer(Guid Id, CustodyState State, DateTimeOffset? StorageUntil);

/// <summary>
/// The body arrived: the record moves to in-storage and the storage timer starts (<see cref="StorageLimit.Until"/>:
/// <c>Custody:StorageDays</c> whole days from the arrival instant, ADR 0028).
/// </summary>
public sealed class RecordArrivalHandler(HereafterDbContext db, CustodyRecords records, AuditLog audit, IOptions<CustodyOptions> options, TimeProvider clock)
{
    public async Task<StorageAnswer> HandleAsync(Actor actor, Guid id, RecordArrivalRequest request, CancellationToken ct)
    {
        var record = await records.RequireHeldAsync(actor, id, ct);
        var errors = new FieldErrors();
        CustodyTimes.Check(request.ArrivedAt, "arrivedAt", clock.GetUtcNow(), errors);
        if (request.ArrivedAt is { } at && at < record.PickedUpAt) errors.Add("arrivedAt", new Message("custody.arrival.before-pickup"));
        errors.ThrowIfAny();
        CustodyRecords.Require(await records.FactsAsync(record, !record.Frozen, ct), CustodyStep.Arrive);

        var arrivedAt = request.ArrivedAt!.Value.ToUniversalTime();
        record.State = CustodyState.InStorage;
        record.ArrivedAt = arrivedAt;
        record.StorageUntil = StorageLimit.Until(arrivedAt, options.Value.StorageDays);
        records.AddStep(record, actor, CustodyStep.Arrive, arrivedAt, actor.OrganisationName);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await records.SaveAsync(record, ct);
        await audit.RecordAsync(actor, "custody.arrived", $"custody:{record.Id}", "custody", $"storage until {record.StorageUntil:O}", ct);
        await tx.CommitAsync(ct);
        return new StorageAnswer(record.Id, record.State, record.StorageUntil);
    }
}
