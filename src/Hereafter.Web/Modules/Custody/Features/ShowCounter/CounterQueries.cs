using Hereafter.Domain.Custody;
using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.ShowCounter;

/// <summary>A case whose family chose this funeral home, masked, with its record when the body is already picked up.</summary>
public sealed record ChosenCaseRow(Guid CaseId, string MaskedName, string MaskedNumber, DateTimeOffset DeathAt, Guid? CustodyId, CustodyState? State);

/// <summary>A body (or its ashes) in the funeral home's care, masked.</summary>
public sealed record InCareRow(
    Guid Id, string MaskedName, string MaskedNumber, CustodyState State, bool Frozen, DateTimeOffset PickedUpAt, DateTimeOffset? StorageUntil, bool OverLimit);

/// <summary>What the counter lists: the cases that chose the funeral home, and the records it holds that are not closed.</summary>
public sealed record CounterView(IReadOnlyList<ChosenCaseRow> Chosen, IReadOnlyList<InCareRow> InCare);

/// <summary>The funeral home's counter lists (masked names and numbers; the listing is audited).</summary>
public sealed class CounterQueries(HereafterDbContext db, IFuneralHomeCases chosenCases, AuditLog audit, TimeProvider clock)
{
    public const int Limit = 200;

    public async Task<CounterView> ReadAsync(Actor actor, CancellationToken ct)
    {
        var home = actor.OrganisationId;
        var now = clock.GetUtcNow();
        var held = await db.Set<CustodyRecord>().AsNoTracking()
            .Where(r => r.FuneralHomeId == home && r.State != CustodyState.Placed)
            .OrderByDescending(r => r.PickedUpAt).Take(Limit)
            .Select(r => new { r.Id, r.DecedentName, r.CertificateNumber, r.CertificateId, r.CaseId, r.State, r.Frozen, r.PickedUpAt, r.StorageUntil })
            .ToListAsync(ct);
        var inCare = held
            .Select(r => new InCareRow(r.Id, PersonalDataMask.Name(r.DecedentName), PersonalDataMask.IdNumber(r.CertificateNumber), r.State, r.Frozen,
                r.PickedUpAt, r.StorageUntil, StorageLimit.IsOver(r.State, r.StorageUntil, now)))
            .OrderByDescending(r => r.OverLimit).ThenBy(r => r.State).ToList();
        var cases = await chosenCases.ChosenAsync(home, Limit, ct);
        var certificateIds = cases.Select(c => c.CertificateId).ToList();
        var records = await db.Set<CustodyRecord>().AsNoTracking()
            .Where(r => r.FuneralHomeId == home && certificateIds.Contains(r.CertificateId))
            .Select(r => new { r.CertificateId, r.Id, r.State }).ToListAsync(ct);
        var chosen = cases.Select(c =>
        {
            var record = records.FirstOrDefault(r => r.CertificateId == c.CertificateId);
            return new ChosenCaseRow(c.CaseId, PersonalDataMask.Name(c.DecedentName), PersonalDataMask.IdNumber(c.CertificateNumber), c.DeathAt, record?.Id, record?.State);
        }).ToList();
        await audit.RecordAsync(actor, "custody.counter-listed", $"organisation:{home}", "custody",
            $"{chosen.Count} chosen cases, {inCare.Count} records (masked)", ct);
        return new CounterView(chosen, inCare);
    }
}
