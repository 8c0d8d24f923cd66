using System.Globalization;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Custody;

/// <param name="State">A <see cref="CustodyState"/> code, or null for every state.</param>
/// <param name="Overdue">Only records overdue now (<see cref="CustodyDeadlines"/>).</param>
/// <param name="Institution">Only records of this funeral home, or placed by this cemetery or columbarium.</param>
/// <param name="From">Picked up on or after this China date (yyyy-MM-dd).</param>
/// <param name="To">Picked up on or before this China date.</param>
public sealed record CustodyListQuery(string? State = null, bool Overdue = false, Guid? Institution = null, string? From = null, string? To = null,
    int Page = 1, int PageSize = 50);

/// <summary>
/// Which custody records an organisation sees (a funeral home those it holds, a cemetery or columbarium those it
/// placed, the bureau all; 403 for anyone else) and the list's filters, shared by the list, the counts and the export.
/// </summary>
public sealed class CustodyRecordFilter(HereafterDbContext db, IOptions<CustodyOptions> options)
{
    public const int MaxPageSize = 500;

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
    public IQueryable<CustodyRecord> Apply(Actor actor, CustodyListQuery query, DateTimeOffset now)
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
        if (query.PageSize is < 1 or > MaxPageSize) errors.Add("pageSize", new Message("custody.list.page-size").With("max", MaxPageSize));
        if (from is { } early && to is { } late && early > late) errors.Add("to", new Message("custody.list.period-reversed"));
        errors.ThrowIfAny();
        if (state is { } s) records = records.Where(r => r.State == s);
        if (query.Institution is { } institution) records = records.Where(r => r.FuneralHomeId == institution || r.PlacementInstitutionId == institution);
        if (from is { } f)
        {
            var start = ChinaTime.StartOfDayUtc(f);
            records = records.Where(r => r.PickedUpAt >= start);
        }
        if (to is { } t)
        {
            var end = ChinaTime.StartOfDayUtc(t.AddDays(1));
            records = records.Where(r => r.PickedUpAt < end);
        }
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
