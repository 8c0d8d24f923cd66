using Hereafter.Domain.Messages;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Modules.Pricing.Features.ReportFigures;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>Price warnings with their evidence: the bureau sees all, an institution's staff their own.</summary>
public sealed class PriceWarningQueries(HereafterDbContext db, FuneralPriceFiguresReader figures, AuditLog audit)
{
    /// <param name="status">open | closed | null for both.</param>
    public async Task<IReadOnlyList<PriceWarningDto>> ListAsync(Actor actor, string? status, Guid? institutionId, int take, CancellationToken ct)
    {
        var supervisor = await PricingAccess.RequireSupervisorOrInstitutionAsync(db, actor, new Message("pricing.warnings.forbidden"), ct);
        WarningStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
            wanted = EnumCodes<WarningStatus>.TryParse(status, out var parsed) ? parsed
                : throw new FieldValidationException("status", new Message("pricing.warnings.status-invalid"));
        var query = db.Set<PriceWarning>().AsNoTracking();
        if (!supervisor) query = query.Where(w => w.InstitutionId == actor.OrganisationId);
        if (institutionId is { } id) query = query.Where(w => w.InstitutionId == id);
        if (wanted is { } s) query = query.Where(w => w.Status == s);
        var ids = await query.OrderByDescending(w => w.RaisedAt).Take(Math.Clamp(take, 1, 1000)).Select(w => w.Id).ToListAsync(ct);
        await audit.RecordAsync(actor, "price-warning.list", "price-warnings", "price-regulation", $"{ids.Count} warnings", ct);
        return await ReadManyAsync(ids, ct);
    }

    /// <summary>
    /// The bureau's list behind a warnings figure of the funeral prices (<see cref="FuneralPriceFigures"/>): the warnings
    /// of the filter's district raised in its period, closed in it, or open at its end; newest first.
    /// </summary>
    public async Task<IReadOnlyList<PriceWarningDto>> ListForFigureAsync(Actor actor, FigureFilter filter, WarningFigure figure, int take, CancellationToken ct)
    {
        if (!PricingAccess.Supervises(actor)) throw ProblemException.Forbidden(new Message("pricing.warnings.forbidden"));
        var ids = await figures.Warnings(filter, figure).OrderByDescending(w => w.RaisedAt).Take(Math.Clamp(take, 1, 1000)).Select(w => w.Id).ToListAsync(ct);
        await audit.RecordAsync(actor, "price-warning.list", "price-warnings", "price-regulation", $"{filter.Query}&figure={FigureCode(figure)}: {ids.Count} warnings", ct);
        return await ReadManyAsync(ids, ct);
    }

    /// <summary>raised | closed | open-at-end, as the lists' <c>figure</c> parameter gives it.</summary>
    public static string FigureCode(WarningFigure figure) => figure switch
    {
        WarningFigure.Raised => "raised",
        WarningFigure.Closed => "closed",
        _ => "open-at-end",
    };

    /// <summary>Reads a <c>figure</c> parameter (raised when empty); 400 for anything else.</summary>
    public static WarningFigure ParseFigure(string? code) => string.IsNullOrWhiteSpace(code) ? WarningFigure.Raised : code.Trim() switch
    {
        "raised" => WarningFigure.Raised,
        "closed" => WarningFigure.Closed,
        "open-at-end" => WarningFigure.OpenAtEnd,
        _ => throw new FieldValidationException("figure", new Message("pricing.warnings.figure-invalid")),
    };

    public async Task<PriceWarningDto> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var dto = (await ReadManyAsync([id], ct)).FirstOrDefault() ?? throw ProblemException.NotFound(new Message("pricing.warning.not-found"));
        if (!PricingAccess.Supervises(actor) && !PricingAccess.IsStaffOf(actor, dto.InstitutionId))
            throw ProblemException.Forbidden(new Message("pricing.warning.other-institution"));
        return dto;
    }

    /// <summary>The warnings with these ids, in this order, without an access check.</summary>
    public async Task<IReadOnlyList<PriceWarningDto>> ReadManyAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var rows = await (from w in db.Set<PriceWarning>().AsNoTracking()
                          join i in db.Set<PriceItem>() on w.ItemId equals i.Id
                          join o in db.Set<Organisation>() on w.InstitutionId equals o.Id
                          where ids.Contains(w.Id)
                          select new { w, ItemName = i.Name, i.Category, o.Name }).ToListAsync(ct);
        var order = ids.Select((id, n) => (id, n)).ToDictionary(x => x.id, x => x.n);
        return rows.OrderBy(r => order[r.w.Id]).Select(r => new PriceWarningDto(
                r.w.Id, r.w.InstitutionId, r.Name, r.w.ItemId, r.ItemName, r.Category, r.w.Rule, r.w.Rule.ChineseName(),
                r.w.Evidence, r.w.Observed, r.w.Threshold, r.w.PriceAtWarning, r.w.Status, r.w.RaisedAt, r.w.PriceChangeId,
                r.w.ClosedAt, r.w.ClosedBy, r.w.CloseNote))
            .ToList();
    }
}
