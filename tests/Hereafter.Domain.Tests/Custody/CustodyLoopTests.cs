using Hereafter.Domain.Custody;
using Hereafter.Domain.Identity;

namespace Hereafter.Domain.Tests.Custody;

public class CustodyLoopTests
{
    internal static readonly string Deceased = Id("52010219400101123");
    internal static readonly string InCharge = Id("52010219700505234");
    internal static readonly DateTimeOffset DeathAt = new(2026, 12, 1, 10, 0, 0, TimeSpan.FromHours(8));

    internal static string Id(string first17) => first17 + IdNumber.ComputeCheckCharacter(first17);

    private static readonly CustodyFacts New = new() { CertificateActive = true, DecedentIdNumber = Deceased, DeathAt = DeathAt };
    private static readonly StepInput ValidConsent = new(Consent: new ConsentFacts(InCharge, DeathAt.AddHours(5)));

    private static CustodyFacts Run(CustodyFacts facts, params (CustodyStep Step, StepInput? Input)[] steps) =>
        steps.Aggregate(facts, (f, s) => CustodyLoop.After(f, s.Step, s.Input));

    private static CustodyFacts InStorage => Run(New, (CustodyStep.PickUp, null), (CustodyStep.Arrive, null));

    private static CustodyFacts Cremated => Run(InStorage, (CustodyStep.SignConsent, ValidConsent), (CustodyStep.Cremate, null));

    [Fact]
    public void PickUp_OfACertificateNotInForce_IsRefused()
    {
        Assert.Equal([CustodyRefusal.CertificateNotActive], CustodyLoop.Refusals(New with { CertificateActive = false }, CustodyStep.PickUp));
        Assert.Equal(CustodyState.PickedUp, CustodyLoop.After(New, CustodyStep.PickUp).State);
    }

    [Fact]
    public void PickUp_OfARecordThatExists_IsRefused() =>
        Assert.Equal([CustodyRefusal.WrongState], CustodyLoop.Refusals(InStorage, CustodyStep.PickUp));

    [Fact]
    public void Cremation_ListsEveryMissingItemAtOnce()
    {
        var pickedUp = Run(New, (CustodyStep.PickUp, null)) with { CertificateActive = false };
        Assert.Equal([CustodyRefusal.WrongState, CustodyRefusal.CertificateNotActive, CustodyRefusal.ConsentMissing],
            CustodyLoop.Refusals(pickedUp, CustodyStep.Cremate));
    }

    [Fact]
    public void Cremation_WithTheDeceasedsOwnIdOnTheConsent_IsInconsistent()
    {
        var facts = InStorage with { Consent = new ConsentFacts(Deceased, DeathAt.AddHours(1)) };
        Assert.Equal([CustodyRefusal.ConsentInconsistent], CustodyLoop.Refusals(facts, CustodyStep.Cremate));
    }

    [Fact]
    public void Cremation_WithAConsentSignedBeforeTheDeath_IsInconsistent()
    {
        var facts = InStorage with { Consent = new ConsentFacts(InCharge, DeathAt.AddMinutes(-1)) };
        Assert.Equal([CustodyRefusal.ConsentInconsistent], CustodyLoop.Refusals(facts, CustodyStep.Cremate));
    }

    [Fact]
    public void Cremation_WithAnInvalidIdOnTheConsent_IsRefused()
    {
        var facts = InStorage with { Consent = new ConsentFacts(InCharge[..17] + (InCharge[17] == '0' ? '1' : '0'), DeathAt.AddHours(1)) };
        Assert.Equal([CustodyRefusal.ConsentIdInvalid], CustodyLoop.Refusals(facts, CustodyStep.Cremate));
    }

    [Fact]
    public void Cremation_WithEverything_MovesToCremated_AndNotTwice()
    {
        Assert.Equal(CustodyState.Cremated, Cremated.State);
        Assert.Contains(CustodyRefusal.AlreadyCremated, CustodyLoop.Refusals(Cremated, CustodyStep.Cremate));
        Assert.Contains(CustodyRefusal.AlreadyCremated, CustodyLoop.Refusals(Cremated, CustodyStep.SignConsent, ValidConsent));
    }

    [Fact]
    public void AFrozenRecord_RefusesEveryStepButAnExtension()
    {
        var frozen = CustodyLoop.After(InStorage with { Consent = ValidConsent.Consent }, CustodyStep.Freeze);
        Assert.Equal([CustodyRefusal.Frozen], CustodyLoop.Refusals(frozen, CustodyStep.Cremate));
        Assert.Empty(CustodyLoop.Refusals(frozen, CustodyStep.ExtendStorage));
        Assert.Contains(CustodyRefusal.Frozen, CustodyLoop.Refusals(frozen, CustodyStep.SignConsent, ValidConsent));
    }

    [Fact]
    public void TheCremationCertificate_IsIssuedOnce_CollectedOnce_AndReissuedOnceToTheFirstCollector()
    {
        Assert.Contains(CustodyRefusal.WrongState, CustodyLoop.Refusals(InStorage, CustodyStep.IssueCremationCertificate));
        var issued = CustodyLoop.After(Cremated, CustodyStep.IssueCremationCertificate);
        Assert.Equal([CustodyRefusal.CremationCertificateAlreadyIssued], CustodyLoop.Refusals(issued, CustodyStep.IssueCremationCertificate));
        Assert.Equal([CustodyRefusal.CremationCertificateNotCollected],
            CustodyLoop.Refusals(issued, CustodyStep.ReissueCremationCertificate, new StepInput(CollectorIdNumber: InCharge)));

        var collected = CustodyLoop.After(issued, CustodyStep.CollectCremationCertificate, new StepInput(CollectorIdNumber: InCharge.ToLowerInvariant()));
        Assert.Equal([CustodyRefusal.CremationCertificateAlreadyCollected],
            CustodyLoop.Refusals(collected, CustodyStep.CollectCremationCertificate, new StepInput(CollectorIdNumber: InCharge)));
        Assert.Equal([CustodyRefusal.ReissueToAnotherPerson],
            CustodyLoop.Refusals(collected, CustodyStep.ReissueCremationCertificate, new StepInput(CollectorIdNumber: Deceased)));

        var reissued = CustodyLoop.After(collected, CustodyStep.ReissueCremationCertificate, new StepInput(CollectorIdNumber: InCharge));
        Assert.Equal([CustodyRefusal.CremationCertificateAlreadyReissued],
            CustodyLoop.Refusals(reissued, CustodyStep.ReissueCremationCertificate, new StepInput(CollectorIdNumber: InCharge)));
    }

    [Fact]
    public void AshesTakenHome_NeedTheUndertaking()
    {
        Assert.Equal([CustodyRefusal.UndertakingMissing],
            CustodyLoop.Refusals(Cremated, CustodyStep.RecordAshesAgreement, new StepInput(Destination: AshesDestination.TakenHome)));
        var agreed = CustodyLoop.After(Cremated, CustodyStep.RecordAshesAgreement, new StepInput(Destination: AshesDestination.TakenHome, Undertaking: true));
        Assert.Equal(CustodyState.AshesReleased, CustodyLoop.After(agreed, CustodyStep.ReleaseAshes).State);
    }

    [Fact]
    public void AshesStoredAtTheFuneralHome_LeaveOnlyWithANewAgreement()
    {
        var stored = CustodyLoop.After(Cremated, CustodyStep.RecordAshesAgreement, new StepInput(Destination: AshesDestination.FuneralHomeStorage));
        Assert.Equal(CustodyState.AshesStored, stored.State);
        Assert.Equal([CustodyRefusal.AgreementMissing], CustodyLoop.Refusals(stored, CustodyStep.ReleaseAshes));
        Assert.Equal([CustodyRefusal.WrongState], CustodyLoop.Refusals(stored, CustodyStep.Place));

        var unclaimed = CustodyLoop.After(stored, CustodyStep.MarkUnclaimed);
        Assert.Equal(CustodyState.Unclaimed, unclaimed.State);
        Assert.Equal([CustodyRefusal.WrongState], CustodyLoop.Refusals(unclaimed, CustodyStep.MarkUnclaimed));
        // A family who comes later claims them with an agreement, and they leave like any others.
        var claimed = CustodyLoop.After(unclaimed, CustodyStep.RecordAshesAgreement, new StepInput(Destination: AshesDestination.CemeteryPlot));
        Assert.Equal(CustodyState.AshesReleased, CustodyLoop.After(claimed, CustodyStep.ReleaseAshes).State);

        var plot = CustodyLoop.After(stored, CustodyStep.RecordAshesAgreement, new StepInput(Destination: AshesDestination.CemeteryPlot));
        Assert.Equal(CustodyState.AshesStored, plot.State);
        Assert.Equal(CustodyState.AshesReleased, CustodyLoop.After(plot, CustodyStep.ReleaseAshes).State);
    }

    [Fact]
    public void Placement_FollowsOnlyARelease_AndHappensOnce()
    {
        Assert.Equal([CustodyRefusal.WrongState], CustodyLoop.Refusals(Cremated, CustodyStep.Place));
        var released = Run(Cremated, (CustodyStep.RecordAshesAgreement, new StepInput(Destination: AshesDestination.CemeteryPlot)), (CustodyStep.ReleaseAshes, null));
        var placed = CustodyLoop.After(released, CustodyStep.Place);
        Assert.Equal(CustodyState.Placed, placed.State);
        Assert.Equal([CustodyRefusal.AlreadyPlaced], CustodyLoop.Refusals(placed, CustodyStep.Place));
        Assert.Contains(CustodyRefusal.AlreadyPlaced, CustodyLoop.Refusals(placed, CustodyStep.Freeze));
    }

    [Fact]
    public void After_ARefusedStep_Throws() =>
        Assert.Throws<InvalidOperationException>(() => CustodyLoop.After(New, CustodyStep.Cremate));

    [Fact]
    public void TheDocumentChecklist_FollowsTheFacts()
    {
        var released = Run(Cremated, (CustodyStep.IssueCremationCertificate, null),
            (CustodyStep.RecordAshesAgreement, new StepInput(Destination: AshesDestination.TakenHome, Undertaking: true)));
        Assert.All(CustodyDocuments.DefaultSet.Where(d => d != CustodyDocument.TownshipNotice), d => Assert.True(CustodyDocuments.Done(d, released), d.ToString()));
        Assert.False(CustodyDocuments.Applies(CustodyDocument.AshesUndertaking, Cremated, placementOverdue: false));
        Assert.True(CustodyDocuments.Applies(CustodyDocument.AshesUndertaking, released, placementOverdue: false));
        Assert.False(CustodyDocuments.Applies(CustodyDocument.TownshipNotice, released, placementOverdue: false));
        Assert.True(CustodyDocuments.Applies(CustodyDocument.TownshipNotice, released, placementOverdue: true));
    }
}
