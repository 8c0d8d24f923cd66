using Hereafter.Domain.Custody;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody;

/// <summary>
/// The one way a custody record changes (ADR 0027): load it for the actor, ask the domain's <see cref="CustodyLoop"/>
/// whether the step is allowed (a 409 lists every reason when not), change it, add the step to its timeline, and save
/// against the record's <see cref="CustodyRecord.Version"/> so a concurrent change of the same record fails with a 409
/// instead of doubling the step. Handlers of every step use it; none repeats it.
/// </summary>
public sealed class CustodyRecords(HereafterDbContext db, Platform.Outbox.Outbox outbox, TimeProvider clock)
{
    /// <summary>The record, tracked, when the actor's funeral home holds it; 404 otherwise (another funeral home never learns it exists).</summary>
    public async Task<CustodyRecord> RequireHeldAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (!CustodyAccess.IsFuneralHome(actor)) throw ProblemException.Forbidden(new Message("custody.funeral-home-only"));
        var record = await db.Set<CustodyRecord>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null || !CustodyAccess.Holds(actor, record.FuneralHomeId)) throw NotFound();
        return record;
    }

    /// <summary>The record, untracked, when the actor may read it: the holding funeral home, the bureau, or the institution that placed the ashes.</summary>
    public async Task<CustodyRecord> RequireVisibleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var record = await db.Set<CustodyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null || !CanRead(actor, record)) throw NotFound();
        return record;
    }

    public static bool CanRead(Actor actor, CustodyRecord record) =>
        CustodyAccess.Supervises(actor) || CustodyAccess.Holds(actor, record.FuneralHomeId)
        || (CustodyAccess.IsPlacementInstitution(actor) && record.PlacementInstitutionId == actor.OrganisationId);

    public static ProblemException NotFound() => ProblemException.NotFound(new Message("custody.record.not-found"));

    /// <summary>What the loop knows about the record, from its rows. <paramref name="certificateActive"/> is the caller's live check.</summary>
    public async Task<CustodyFacts> FactsAsync(CustodyRecord record, bool certificateActive, CancellationToken ct)
    {
        var consent = await db.Set<CremationConsent>().AsNoTracking().FirstOrDefaultAsync(c => c.CustodyId == record.Id, ct);
        var certificate = await db.Set<CremationCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.CustodyId == record.Id, ct);
        var agreement = await db.Set<AshesAgreement>().AsNoTracking().FirstOrDefaultAsync(a => a.CustodyId == record.Id, ct);
        var placed = await db.Set<Burial>().AsNoTracking().AnyAsync(b => b.CustodyId == record.Id, ct);
        return new CustodyFacts
        {
            State = record.State,
            CertificateActive = certificateActive && !record.Frozen,
            Frozen = record.Frozen,
            DecedentIdNumber = record.DecedentIdNumber,
            DeathAt = record.DeathAt,
            Consent = consent is null ? null : new ConsentFacts(consent.IdNumber, consent.SignedAt),
            Cremated = record.CrematedAt is not null,
            CremationCertificateIssued = certificate is not null,
            CollectorIdNumber = certificate?.CollectedByIdNumber,
            CremationCertificateReissued = certificate?.ReissuedAt is not null,
            Destination = agreement?.Destination,
            Undertaking = agreement?.Undertaking is not null,
            PlacementRecorded = placed || record.PlacedAt is not null,
        };
    }

    /// <summary>Throws the 409 that lists every reason the step is refused; returns the facts after the step otherwise.</summary>
    public static CustodyFacts Require(CustodyFacts facts, CustodyStep step, StepInput? input = null)
    {
        var refusals = CustodyLoop.Refusals(facts, step, input);
        if (refusals.Count > 0) throw Refused(step, refusals, facts.State);
        return CustodyLoop.After(facts, step, input);
    }

    /// <summary>409 naming the step and every reason, each also as <c>refusals: [{ code, detail }]</c> for API clients.</summary>
    public static ProblemException Refused(CustodyStep step, IReadOnlyList<CustodyRefusal> refusals, CustodyState? state)
    {
        var english = Texts.IsEnglish;
        var details = refusals.Select(r => new { code = r.ToCode(), detail = Texts.Of(RefusalMessage(r, state)) }).ToList();
        var message = new Message("custody.refused").With("step", english ? step.EnglishName() : step.ChineseName())
            .With("reasons", string.Join(english ? "; " : "；", details.Select(d => d.detail)));
        return new ProblemException(StatusCodes.Status409Conflict, "Refused", message)
        {
            Extensions = new Dictionary<string, object?> { ["refusals"] = details },
        };
    }

    public static Message RefusalMessage(CustodyRefusal refusal, CustodyState? state)
    {
        var message = new Message($"custody.refusal.{refusal.ToCode()}");
        return refusal == CustodyRefusal.WrongState
            ? message.With("state", state is null ? "—" : Texts.IsEnglish ? state.Value.EnglishName() : state.Value.ChineseName())
            : message;
    }

    /// <summary>Adds a line to the record's timeline (saved with the record).</summary>
    public void AddStep(CustodyRecord record, Actor actor, CustodyStep step, DateTimeOffset at, string? place = null, string? document = null, string? note = null) =>
        db.Add(new CustodyStepEntry
        {
            CustodyId = record.Id, Step = step, At = at.ToUniversalTime(), RecordedAt = clock.GetUtcNow(), ActorName = actor.Name,
            OrganisationId = actor.OrganisationId == Guid.Empty ? null : actor.OrganisationId, OrganisationName = actor.OrganisationName,
            Place = place, Document = document, Note = note,
        });

    /// <summary>Writes a milestone event in the same unit of work.</summary>
    public void Publish(string type, CustodyRecord record, DateTimeOffset at, Guid institutionId, string institutionName, string? place) =>
        outbox.Add(type, new CustodyMilestone(type, record.Id, record.CertificateId, record.CaseId, at.ToUniversalTime(), institutionId, institutionName, place),
            CustodyEventTypes.OrderingKey(record.Id));

    /// <summary>
    /// Saves the record's change with everything added to the context: bumps its version and compares the old one in
    /// the UPDATE, so of two concurrent changes one fails here (409 <c>custody.changed-meanwhile</c>). A unique index
    /// (one open record per person, one cremation certificate or burial per record) fails the same way.
    /// </summary>
    public async Task SaveAsync(CustodyRecord record, CancellationToken ct)
    {
        record.Version++;
        record.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw ChangedMeanwhile();
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw ChangedMeanwhile();
        }
    }

    public static ProblemException ChangedMeanwhile() => ProblemException.Conflict(new Message("custody.changed-meanwhile"));
}
