using Hereafter.Domain.Custody;
using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Custody.Features.ReadCustodyRecord;

/// <summary>The deceased as the record names them: in full only for the funeral home holding the body, masked for other readers.</summary>
/// <param name="Masked">True when <see cref="Name"/> and <see cref="IdNumber"/> are masked (the reader does not hold the body).</param>
public sealed record CustodyDecedent(string Name, string Sex, string? IdNumber, DateTimeOffset DeathAt, string? HouseholdAddress, bool Masked);

/// <summary>One line of the timeline: what was done, by whom (and which organisation), where, when and with which document.</summary>
public sealed record CustodyStepView(
    CustodyStep Step, DateTimeOffset At, DateTimeOffset RecordedAt, string Actor, string Organisation, string? Place, string? Document, string? Note);

/// <summary>One document of the set (一证三书一函): whether it applies to this record now, and whether it is done.</summary>
public sealed record CustodyDocumentView(CustodyDocument Document, bool Applies, bool Done);

/// <summary>A custody record as <c>GET /api/v1/custody/{id}</c> answers it.</summary>
/// <param name="Holder">The reader's organisation holds the body (and may record the next steps).</param>
/// <param name="CertificateNumber">The death certificate's number: masked like an ID number for readers other than the holder.</param>
/// <param name="OverStorageLimit">In storage and past <see cref="StorageUntil"/> now.</param>
public sealed record CustodyRecordView(
    Guid Id, CustodyState State, bool Frozen, string? FrozenReason, bool Holder, Guid FuneralHomeId, string FuneralHomeName,
    Guid? CaseId, string CertificateNumber, CustodyDecedent Decedent,
    DateTimeOffset PickedUpAt, string FromAddress, DateTimeOffset? ArrivedAt, DateTimeOffset? StorageUntil, bool OverStorageLimit,
    IReadOnlyList<CustodyStepView> Steps, IReadOnlyList<CustodyDocumentView> Documents);

/// <summary>
/// Reads one record for the holding funeral home, the bureau or the institution that placed the ashes (404 for anyone
/// else); every read is audited, since the record names the deceased.
/// </summary>
public sealed class ReadCustodyRecordHandler(HereafterDbContext db, CustodyRecords records, AuditLog audit, IOptions<CustodyOptions> options, TimeProvider clock)
{
    public async Task<CustodyRecordView> ReadAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var record = await records.RequireVisibleAsync(actor, id, ct);
        var holder = CustodyAccess.Holds(actor, record.FuneralHomeId);
        var now = clock.GetUtcNow();
        var facts = await records.FactsAsync(record, !record.Frozen, ct);
        var placementOverdue = record.State == CustodyState.AshesReleased && record.AshesReleasedAt is { } released
                               && now > released.AddDays(options.Value.PlacementFollowUpDays);
        var documents = options.Value.DocumentSet
            .Select(d => new CustodyDocumentView(d, CustodyDocuments.Applies(d, facts, placementOverdue), CustodyDocuments.Done(d, facts))).ToList();
        var steps = await db.Set<CustodyStepEntry>().AsNoTracking().Where(s => s.CustodyId == id).OrderBy(s => s.Id)
            .Select(s => new CustodyStepView(s.Step, s.At, s.RecordedAt, s.ActorName, s.OrganisationName, s.Place, s.Document, s.Note)).ToListAsync(ct);
        var home = await db.Set<Platform.Organisations.Organisation>().AsNoTracking().Where(o => o.Id == record.FuneralHomeId)
            .Select(o => o.Name).FirstOrDefaultAsync(ct) ?? "";
        var decedent = holder
            ? new CustodyDecedent(record.DecedentName, record.Sex, record.DecedentIdNumber, record.DeathAt, record.HouseholdAddress, Masked: false)
            : new CustodyDecedent(PersonalDataMask.Name(record.DecedentName), record.Sex, Mask(record.DecedentIdNumber), record.DeathAt, null, Masked: true);
        await audit.RecordAsync(actor, "custody.read", $"custody:{id}", "custody", holder ? "full" : "masked", ct);
        return new CustodyRecordView(
            record.Id, record.State, record.Frozen, record.FrozenReason, holder, record.FuneralHomeId, home, record.CaseId,
            holder ? record.CertificateNumber : PersonalDataMask.IdNumber(record.CertificateNumber), decedent,
            record.PickedUpAt, record.FromAddress, record.ArrivedAt, record.StorageUntil,
            StorageLimit.IsOver(record.State, record.StorageUntil, now), steps, documents);
    }

    private static string? Mask(string? idNumber) => idNumber is null ? null : PersonalDataMask.IdNumber(idNumber);
}
