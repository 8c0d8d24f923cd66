using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>
/// Custody records for tests that start in the middle of the loop: a real certificate (issued through the API) and
/// a record at the asked state with the rows the earlier steps leave (consent, agreement, burial) and their timeline.
/// No 火化证明 row: tests of the certificate issue it through the API.
/// </summary>
public static class CustodySeed
{
    public sealed record Seeded(Guid CustodyId, string CertificateNumber, Guid CertificateId, Guid FuneralHomeId);

    /// <summary>The person in charge the seeded consents name.</summary>
    public static readonly People.Person PersonInCharge = People.Next("2");

    public static async Task<Seeded> RecordAtAsync(this HereafterFactory factory, CustodyState state,
        AshesDestination destination = AshesDestination.CemeteryPlot, string funeralHomeCode = "gy-funeral-home", DateTimeOffset? at = null)
    {
        var number = await factory.IssueAsync();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var standing = await scope.ServiceProvider.GetRequiredService<ICertificateStandings>().ByNumberAsync(number, CancellationToken.None)
                       ?? throw new InvalidOperationException($"Certificate {number} not found.");
        var home = await db.Set<Organisation>().FirstAsync(o => o.Code == funeralHomeCode);
        var now = at ?? DateTimeOffset.UtcNow;
        var order = new[] { CustodyState.PickedUp, CustodyState.InStorage, CustodyState.Cremated, CustodyState.AshesReleased, CustodyState.Placed };
        bool Reached(CustodyState s) => state switch
        {
            CustodyState.AshesStored or CustodyState.Unclaimed => Array.IndexOf(order, s) <= Array.IndexOf(order, CustodyState.Cremated),
            _ => Array.IndexOf(order, s) <= Array.IndexOf(order, state),
        };
        var record = new CustodyRecord
        {
            Id = Guid.NewGuid(), CertificateId = standing.CertificateId, CertificateNumber = standing.Number,
            PersonKey = standing.IdNumber ?? standing.CertificateId.ToString("N"),
            OpenPersonKey = state == CustodyState.Placed ? null : standing.IdNumber ?? standing.CertificateId.ToString("N"),
            DecedentName = standing.DecedentName, Sex = standing.Sex, DecedentIdNumber = standing.IdNumber, DeathAt = standing.DeathAt,
            HouseholdAddress = standing.HouseholdAddress, FuneralHomeId = home.Id, State = state,
            PickedUpAt = now.AddDays(-1), FromAddress = "贵阳市第一人民医院", CreatedAt = now, UpdatedAt = now,
        };
        var steps = new List<(CustodyStep Step, DateTimeOffset At)> { (CustodyStep.PickUp, record.PickedUpAt) };
        if (Reached(CustodyState.InStorage))
        {
            record.ArrivedAt = now.AddHours(-20);
            record.StorageUntil = record.ArrivedAt.Value.AddDays(3);
            steps.Add((CustodyStep.Arrive, record.ArrivedAt.Value));
        }
        if (Reached(CustodyState.Cremated))
        {
            db.Add(new CremationConsent
            {
                CustodyId = record.Id, Name = PersonInCharge.Name, IdNumber = PersonInCharge.IdNumber, Relationship = "child",
                Phone = "13800000000", SignedAt = now.AddHours(-10), Channel = "counter", RecordedBy = "测试", RecordedAt = now.AddHours(-10),
            });
            record.CrematedAt = now.AddHours(-5);
            record.Furnace = "1";
            steps.Add((CustodyStep.SignConsent, now.AddHours(-10)));
            steps.Add((CustodyStep.Cremate, record.CrematedAt.Value));
        }
        if (state is CustodyState.AshesReleased or CustodyState.AshesStored or CustodyState.Unclaimed or CustodyState.Placed)
        {
            var stored = state is CustodyState.AshesStored or CustodyState.Unclaimed;
            db.Add(new AshesAgreement
            {
                CustodyId = record.Id, Destination = stored ? AshesDestination.FuneralHomeStorage : destination,
                Undertaking = destination == AshesDestination.TakenHome && !stored ? "本人承诺如实申报骨灰去向。" : null,
                RecordedBy = "测试", RecordedAt = now.AddHours(-4),
            });
            steps.Add((CustodyStep.RecordAshesAgreement, now.AddHours(-4)));
            if (stored) record.AshesStoredAt = now.AddHours(-4);
            if (state == CustodyState.Unclaimed) record.UnclaimedAt = now;
        }
        if (Reached(CustodyState.AshesReleased) && state is not (CustodyState.AshesStored or CustodyState.Unclaimed))
        {
            record.AshesReleasedAt = now.AddHours(-3);
            record.AshesReleasedTo = PersonInCharge.Name;
            steps.Add((CustodyStep.ReleaseAshes, record.AshesReleasedAt.Value));
        }
        if (state == CustodyState.Placed)
        {
            var cemetery = await db.Set<Organisation>().FirstAsync(o => o.Code == "jingyunshan-cemetery");
            record.PlacedAt = now.AddHours(-1);
            record.PlacementInstitutionId = cemetery.Id;
            record.PlotOrNiche = "A区-01-001";
            db.Add(new Burial
            {
                Id = Guid.NewGuid(), CustodyId = record.Id, InstitutionId = cemetery.Id, PlotOrNiche = record.PlotOrNiche,
                BuriedAt = record.PlacedAt.Value, DocumentKind = "death-certificate", DocumentNumber = standing.Number, RecordedBy = "测试", RecordedAt = now,
            });
            steps.Add((CustodyStep.Place, record.PlacedAt.Value));
        }
        db.Add(record);
        foreach (var (step, stepAt) in steps)
            db.Add(new CustodyStepEntry
            {
                CustodyId = record.Id, Step = step, At = stepAt, RecordedAt = stepAt, ActorName = "测试", OrganisationId = home.Id, OrganisationName = home.Name,
            });
        await db.SaveChangesAsync();
        return new Seeded(record.Id, standing.Number, standing.CertificateId, home.Id);
    }
}
