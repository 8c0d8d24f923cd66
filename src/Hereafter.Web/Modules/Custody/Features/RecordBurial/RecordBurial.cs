using Hereafter.Domain.Custody;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.RecordBurial;

/// <summary>Give exactly one of the two numbers.</summary>
public sealed record BurialRequest(string? CertificateNumber, string? CremationCertificateNumber, string? PlotOrNiche, DateTimeOffset? BuriedAt);

public sealed record BurialRecorded(Guid Id, Guid CustodyId, string State);

/// <summary>
/// 安葬（安放）: a cemetery or columbarium records the burial against an active death certificate or 火化证明. It closes
/// the loop: the record becomes <c>placed</c> (its open-person key cleared, so the person may have a new record only
/// if ever needed), the 火化证明 is written off, and <c>custody.placed</c> goes out. One burial per record: the
/// record's version and the unique burial index make 20 concurrent tries end in one 201.
/// </summary>
public sealed class RecordBurialHandler(HereafterDbContext db, CustodyRecords records, PlacementDocuments documents, AuditLog audit, TimeProvider clock)
{
    public async Task<BurialRecorded> HandleAsync(Actor actor, BurialRequest request, CancellationToken ct)
    {
        if (!CustodyAccess.IsPlacementInstitution(actor)) throw ProblemException.Forbidden(new Message("custody.placement.institution-only"));
        var errors = new FieldErrors();
        var (certificate, cremation) = PlacementDocuments.Numbers(request.CertificateNumber, request.CremationCertificateNumber, errors);
        var plot = PlacementDocuments.Plot(request.PlotOrNiche, errors);
        var now = clock.GetUtcNow();
        PlacementDocuments.When(request.BuriedAt, "buriedAt", "custody.placement.buried-at-required", now, errors);
        errors.ThrowIfAny();

        var document = await documents.RequireActiveAsync(certificate, cremation, ct);
        var record = document.CustodyId is { } custodyId ? await db.Set<CustodyRecord>().FirstOrDefaultAsync(r => r.Id == custodyId, ct) : null;
        if (record is null) throw ProblemException.Conflict(new Message("custody.placement.no-record"));
        CustodyRecords.Require(await records.FactsAsync(record, document.CertificateActive, ct), CustodyStep.Place);

        var at = request.BuriedAt!.Value.ToUniversalTime();
        record.State = CustodyState.Placed;
        record.PlacedAt = at;
        record.PlacementInstitutionId = actor.OrganisationId;
        record.PlotOrNiche = plot;
        record.OpenPersonKey = null;
        var burial = new Burial
        {
            Id = Guid.NewGuid(), CustodyId = record.Id, InstitutionId = actor.OrganisationId, PlotOrNiche = plot!, BuriedAt = at,
            DocumentKind = document.Kind, DocumentNumber = document.Number, RecordedBy = actor.Name, RecordedAt = now,
        };
        db.Add(burial);
        if (document.CremationCertificate is { } written) written.WrittenOffAt = now;
        var shown = document.Kind == PlacementDocuments.DeathCertificate ? "死亡医学证明" : $"火化证明 {document.Number}";
        records.AddStep(record, actor, CustodyStep.Place, at, plot, shown);
        records.Publish(CustodyEventTypes.Placed, record, at, actor.OrganisationId, actor.OrganisationName, plot);
        await records.SaveAsync(record, ct);
        await audit.RecordAsync(actor, "custody.burial", $"custody:{record.Id}", "custody", $"{document.Kind} at {plot}", ct);
        return new BurialRecorded(burial.Id, record.Id, record.State.ToCode());
    }
}
