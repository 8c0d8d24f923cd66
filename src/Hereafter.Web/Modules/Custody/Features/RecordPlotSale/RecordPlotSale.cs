using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Custody.Features.RecordPlotSale;

/// <summary>Give exactly one of the two numbers.</summary>
public sealed record PlotSaleRequest(string? CertificateNumber, string? CremationCertificateNumber, string? PlotOrNiche, DateTimeOffset? SoldAt);

public sealed record PlotSaleRecorded(Guid Id, string PlotOrNiche);

/// <summary>
/// 墓位（格位）销售: only against an active death certificate or a 火化证明 not yet written off, the rule that stops
/// plots being sold for illegal burial or speculation. A plot is sold once (409 for a second sale of it).
/// </summary>
public sealed class RecordPlotSaleHandler(HereafterDbContext db, PlacementDocuments documents, AuditLog audit, TimeProvider clock)
{
    public async Task<PlotSaleRecorded> HandleAsync(Actor actor, PlotSaleRequest request, CancellationToken ct)
    {
        if (!CustodyAccess.IsPlacementInstitution(actor)) throw ProblemException.Forbidden(new Message("custody.placement.institution-only"));
        var errors = new FieldErrors();
        var (certificate, cremation) = PlacementDocuments.Numbers(request.CertificateNumber, request.CremationCertificateNumber, errors);
        var plot = PlacementDocuments.Plot(request.PlotOrNiche, errors);
        var now = clock.GetUtcNow();
        PlacementDocuments.When(request.SoldAt, "soldAt", "custody.plot-sale.sold-at-required", now, errors);
        errors.ThrowIfAny();

        var document = await documents.RequireActiveAsync(certificate, cremation, ct);
        var sale = new PlotSale
        {
            Id = Guid.NewGuid(), InstitutionId = actor.OrganisationId, PlotOrNiche = plot!, SoldAt = request.SoldAt!.Value.ToUniversalTime(),
            CertificateId = document.CertificateId, CustodyId = document.CustodyId, DecedentName = document.DecedentName,
            DocumentKind = document.Kind, DocumentNumber = document.Number, RecordedBy = actor.Name, RecordedAt = now,
        };
        db.Add(sale);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateException e) when (UniqueViolation.Is(e))
        {
            throw ProblemException.Conflict(new Message("custody.plot-sale.plot-sold"));
        }
        await audit.RecordAsync(actor, "custody.plot-sale", $"plot-sale:{sale.Id}", "custody", $"{document.Kind} for {plot}", ct);
        return new PlotSaleRecorded(sale.Id, sale.PlotOrNiche);
    }
}
