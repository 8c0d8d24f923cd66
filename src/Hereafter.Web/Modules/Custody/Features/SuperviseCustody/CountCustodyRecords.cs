using Hereafter.Domain.Custody;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Custody.Features.SuperviseCustody;

/// <summary>An institution of the loop (funeral home, cemetery, columbarium) with its records by state and how many are overdue.</summary>
/// <param name="ByState">Records it holds (a funeral home) or placed (a cemetery or columbarium), by current state.</param>
public sealed record InstitutionCounts(Guid Id, string Name, string NameEn, OrganisationType Type, IReadOnlyDictionary<CustodyState, int> ByState, int Overdue)
{
    public int Total => ByState.Values.Sum();
}

/// <summary>The loop at a glance: records by state, overdue ones by reason, and both per institution.</summary>
public sealed record CustodyCounts(IReadOnlyDictionary<CustodyState, int> ByState, IReadOnlyDictionary<CustodyOverdue, int> OverdueByReason,
    IReadOnlyList<InstitutionCounts> Institutions)
{
    public int Total => ByState.Values.Sum();
    public int Overdue => OverdueByReason.Values.Sum();
}

/// <summary>
/// Counts for the bureau's page over the records the filters select (institution, pickup period): no personal data, so
/// the read is not audited (the list under it is). Overdue is <see cref="CustodyDeadlines"/> through <see cref="CustodyOverdueQuery"/>.
/// </summary>
public sealed class CountCustodyRecordsHandler(HereafterDbContext db, CustodyRecordFilter filter, IOptions<CustodyOptions> options, TimeProvider clock)
{
    public async Task<CustodyCounts> HandleAsync(Actor actor, CustodyListQuery query, CancellationToken ct)
    {
        if (!CustodyAccess.Supervises(actor)) throw ProblemException.Forbidden(new Message("custody.supervision-only"));
        var now = clock.GetUtcNow();
        var records = await filter.ApplyAsync(actor, query with { State = null, Overdue = false, Reason = null }, now, ct);
        var held = await records.GroupBy(r => new { r.FuneralHomeId, r.State })
            .Select(g => new { g.Key.FuneralHomeId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var placed = await records.Where(r => r.PlacementInstitutionId != null).GroupBy(r => new { r.PlacementInstitutionId, r.State })
            .Select(g => new { g.Key.PlacementInstitutionId, g.Key.State, Count = g.Count() }).ToListAsync(ct);
        var periods = CustodyOverdueQuery.Periods(options.Value);
        var overdue = (await records.Where(CustodyOverdueQuery.Overdue(now, periods)).ToListAsync(ct))
            .Select(r => (r.FuneralHomeId, Reason: CustodyOverdueQuery.ReasonOf(r, now, periods)?.Reason)).Where(r => r.Reason is not null).ToList();

        var byInstitution = new Dictionary<Guid, Dictionary<CustodyState, int>>();
        void Count(Guid institution, CustodyState state, int count)
        {
            if (!byInstitution.TryGetValue(institution, out var states)) byInstitution[institution] = states = [];
            states[state] = states.GetValueOrDefault(state) + count;
        }
        foreach (var h in held) Count(h.FuneralHomeId, h.State, h.Count);
        foreach (var p in placed) Count(p.PlacementInstitutionId!.Value, p.State, p.Count);
        var ids = byInstitution.Keys.ToList();
        var organisations = await db.Set<Organisation>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(ct);
        var institutions = organisations
            .Select(o => new InstitutionCounts(o.Id, o.Name, o.NameEn, o.Type, byInstitution[o.Id], overdue.Count(r => r.FuneralHomeId == o.Id)))
            .OrderBy(i => Rank(i.Type)).ThenByDescending(i => i.Total).ThenBy(i => i.Name, StringComparer.Ordinal).ToList();
        return new CustodyCounts(
            Enum.GetValues<CustodyState>().ToDictionary(s => s, s => held.Where(h => h.State == s).Sum(h => h.Count)),
            Enum.GetValues<CustodyOverdue>().ToDictionary(r => r, r => overdue.Count(o => o.Reason == r)),
            institutions);
    }

    /// <summary>The institutions of the loop, for the page's filter (funeral homes, then cemeteries and columbaria).</summary>
    public async Task<IReadOnlyList<Organisation>> InstitutionsAsync(CancellationToken ct) =>
        (await db.Set<Organisation>().AsNoTracking()
            .Where(o => o.Type == OrganisationType.FuneralHome || o.Type == OrganisationType.Cemetery || o.Type == OrganisationType.Columbarium)
            .ToListAsync(ct)).OrderBy(o => Rank(o.Type)).ThenBy(o => o.Code, StringComparer.Ordinal).ToList();

    private static int Rank(OrganisationType type) => type == OrganisationType.FuneralHome ? 0 : 1;
}
