using Hereafter.Domain.Pricing;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing.Features.ReportFigures;

/// <summary>Which price warnings a warnings figure counts.</summary>
public enum WarningFigure
{
    /// <summary>Raised in the period.</summary>
    Raised,
    /// <summary>Closed in the period.</summary>
    Closed,
    /// <summary>Raised before the end of the period and not closed by then.</summary>
    OpenAtEnd,
}

/// <summary>
/// Reads <see cref="FuneralPriceFigures"/>, and holds the queries that say which rows each figure counts, so the
/// module's own lists (statistics, funerals, institutions, warnings) open exactly the rows behind a figure.
/// The disclosure rate is two counts in SQL; the period's bills are read (three columns each) and summed per case here,
/// and the average and median are computed by <see cref="FuneralStatistics.Costs"/>, as the module's statistics do,
/// since SQLite has no percentile function; warnings raised are counted per China month in SQL (<see cref="FigureMonths"/>).
/// </summary>
public sealed class FuneralPriceFiguresReader(HereafterDbContext db) : IFuneralPriceFigures
{
    public async Task<FuneralPriceFigures> ForAsync(FigureFilter filter, CancellationToken ct)
    {
        var institutions = await Institutions(filter.District).CountAsync(ct);
        var published = await Published(Institutions(filter.District), filter.LastDate).CountAsync(ct);

        var funerals = await FuneralsAsync(filter, ct);
        var settings = await PricingSettingsStore.ReadAsync(db, ct);
        var baseline = settings.BaselineAveragePerFuneral;
        var overall = FuneralStatistics.Costs([.. funerals.Select(f => f.Total)], baseline);

        var raised = await Warnings(filter, WarningFigure.Raised).CountPerMonthAsync(filter, w => w.RaisedAt, ct);
        var closed = await Warnings(filter, WarningFigure.Closed).CountAsync(ct);
        var open = await Warnings(filter, WarningFigure.OpenAtEnd).CountAsync(ct);

        var funeralsByMonth = funerals.ToLookup(f => YearMonth.Of(f.First), f => f.Total);
        var months = filter.Months.Select((m, i) =>
        {
            var month = FuneralStatistics.Costs([.. funeralsByMonth[m]], baseline);
            return new FuneralPriceMonthFigures(m.ToString(), month.Funerals, month.AveragePerFuneral, month.MedianPerFuneral, raised.GetValueOrDefault(i));
        }).ToList();

        return new FuneralPriceFigures(institutions, published,
            overall.Funerals, overall.AveragePerFuneral, overall.MedianPerFuneral, baseline, settings.BaselineLabel, overall.ChangeVsBaselinePercent,
            raised.Values.Sum(), closed, open, months);
    }

    /// <summary>
    /// One figure per funeral (a case billed in the period by an institution of the district): the sum of those bills'
    /// totals and the first of their service dates, which gives the funeral's month.
    /// </summary>
    private async Task<List<(DateOnly First, decimal Total)>> FuneralsAsync(FigureFilter filter, CancellationToken ct)
    {
        // The three columns of each bill, summed per case here as they stream in: SQLite keeps decimals as text, and
        // summing them in SQL calls back into .NET for every row, which costs more than reading them (a year of a city
        // is some 36,000 bills).
        var byCase = new Dictionary<Guid, (DateOnly First, decimal Total)>();
        await foreach (var b in Bills(filter).Select(b => new { b.CaseId, b.Total, b.ServiceDate }).AsAsyncEnumerable().WithCancellation(ct))
            byCase[b.CaseId] = byCase.TryGetValue(b.CaseId, out var f)
                ? (b.ServiceDate < f.First ? b.ServiceDate : f.First, f.Total + b.Total)
                : (b.ServiceDate, b.Total);
        return [.. byCase.Values];
    }


    /// <summary>The kinds of organisation that must publish a standardized price list (DOMAIN §6).</summary>
    public static bool MustPublish(OrganisationType type) =>
        type is OrganisationType.FuneralHome or OrganisationType.Cemetery or OrganisationType.Columbarium or OrganisationType.ServiceShop;

    /// <summary>Funeral homes, cemeteries, columbaria and service shops of the district (the whole city when null).</summary>
    public IQueryable<Organisation> Institutions(string? district) =>
        Organisations(district).Where(o => o.Type == OrganisationType.FuneralHome || o.Type == OrganisationType.Cemetery
            || o.Type == OrganisationType.Columbarium || o.Type == OrganisationType.ServiceShop);

    /// <summary>Those of <paramref name="institutions"/> whose list has at least one price in force on <paramref name="date"/>.</summary>
    public IQueryable<Organisation> Published(IQueryable<Organisation> institutions, DateOnly date) =>
        institutions.Where(o => db.Set<PriceItem>().Any(i => i.InstitutionId == o.Id
            && db.Set<PriceHistoryRow>().Any(h => h.ItemId == i.Id && h.EffectiveFrom <= date)));

    /// <summary>Bills whose service date lies in the period, issued by an institution of the district.</summary>
    public IQueryable<Bill> Bills(FigureFilter filter)
    {
        var (first, last) = (filter.FirstDate, filter.LastDate);
        return from b in db.Set<Bill>().AsNoTracking()
               join o in Organisations(filter.District) on b.InstitutionId equals o.Id
               where b.ServiceDate >= first && b.ServiceDate <= last
               select b;
    }

    /// <summary>The price warnings of the district's institutions that a warnings figure counts.</summary>
    public IQueryable<PriceWarning> Warnings(FigureFilter filter, WarningFigure figure)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var warnings = from w in db.Set<PriceWarning>().AsNoTracking()
                       join o in Organisations(filter.District) on w.InstitutionId equals o.Id
                       select w;
        return figure switch
        {
            WarningFigure.Raised => warnings.Where(w => w.RaisedAt >= start && w.RaisedAt < end),
            WarningFigure.Closed => warnings.Where(w => w.ClosedAt != null && w.ClosedAt >= start && w.ClosedAt < end),
            _ => warnings.Where(w => w.RaisedAt < end && (w.ClosedAt == null || w.ClosedAt >= end)),
        };
    }

    private IQueryable<Organisation> Organisations(string? district) =>
        db.Set<Organisation>().AsNoTracking().Where(o => district == null || o.RegionCode == district);
}
