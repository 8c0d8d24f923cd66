using Hereafter.Domain.Messages;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing.Features.ReportFigures;

/// <summary>
/// One funeral behind the funeral figures: the death case (an id, no personal data: bills carry none), the China month
/// it counts in (its first service date in the period), its bills in the period and their sum.
/// </summary>
public sealed record FuneralCostRow(Guid CaseId, string Month, DateOnly FirstServiceDate, IReadOnlyList<string> BillNumbers, IReadOnlyList<string> Institutions, decimal Total);

/// <summary>An institution that must publish a price list, and whether it has one in force at the end of the period.</summary>
/// <param name="Type">Its organisation type code (funeral-home, cemetery, columbarium, service-shop).</param>
public sealed record DisclosureRow(Guid InstitutionId, string Name, string Type, string RegionCode, string District, bool Published);

/// <summary>
/// The lists behind the funeral price figures, for the bureau, with the dashboard's filter. None shows a person (bills
/// name the case by its id only); each read is audited as the module's other lists are.
/// </summary>
public sealed class FuneralPriceLists(HereafterDbContext db, FuneralPriceFiguresReader figures, DistrictDirectory districts, AuditLog audit, TimeProvider clock)
{
    /// <summary>Parses <c>from</c>, <c>to</c> and <c>district</c> as the dashboard does: 400 for a bad month or period, or an unknown district.</summary>
    public async Task<FigureFilter> FilterAsync(string? from, string? to, string? district, CancellationToken ct)
    {
        var filter = FigureFilter.Parse(from, to, district, clock);
        await districts.OfAsync(filter, ct);
        return filter;
    }

    /// <summary>The funerals counted by <see cref="FuneralPriceFigures.Funerals"/>, costliest first.</summary>
    public async Task<IReadOnlyList<FuneralCostRow>> FuneralsAsync(Actor actor, FigureFilter filter, CancellationToken ct)
    {
        Require(actor);
        var bills = await (from b in figures.Bills(filter)
                           join o in db.Set<Organisation>() on b.InstitutionId equals o.Id
                           select new { b.CaseId, b.Number, b.ServiceDate, b.Total, o.Name }).ToListAsync(ct);
        var rows = bills.GroupBy(b => b.CaseId).Select(g =>
            {
                var first = g.Min(b => b.ServiceDate);
                return new FuneralCostRow(g.Key, FuneralStatistics.Month(first), first,
                    [.. g.OrderBy(b => b.ServiceDate).ThenBy(b => b.Number, StringComparer.Ordinal).Select(b => b.Number)],
                    [.. g.Select(b => b.Name).Distinct().Order(StringComparer.Ordinal)], g.Sum(b => b.Total));
            })
            .OrderByDescending(r => r.Total).ThenBy(r => r.FirstServiceDate).ThenBy(r => r.CaseId).ToList();
        await audit.RecordAsync(actor, "bill.list", "bills", "supervision", $"{filter.Query}: {rows.Count} funerals", ct);
        return rows;
    }

    /// <summary>The institutions counted by <see cref="FuneralPriceFigures.Institutions"/>: without a list first, then by name.</summary>
    /// <param name="published">Only those with (true) or without (false) a published list in force at the end of the period.</param>
    public async Task<IReadOnlyList<DisclosureRow>> InstitutionsAsync(Actor actor, FigureFilter filter, bool? published, CancellationToken ct)
    {
        Require(actor);
        var all = figures.Institutions(filter.District);
        var withList = figures.Published(all, filter.LastDate).Select(o => o.Id);
        var rows = await all.Select(o => new { o.Id, o.Name, o.Type, o.RegionCode, o.District, Published = withList.Contains(o.Id) }).ToListAsync(ct);
        var list = rows.Where(r => published is null || r.Published == published)
            .Select(r => new DisclosureRow(r.Id, r.Name, EnumCodes<OrganisationType>.Code(r.Type), r.RegionCode, r.District, r.Published))
            .OrderBy(r => r.Published).ThenBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.InstitutionId).ToList();
        await audit.RecordAsync(actor, "pricing.disclosure", "price-lists", "supervision", $"{filter.Query}: {list.Count} institutions", ct);
        return list;
    }

    private static void Require(Actor actor)
    {
        if (!PricingAccess.Supervises(actor)) throw ProblemException.Forbidden(new Message("pricing.statistics.forbidden"));
    }
}
