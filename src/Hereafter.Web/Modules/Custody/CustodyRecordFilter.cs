using System.Globalization;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Hereafter.Web.Platform.Organisations;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Custody;

/// <param name="State">A <see cref="CustodyState"/> code, or null for every state.</param>
/// <param name="Overdue">Only records overdue now (<see cref="CustodyDeadlines"/>).</param>
/// <param name="Institution">Only records of this funeral home, or placed by this cemetery or columbarium.</param>
/// <param name="From">Picked up on or after this China date (yyyy-MM-dd).</param>
/// <param name="To">Picked up on or before this China date.</param>
public sealed record CustodyListQuery(string? State = null, bool Overdue = false, Guid? Institution = null, string? From = null, string? To = null,
    int Page = 1, int PageSize = 50)
{
    /// <summary>Only records of funeral homes in this district (six-digit region code), as the bureau's dashboard counts them.</summary>
    public string? District { get; init; }

    /// <summary>Only records overdue now for this <see cref="CustodyOverdue"/> code (over-storage-limit, placement-overdue, unclaimed).</summary>
    public string? Reason { get; init; }

    /// <summary>
    /// Which date <see cref="From"/> and <see cref="To"/> apply to: <c>picked-up</c> (the default), <c>cremated</c> or
    /// <c>placed</c>; with <c>cremated</c> or <c>placed</c> only records that reached that step in the period.
    /// </summary>
    public string? Dated { get; init; }

    /// <summary>The words of the audit entry for a read of this query's records.</summary>
    public string Described =>
        $"state={State} overdue={Overdue} reason={Reason} institution={Institution} district={District} {Dated ?? CustodyRecordFilter.PickedUp} {From}..{To}";
}

/// <summary>
/// Which custody records an organisation sees (a funeral home those it holds, a cemetery or columbarium those it
/// placed, the bureau all; 403 for anyone else) and the list's filters, shared by the list, the counts and the export.
/// </summary>
public sealed class CustodyRecordFilter(HereafterDbContext db, IOptions<CustodyOptions> options, DistrictDirectory districts)
{
    public const int MaxPageSize = 500;
    public const string PickedUp = "picked-up";
    public const string Cremated = "cremated";
    public const string Placed = "placed";
    private static readonly string[] DatedCodes = [PickedUp, Cremated, Placed];

    /// <summary>
    /// <see cref="Apply"/>, after reading the districts when the query names one (an unknown district is a field error
    /// with the others, never an empty list).
    /// </summary>
    public async Task<IQueryable<CustodyRecord>> ApplyAsync(Actor actor, CustodyListQuery query, DateTimeOffset now, CancellationToken ct)
    {
        var known = string.IsNullOrWhiteSpace(query.District) ? null : await districts.ListAsync(ct);
        return Apply(actor, query, now, known);
    }

    /// <summary>The records the actor may see (403 for anyone else).</summary>
    public IQueryable<CustodyRecord> Visible(Actor actor)
    {
        var records = db.Set<CustodyRecord>().AsNoTracking();
        var org = actor.OrganisationId;
        if (CustodyAccess.Supervises(actor)) return records;
        if (CustodyAccess.IsFuneralHome(actor)) return records.Where(r => r.FuneralHomeId == org);
        if (CustodyAccess.IsPlacementInstitution(actor)) return records.Where(r => r.PlacementInstitutionId == org);
        throw ProblemException.Forbidden(new Message("custody.list.forbidden"));
    }

    /// <summary>The actor's records that the query selects, unpaged; 400 listing every bad filter.</summary>
    private IQueryable<CustodyRecord> Apply(Actor actor, CustodyListQuery query, DateTimeOffset now, IReadOnlyList<District>? known)
    {
        var records = Visible(actor);
        var errors = new FieldErrors();
        CustodyState? state = null;
        if (!string.IsNullOrEmpty(query.State))
        {
            if (EnumCodes<CustodyState>.TryParse(query.State, out var parsed)) state = parsed;
            else errors.Add("state", new Message("custody.list.state-unknown").With("state", query.State)
                .With("known", string.Join(", ", Enum.GetValues<CustodyState>().Select(s => s.ToCode()))));
        }
        var from = Date(query.From, "from", errors);
        var to = Date(query.To, "to", errors);
        CustodyOverdue? reason = null;
        if (!string.IsNullOrEmpty(query.Reason))
        {
            if (EnumCodes<CustodyOverdue>.TryParse(query.Reason, out var parsed)) reason = parsed;
            else errors.Add("reason", new Message("custody.list.reason-unknown").With("reason", query.Reason)
                .With("known", string.Join(", ", Enum.GetValues<CustodyOverdue>().Select(r => r.ToCode()))));
        }
        var dated = string.IsNullOrEmpty(query.Dated) ? PickedUp : query.Dated;
        if (!DatedCodes.Contains(dated))
            errors.Add("dated", new Message("custody.list.dated-unknown").With("dated", dated).With("known", string.Join(", ", DatedCodes)));
        var district = string.IsNullOrWhiteSpace(query.District) ? null : query.District.Trim();
        if (district is not null && (district.Length != 6 || !district.All(char.IsAsciiDigit)))
            errors.Add("district", new Message("figures.district-invalid"));
        else if (district is not null && known?.Any(d => d.Code == district) != true)
            errors.Add("district", new Message("figures.district-unknown").With("code", district));
        if (query.PageSize is < 1 or > MaxPageSize) errors.Add("pageSize", new Message("custody.list.page-size").With("max", MaxPageSize));
        if (from is { } early && to is { } late && early > late) errors.Add("to", new Message("custody.list.period-reversed"));
        errors.ThrowIfAny();
        if (state is { } s) records = records.Where(r => r.State == s);
        if (query.Institution is { } institution) records = records.Where(r => r.FuneralHomeId == institution || r.PlacementInstitutionId == institution);
        if (district is not null)
        {
            var homes = db.Set<Organisation>().Where(o => o.RegionCode == district).Select(o => o.Id);
            records = records.Where(r => homes.Contains(r.FuneralHomeId));
        }
        if (from is not null || to is not null)
        {
            var start = from is { } f ? ChinaTime.StartOfDayUtc(f) : DateTimeOffset.MinValue;
            var end = to is { } t ? ChinaTime.StartOfDayUtc(t.AddDays(1)) : DateTimeOffset.MaxValue;
            records = dated switch
            {
                Cremated => records.Where(r => r.CrematedAt != null && r.CrematedAt >= start && r.CrematedAt < end),
                Placed => records.Where(r => r.PlacedAt != null && r.PlacedAt >= start && r.PlacedAt < end),
                _ => records.Where(r => r.PickedUpAt >= start && r.PickedUpAt < end),
            };
        }
        else if (dated == Cremated) records = records.Where(r => r.CrematedAt != null);
        else if (dated == Placed) records = records.Where(r => r.PlacedAt != null);
        if (reason is { } why) records = records.Where(CustodyOverdueQuery.OverdueFor(why, now, CustodyOverdueQuery.Periods(options.Value)));
        if (query.Overdue) records = records.Where(CustodyOverdueQuery.Overdue(now, CustodyOverdueQuery.Periods(options.Value)));
        return records;
    }

    private static DateOnly? Date(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, new Message("custody.list.date-invalid"));
        return null;
    }
}
