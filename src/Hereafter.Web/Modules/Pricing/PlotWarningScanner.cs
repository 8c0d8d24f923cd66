using Hereafter.Domain.Time;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>
/// Evaluates every plot against the warning rules and opens the warnings that are not open yet. A plot is judged
/// on its newest approved price (a price approved for a later date is judged now, before it takes effect). A
/// warning the bureau closed is not raised again for the same price. Runs inside the caller's transaction; on
/// PostgreSQL an advisory lock keeps two nodes from scanning at once, and a unique index on the open key keeps
/// one open warning per plot and rule in any case.
/// </summary>
public sealed class PlotWarningScanner(HereafterDbContext db, TimeProvider clock)
{
    private const long ScanLockKey = 727101;

    public static string OpenKey(Guid itemId, WarningRule rule, Guid? changeId = null) =>
        changeId is null ? $"{itemId:N}:{rule.ToCode()}" : $"{itemId:N}:{rule.ToCode()}:{changeId:N}";

    /// <summary>Scans all plots; returns the warnings it opened.</summary>
    public async Task<IReadOnlyList<PriceWarning>> ScanAsync(CancellationToken ct)
    {
        if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ScanLockKey})", ct);
        var settings = await PricingSettingsStore.ReadAsync(db, ct);
        var thresholds = PricingSettingsStore.Thresholds(settings);
        var today = ChinaTime.Today(clock);
        var plots = await (from p in db.Set<Plot>().AsNoTracking()
                           join i in db.Set<PriceItem>() on p.ItemId equals i.Id
                           select new { p, i }).ToListAsync(ct);
        var ids = plots.Select(x => x.i.Id).ToList();
        var history = (await db.Set<PriceHistoryRow>().AsNoTracking().Where(h => ids.Contains(h.ItemId)).ToListAsync(ct))
            .ToLookup(h => h.ItemId, h => new PriceEntry(h.Price, h.EffectiveFrom));
        var judged = plots
            .Select(x => (x.p, x.i, Latest: history[x.i.Id].OrderByDescending(e => e.EffectiveFrom).FirstOrDefault()))
            .Where(x => x.Latest is not null)
            .Select(x => (x.p, x.i, Price: x.Latest!.Price, AsOf: x.Latest.EffectiveFrom > today ? x.Latest.EffectiveFrom : today))
            .ToList();
        var perM2ByType = judged.Where(x => x.p.AreaM2 > 0).ToLookup(x => x.p.PlotType, x => PlotWarnings.PricePerSquareMetre(x.Price, x.p.AreaM2));

        var existing = await db.Set<PriceWarning>().AsNoTracking().Where(w => ids.Contains(w.ItemId))
            .Select(w => new { w.ItemId, w.Rule, w.Status, w.PriceAtWarning }).ToListAsync(ct);
        var open = existing.Where(w => w.Status == WarningStatus.Open).Select(w => (w.ItemId, w.Rule)).ToHashSet();
        var reviewed = existing.Where(w => w.Status == WarningStatus.Closed).Select(w => (w.ItemId, w.Rule, w.PriceAtWarning)).ToHashSet();
        var now = clock.GetUtcNow();
        var raised = new List<PriceWarning>();
        foreach (var x in judged)
        {
            var facts = new PlotFacts(x.p.PlotType, x.p.AreaM2, x.p.PublicWelfare,
                new PricingTerms(x.i.PricingMode, x.i.Cap, x.i.RangeMin, x.i.RangeMax), x.Price, history[x.i.Id].ToList());
            foreach (var f in PlotWarnings.Evaluate(facts, perM2ByType[x.p.PlotType].ToList(), x.AsOf, thresholds))
            {
                if (open.Contains((x.i.Id, f.Rule)) || reviewed.Contains((x.i.Id, f.Rule, x.Price))) continue;
                var warning = new PriceWarning
                {
                    Id = Guid.NewGuid(), InstitutionId = x.i.InstitutionId, ItemId = x.i.Id, Rule = f.Rule,
                    Evidence = $"{x.i.Name}：{f.Evidence}", Observed = f.Observed, Threshold = f.Threshold, PriceAtWarning = x.Price,
                    Status = WarningStatus.Open, OpenKey = OpenKey(x.i.Id, f.Rule), RaisedAt = now,
                };
                if (warning.Evidence.Length > 500) warning.Evidence = warning.Evidence[..500];
                db.Add(warning);
                raised.Add(warning);
            }
        }
        if (raised.Count > 0) await db.SaveChangesAsync(ct);
        return raised;
    }
}
