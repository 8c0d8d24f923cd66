using Hereafter.Domain.Identity;

namespace Hereafter.Domain.Custody;

/// <summary>The person in charge (丧事承办人) as the 遗体火化确认书 names them.</summary>
public sealed record ConsentFacts(string IdNumber, DateTimeOffset SignedAt);

/// <summary>
/// What the loop knows about one person's remains: the state and every document that guards a step. A record that
/// does not exist yet has <see cref="State"/> null. Built by the web module from its rows; changed only by
/// <see cref="CustodyLoop.After"/>.
/// </summary>
public sealed record CustodyFacts
{
    public CustodyState? State { get; init; }
    /// <summary>The death certificate is issued, current and not revoked (checked live at pickup and cremation).</summary>
    public bool CertificateActive { get; init; }
    /// <summary>The certificate was revoked after pickup: nothing moves but the storage timer.</summary>
    public bool Frozen { get; init; }
    /// <summary>The deceased's citizen ID, when the certificate carries one.</summary>
    public string? DecedentIdNumber { get; init; }
    public DateTimeOffset? DeathAt { get; init; }
    /// <summary>The 遗体火化确认书, once signed (the latest signature counts until cremation).</summary>
    public ConsentFacts? Consent { get; init; }
    public bool Cremated { get; init; }
    public bool CremationCertificateIssued { get; init; }
    /// <summary>The ID number of whoever collected the 火化证明 first; a reissue goes only to them.</summary>
    public string? CollectorIdNumber { get; init; }
    public bool CremationCertificateReissued { get; init; }
    /// <summary>The destination declared in the 骨灰安放（葬）协议.</summary>
    public AshesDestination? Destination { get; init; }
    /// <summary>The 骨灰去向承诺书 was signed (required for ashes taken home).</summary>
    public bool Undertaking { get; init; }
    /// <summary>A burial or placement record exists.</summary>
    public bool PlacementRecorded { get; init; }
}

/// <summary>The parameters a step carries that its guards look at.</summary>
/// <param name="Consent">For <see cref="CustodyStep.SignConsent"/>.</param>
/// <param name="CollectorIdNumber">For collection and reissue of the 火化证明.</param>
/// <param name="Destination">For <see cref="CustodyStep.RecordAshesAgreement"/>.</param>
/// <param name="Undertaking">For the agreement: the 骨灰去向承诺书 is signed.</param>
public sealed record StepInput(ConsentFacts? Consent = null, string? CollectorIdNumber = null, AshesDestination? Destination = null, bool Undertaking = false);

/// <summary>
/// The closed loop as a state machine (ADR 0027): <c>picked-up → in-storage → cremated → ashes-released | ashes-stored →
/// placed</c>, plus <c>unclaimed</c>. Every step is guarded; <see cref="Refusals"/> lists every reason a step is refused
/// (so a cremation refused shows all that is missing at once), and <see cref="After"/> applies an allowed step.
/// No path reaches <see cref="CustodyState.Placed"/> without an active certificate at pickup, a valid 确认书, a cremation
/// and a placement record.
/// </summary>
public static class CustodyLoop
{
    private static readonly CustodyState[] AfterCremation =
        [CustodyState.Cremated, CustodyState.AshesReleased, CustodyState.AshesStored, CustodyState.Placed, CustodyState.Unclaimed];

    public static IReadOnlyList<CustodyRefusal> Refusals(CustodyFacts facts, CustodyStep step, StepInput? input = null)
    {
        ArgumentNullException.ThrowIfNull(facts);
        input ??= new StepInput();
        var refusals = new List<CustodyRefusal>();
        var state = facts.State;
        if (step == CustodyStep.PickUp)
        {
            if (state is not null) refusals.Add(CustodyRefusal.WrongState);
            if (!facts.CertificateActive) refusals.Add(CustodyRefusal.CertificateNotActive);
            return refusals;
        }
        if (state is null) return [CustodyRefusal.WrongState];
        if (facts.Frozen && step != CustodyStep.ExtendStorage) refusals.Add(CustodyRefusal.Frozen);
        switch (step)
        {
            case CustodyStep.Arrive:
                if (state != CustodyState.PickedUp) refusals.Add(CustodyRefusal.WrongState);
                break;
            case CustodyStep.ExtendStorage:
                if (state != CustodyState.InStorage) refusals.Add(CustodyRefusal.WrongState);
                break;
            case CustodyStep.SignConsent:
                if (facts.Cremated) refusals.Add(CustodyRefusal.AlreadyCremated);
                else if (state is not (CustodyState.PickedUp or CustodyState.InStorage)) refusals.Add(CustodyRefusal.WrongState);
                if (input.Consent is null) refusals.Add(CustodyRefusal.ConsentMissing);
                else refusals.AddRange(ConsentProblems(facts, input.Consent));
                break;
            case CustodyStep.Cremate:
                if (facts.Cremated) refusals.Add(CustodyRefusal.AlreadyCremated);
                else if (state != CustodyState.InStorage) refusals.Add(CustodyRefusal.WrongState);
                if (!facts.CertificateActive && !facts.Frozen) refusals.Add(CustodyRefusal.CertificateNotActive);
                if (facts.Consent is null) refusals.Add(CustodyRefusal.ConsentMissing);
                else refusals.AddRange(ConsentProblems(facts, facts.Consent));
                break;
            case CustodyStep.IssueCremationCertificate:
                if (!facts.Cremated) refusals.Add(CustodyRefusal.WrongState);
                if (facts.CremationCertificateIssued) refusals.Add(CustodyRefusal.CremationCertificateAlreadyIssued);
                break;
            case CustodyStep.CollectCremationCertificate:
                if (!facts.CremationCertificateIssued) refusals.Add(CustodyRefusal.CremationCertificateNotIssued);
                else if (facts.CollectorIdNumber is not null) refusals.Add(CustodyRefusal.CremationCertificateAlreadyCollected);
                if (input.CollectorIdNumber is null || !IdNumber.TryParse(input.CollectorIdNumber, out _, out _)) refusals.Add(CustodyRefusal.ConsentIdInvalid);
                break;
            case CustodyStep.ReissueCremationCertificate:
                if (facts.CollectorIdNumber is null) refusals.Add(CustodyRefusal.CremationCertificateNotCollected);
                else if (!string.Equals(Normalise(input.CollectorIdNumber), facts.CollectorIdNumber, StringComparison.Ordinal))
                    refusals.Add(CustodyRefusal.ReissueToAnotherPerson);
                if (facts.CremationCertificateReissued) refusals.Add(CustodyRefusal.CremationCertificateAlreadyReissued);
                break;
            case CustodyStep.RecordAshesAgreement:
                // Unclaimed ashes may still be claimed: the family's agreement gives them a destination again.
                if (state is not (CustodyState.Cremated or CustodyState.AshesStored or CustodyState.Unclaimed)) refusals.Add(CustodyRefusal.WrongState);
                if (input.Destination is null) refusals.Add(CustodyRefusal.AgreementMissing);
                else if (input.Destination == AshesDestination.TakenHome && !input.Undertaking) refusals.Add(CustodyRefusal.UndertakingMissing);
                break;
            case CustodyStep.ReleaseAshes:
                if (state is not (CustodyState.Cremated or CustodyState.AshesStored or CustodyState.Unclaimed)) refusals.Add(CustodyRefusal.WrongState);
                // Ashes leave the funeral home only for a declared destination other than staying there.
                if (facts.Destination is null or AshesDestination.FuneralHomeStorage) refusals.Add(CustodyRefusal.AgreementMissing);
                else if (facts.Destination == AshesDestination.TakenHome && !facts.Undertaking) refusals.Add(CustodyRefusal.UndertakingMissing);
                break;
            case CustodyStep.Place:
                if (state == CustodyState.Placed || facts.PlacementRecorded) refusals.Add(CustodyRefusal.AlreadyPlaced);
                else if (state != CustodyState.AshesReleased) refusals.Add(CustodyRefusal.WrongState);
                break;
            case CustodyStep.MarkUnclaimed:
                if (state != CustodyState.AshesStored) refusals.Add(CustodyRefusal.WrongState);
                break;
            case CustodyStep.Freeze:
                if (state == CustodyState.Placed) refusals.Add(CustodyRefusal.AlreadyPlaced);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(step), step, null);
        }
        return refusals.Distinct().ToList();
    }

    /// <summary>The facts after an allowed step; throws <see cref="InvalidOperationException"/> for a refused one.</summary>
    public static CustodyFacts After(CustodyFacts facts, CustodyStep step, StepInput? input = null)
    {
        var refusals = Refusals(facts, step, input);
        if (refusals.Count > 0) throw new InvalidOperationException($"{step} refused: {string.Join(", ", refusals)}");
        input ??= new StepInput();
        return step switch
        {
            CustodyStep.PickUp => facts with { State = CustodyState.PickedUp },
            CustodyStep.Arrive => facts with { State = CustodyState.InStorage },
            CustodyStep.ExtendStorage => facts,
            CustodyStep.SignConsent => facts with { Consent = input.Consent! with { IdNumber = Normalise(input.Consent.IdNumber)! } },
            CustodyStep.Cremate => facts with { State = CustodyState.Cremated, Cremated = true },
            CustodyStep.IssueCremationCertificate => facts with { CremationCertificateIssued = true },
            CustodyStep.CollectCremationCertificate => facts with { CollectorIdNumber = Normalise(input.CollectorIdNumber) },
            CustodyStep.ReissueCremationCertificate => facts with { CremationCertificateReissued = true },
            CustodyStep.RecordAshesAgreement => facts with
            {
                Destination = input.Destination,
                Undertaking = input.Undertaking,
                State = input.Destination == AshesDestination.FuneralHomeStorage ? CustodyState.AshesStored : facts.State,
            },
            CustodyStep.ReleaseAshes => facts with { State = CustodyState.AshesReleased },
            CustodyStep.Place => facts with { State = CustodyState.Placed, PlacementRecorded = true },
            CustodyStep.MarkUnclaimed => facts with { State = CustodyState.Unclaimed },
            CustodyStep.Freeze => facts with { Frozen = true, CertificateActive = false },
            _ => throw new ArgumentOutOfRangeException(nameof(step), step, null),
        };
    }

    /// <summary>Whether the step has been done or passed: used for the document checklist and the timeline.</summary>
    public static bool IsAfterCremation(CustodyState state) => AfterCremation.Contains(state);

    /// <summary>What is wrong with a 确认书: an ID that is not a valid citizen ID, the deceased's own ID, a signature before the death.</summary>
    public static IReadOnlyList<CustodyRefusal> ConsentProblems(CustodyFacts facts, ConsentFacts consent)
    {
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(consent);
        var problems = new List<CustodyRefusal>();
        var id = Normalise(consent.IdNumber);
        if (id is null || !IdNumber.TryParse(id, out _, out _)) problems.Add(CustodyRefusal.ConsentIdInvalid);
        else if (facts.DecedentIdNumber is not null && string.Equals(id, Normalise(facts.DecedentIdNumber), StringComparison.Ordinal))
            problems.Add(CustodyRefusal.ConsentInconsistent);
        if (facts.DeathAt is { } death && consent.SignedAt < death && !problems.Contains(CustodyRefusal.ConsentInconsistent))
            problems.Add(CustodyRefusal.ConsentInconsistent);
        return problems;
    }

    private static string? Normalise(string? idNumber) =>
        string.IsNullOrWhiteSpace(idNumber) ? null : idNumber.Trim().ToUpperInvariant();
}
