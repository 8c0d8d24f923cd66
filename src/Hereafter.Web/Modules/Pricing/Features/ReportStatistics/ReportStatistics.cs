using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using System.Globalization;
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

namespace Hereafter.Web.Modules.Pricing.Features.ReportStatistics;

/// <summary>
/// What funerals really cost, for the bureau: average and median bill per funeral (a funeral = a death case,
/// its cost the sum of its bills), the basic vs non-basic share, by institution and by service month, against
/// the configurable baseline. Months are yyyy-MM, inclusive; the last 12 months by default.
/// </summary>
public sealed class ReportStatisticsHandler(HereafterDbContext db, FuneralPriceFiguresReader reader, FuneralPriceLists lists, AuditLog audit, TimeProvider clock)
{
    public async Task<StatisticsDto> HandleAsync(Actor actor, StatisticsQuery query, CancellationToken ct)
    {
        if (!PricingAccess.Supervises(actor))
            throw ProblemException.Forbidden(new Message("pricing.statistics.forbidden"));
        DateOnly from, to;
        IQueryable<Bill> bills;
        FigureFilter? filter = null;
        if (!string.IsNullOrWhiteSpace(query.District))
        {
            // The dashboard's filter: its months (defaults, limits, errors) and the district of the institution that billed.
            filter = await lists.FilterAsync(query.From, query.To, query.District, ct);
            (from, to) = (filter.FirstDate, new DateOnly(filter.To.Year, filter.To.Month, 1));
            bills = reader.Bills(filter);
        }
        else
        {
            var today = ChinaTime.Today(clock);
            var errors = new FieldErrors();
            to = ParseMonth(query.To, "to", new DateOnly(today.Year, today.Month, 1), errors);
            from = ParseMonth(query.From, "from", to.AddMonths(-11), errors);
            if (errors.Count == 0 && from > to) errors.Add("from", new Message("pricing.statistics.from-after-to"));
            if (errors.Count == 0 && from < to.AddMonths(-119)) errors.Add("from", new Message("pricing.statistics.too-many-months").With("max", 120));
            errors.ThrowIfAny();
            var end = to.AddMonths(1);
            bills = db.Set<Bill>().AsNoTracking().Where(b => b.ServiceDate >= from && b.ServiceDate < end);
        }
        if (query.InstitutionId is { } only) bills = bills.Where(b => b.InstitutionId == only);
        var rows = await bills.Select(b => new { b.Id, b.CaseId, b.InstitutionId, b.ServiceDate, b.Total, b.Subsidy, b.Payable }).ToListAsync(ct);
        var ids = rows.Select(b => b.Id).ToList();
        var amounts = new Dictionary<Guid, Dictionary<PriceCategory, decimal>>();
        // Lines come in chunks: an IN list of a few thousand ids stays well inside both providers' limits.
        foreach (var chunk in ids.Chunk(2000))
        {
            var lines = await db.Set<BillLine>().AsNoTracking().Where(l => chunk.Contains(l.BillId))
                .Select(l => new { l.BillId, l.Category, l.Amount }).ToListAsync(ct);
            foreach (var l in lines)
            {
                var byCategory = amounts.TryGetValue(l.BillId, out var d) ? d : amounts[l.BillId] = new Dictionary<PriceCategory, decimal>();
                byCategory[l.Category] = byCategory.GetValueOrDefault(l.Category) + l.Amount;
            }
        }
        var figures = rows.Select(b => new BillFigures(b.CaseId, b.InstitutionId, b.ServiceDate, b.Total, b.Subsidy, b.Payable,
            amounts.TryGetValue(b.Id, out var a) ? a : new Dictionary<PriceCategory, decimal>())).ToList();

        var settings = await PricingSettingsStore.ReadAsync(db, ct);
        var baseline = settings.BaselineAveragePerFuneral;
        var orgIds = figures.Select(f => f.InstitutionId).Distinct().ToList();
        var names = await db.Set<Organisation>().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);

        var byInstitution = figures.GroupBy(f => f.InstitutionId)
            .Select(g => Row(g.Key.ToString(), names.GetValueOrDefault(g.Key, ""), g.ToList(), baseline))
            .OrderBy(r => r.Label, StringComparer.Ordinal).ToList();
        // A funeral belongs to the month of its first service date.
        var funeralMonth = figures.GroupBy(f => f.CaseId).ToDictionary(g => g.Key, g => FuneralStatistics.Month(g.Min(f => f.ServiceDate)));
        var byMonth = new List<StatisticsRow>();
        for (var m = from; m <= to; m = m.AddMonths(1))
        {
            var key = FuneralStatistics.Month(m);
            byMonth.Add(Row(key, key, figures.Where(f => funeralMonth[f.CaseId] == key).ToList(), baseline));
        }
        var overall = Row("all", "全部", figures, baseline);
        await audit.RecordAsync(actor, "pricing.statistics", "bills", "supervision",
            $"{FuneralStatistics.Month(from)}..{FuneralStatistics.Month(to)}{(filter?.District is { } code ? " district " + code : "")}: {overall.Funerals} funerals", ct);
        return new StatisticsDto(FuneralStatistics.Month(from), FuneralStatistics.Month(to), query.InstitutionId, baseline, settings.BaselineLabel,
            overall, byInstitution, byMonth, filter?.District);
    }

    private static StatisticsRow Row(string key, string label, IReadOnlyCollection<BillFigures> bills, decimal baseline)
    {
        var f = FuneralStatistics.Compute(bills, baseline);
        return new StatisticsRow(key, label, f.Funerals, f.Bills, f.Total, f.AveragePerFuneral, f.MedianPerFuneral, f.AveragePayablePerFuneral,
            f.Subsidy, f.BasicShare, f.NonBasicShare, f.GoodsShare, f.PlotShare, f.ChangeVsBaselinePercent);
    }

    private static DateOnly ParseMonth(string? text, string field, DateOnly fallback, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)) return month;
        errors.Add(field, new Message("pricing.statistics.month-invalid-format"));
        return fallback;
    }
}
