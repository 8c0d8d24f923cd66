using CsCheck;
using Hereafter.Domain.Custody;
using static Hereafter.Domain.Tests.Custody.CustodyLoopTests;

namespace Hereafter.Domain.Tests.Custody;

/// <summary>
/// Random command sequences against the loop: whatever is tried, in whatever order, with whatever documents, no path
/// reaches placed without an active certificate at pickup, a valid 确认书 at cremation, a cremation and a placement; no
/// step that happens once happens twice; and a step is refused exactly when <see cref="CustodyLoop.After"/> throws.
/// </summary>
public class CustodyLoopPropertyTests
{
    private sealed record Command(CustodyStep Step, StepInput? Input, bool CertificateRevokedBefore);

    private static readonly string[] Ids = [InCharge, Deceased, Id("11010119800101001"), InCharge[..17] + "Z", "", "不是号码"];

    private static readonly Gen<ConsentFacts> Consent =
        Gen.Select(Gen.Int[0, Ids.Length - 1], Gen.Int[-48, 48]).Select((i, hours) => new ConsentFacts(Ids[i], DeathAt.AddHours(hours)));

    private static readonly AshesDestination[] Destinations = Enum.GetValues<AshesDestination>();

    // -1 stands for "not given" in each part; a quarter of the steps carry no input at all.
    private static readonly Gen<StepInput?> Input =
        Gen.Select(Gen.Int[0, 3], Consent, Gen.Int[-1, 1], Gen.Int[-1, Ids.Length - 1], Gen.Int[-1, Destinations.Length - 1], Gen.Bool)
            .Select((none, consent, withConsent, collector, destination, undertaking) => none == 0 ? null : new StepInput(
                withConsent < 0 ? null : consent, collector < 0 ? null : Ids[collector], destination < 0 ? null : Destinations[destination], undertaking));

    private static readonly Gen<Command> Commands =
        Gen.Select(Gen.Enum<CustodyStep>(), Input, Gen.Int[0, 19]).Select((step, input, r) => new Command(step, input, r == 0));

    private static readonly Gen<(bool Active, Command[] Commands)> Runs = Gen.Select(Gen.Int[0, 9], Commands.Array[1, 40])
        .Select((a, commands) => (a != 0, commands));

    [Fact]
    public void NoPathReachesPlaced_WithoutEveryDocumentAndRecord() =>
        Runs.Sample(run =>
        {
            var facts = new CustodyFacts { CertificateActive = run.Active, DecedentIdNumber = Deceased, DeathAt = DeathAt };
            var done = new List<CustodyStep>();
            var pickedUpActive = false;
            var consentValidAtCremation = false;
            foreach (var command in run.Commands)
            {
                if (command.CertificateRevokedBefore && facts.State is not null && facts.State != CustodyState.Placed && !facts.Frozen)
                {
                    facts = CustodyLoop.After(facts, CustodyStep.Freeze);
                    done.Add(CustodyStep.Freeze);
                }
                var refusals = CustodyLoop.Refusals(facts, command.Step, command.Input);
                if (refusals.Count > 0)
                {
                    Assert.Throws<InvalidOperationException>(() => CustodyLoop.After(facts, command.Step, command.Input));
                    continue;
                }
                if (command.Step == CustodyStep.PickUp) pickedUpActive = facts.CertificateActive;
                if (command.Step == CustodyStep.Cremate)
                    consentValidAtCremation = facts.Consent is { } c && CustodyLoop.ConsentProblems(facts, c).Count == 0 && !facts.Frozen;
                facts = CustodyLoop.After(facts, command.Step, command.Input);
                done.Add(command.Step);
            }

            foreach (var once in new[] { CustodyStep.PickUp, CustodyStep.Arrive, CustodyStep.Cremate, CustodyStep.IssueCremationCertificate,
                         CustodyStep.CollectCremationCertificate, CustodyStep.ReissueCremationCertificate, CustodyStep.Place, CustodyStep.MarkUnclaimed })
                Assert.True(done.Count(s => s == once) <= 1, $"{once} happened {done.Count(s => s == once)} times: {string.Join(", ", done)}");
            if (facts.State == CustodyState.Placed)
            {
                Assert.True(pickedUpActive, "placed without an active certificate at pickup");
                Assert.True(consentValidAtCremation, "placed without a valid consent at cremation");
                Assert.True(facts.Cremated && facts.PlacementRecorded);
                Assert.True(done.IndexOf(CustodyStep.PickUp) < done.IndexOf(CustodyStep.Cremate));
                Assert.True(done.IndexOf(CustodyStep.Cremate) < done.IndexOf(CustodyStep.Place));
                Assert.Contains(CustodyStep.ReleaseAshes, done);
            }
            if (facts.Cremated) Assert.True(done.IndexOf(CustodyStep.Cremate) < 0 || !done.Take(done.IndexOf(CustodyStep.Cremate)).Contains(CustodyStep.Freeze),
                "cremated after the certificate was revoked");
        }, iter: 20_000);

    [Fact]
    public void EveryState_IsReachable_AndNotPlacedWithoutTheWholeLoop()
    {
        // Exhaustive, not random: every step with a small set of inputs, breadth first from a new record.
        StepInput?[] inputs =
        [
            null, new StepInput(Consent: new ConsentFacts(InCharge, DeathAt.AddHours(1))), new StepInput(CollectorIdNumber: InCharge),
            .. Destinations.SelectMany(d => new StepInput?[] { new StepInput(Destination: d), new StepInput(Destination: d, Undertaking: true) }),
        ];
        var start = new CustodyFacts { CertificateActive = true, DecedentIdNumber = Deceased, DeathAt = DeathAt };
        var seen = new HashSet<CustodyFacts> { start };
        var frontier = new Queue<CustodyFacts>([start]);
        while (frontier.Count > 0)
        {
            var facts = frontier.Dequeue();
            foreach (var step in Enum.GetValues<CustodyStep>())
                foreach (var input in inputs)
                {
                    if (CustodyLoop.Refusals(facts, step, input).Count > 0) continue;
                    var next = CustodyLoop.After(facts, step, input);
                    if (next.State == CustodyState.Placed)
                        Assert.True(next.Cremated && next.Consent is not null && next.PlacementRecorded && !next.Frozen);
                    if (seen.Add(next)) frontier.Enqueue(next);
                }
        }
        Assert.Equal(Enum.GetValues<CustodyState>().ToHashSet(), seen.Where(f => f.State is not null).Select(f => f.State!.Value).ToHashSet());
    }
}
