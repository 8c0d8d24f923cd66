using System.Globalization;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Custody.Features.ListCustodyRecords;

/// <param name="State">A <see cref="CustodyState"/> code, or null for every state.</param>
/// <param name="Overdue">Only records overdue now (<see cref="CustodyDeadlines"/>).</param>
/// <param name="Institution">Only records of this funeral home, or placed by this cemetery or columbarium.</param>
/// <param name="From">Picked up on or after this China date (yyyy-MM-dd).</param>
/// <param name="To">Picked up on or before this China date.</param>
public sealed record CustodyListQuery(string? State = null, bool Overdue = false, Guid? Institution = null, string? From = null, string? To = null,
    int Page = 1, int PageSize = 50);

/// <param name="MaskedIdNumber">The deceased's citizen ID masked, or the certificate number masked when there is none.</param>
/// <param name="Since">When the record entered its state.</param>
/// <param name="Overdue">Why it is overdue now (<c>over-storage-limit</c>, <c>placement-overdue</c>, <c>unclaimed</c>), or null.</param>
/// <param name="OverdueSince">When the limit passed or the period fell due.</param>
public sealed record CustodyListItem(Guid Id, string MaskedName, string MaskedIdNumber, CustodyState State, bool Frozen,
    Guid FuneralHomeId, string FuneralHome, Guid? PlacementInstitutionId, string? PlacementInstitution,
    DateTimeOffset PickedUpAt, DateTimeOffset Since, CustodyOverdue? Overdue, DateTimeOffset? OverdueSince);

public sealed record CustodyList(IReadOnlyList<CustodyListItem> Items, long Total, int Page, int PageSize);

/// <summary>
/// The custody records an organisation may see: a funeral home those it holds, a cemetery or columbarium those it placed,
/// the civil-affairs bureau all; anyone else 403. Names and ID numbers are masked; the read is audited.
/// </summary>
public sealed class ListCustodyRecordsHandler(HereafterDbContext db, IOptions<CustodyOptions> options, AuditLog audit, TimeProvider clock)
{
    public const int MaxPageSize = 500;

    public async Task<CustodyList> HandleAsync(Actor actor, CustodyListQuery query, CancellationToken ct)
    {
        var records = Filtered(actor, query, clock.GetUtcNow(), out var page, out var size);
        var total = await records.LongCountAsync(ct);
        var rows = await (query.Overdue ? records.OrderBy(r => r.PickedUpAt) : records.OrderByDescending(r => r.PickedUpAt))
            .ThenBy(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = await ItemsAsync(rows, ct);
        await audit.RecordAsync(actor, "custody.list", "custody", CustodyAccess.Supervises(actor) ? "supervision" : "custody",
            string.Create(CultureInfo.InvariantCulture, $"state={query.State} overdue={query.Overdue} institution={query.Institution} {query.From}..{query.To} page {page}: {items.Count} of {total} records (masked)"), ct);
        return new CustodyList(items, total, page, size);
    }

    /// <summary>Every record the query selects, unpaged (the Excel export), masked and audited like a page.</summary>
    public async Task<IReadOnlyList<CustodyListItem>> AllAsync(Actor actor, CustodyListQuery query, CancellationToken ct)
    {
        var rows = await Filtered(actor, query, clock.GetUtcNow(), out _, out _).OrderBy(r => r.PickedUpAt).ThenBy(r => r.Id).ToListAsync(ct);
        var items = await ItemsAsync(rows, ct);
        await audit.RecordAsync(actor, "custody.export", "custody", "supervision",
            string.Create(CultureInfo.InvariantCulture, $"state={query.State} overdue={query.Overdue} institution={query.Institution} {query.From}..{query.To}: {items.Count} records (masked)"), ct);
        return items;
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

    private IQueryable<CustodyRecord> Filtered(Actor actor, CustodyListQuery query, DateTimeOffset now, out int page, out int size)
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
        errors.ThrowIfAny();
        page = Math.Max(1, query.Page);
        size = query.PageSize;
        if (state is { } s) records = records.Where(r => r.State == s);
        if (query.Institution is { } institution) records = records.Where(r => r.FuneralHomeId == institution || r.PlacementInstitutionId == institution);
        if (from is { } f)
        {
            var start = ChinaTimeStart(f);
            records = records.Where(r => r.PickedUpAt >= start);
        }
        if (to is { } t)
        {
            var end = ChinaTimeStart(t.AddDays(1));
            records = records.Where(r => r.PickedUpAt < end);
        }
        if (query.Overdue) records = records.Where(CustodyOverdueQuery.Overdue(now, CustodyOverdueQuery.Periods(options.Value)));
        return records;
    }

    private async Task<List<CustodyListItem>> ItemsAsync(IReadOnlyList<CustodyRecord> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.FuneralHomeId).Concat(rows.Where(r => r.PlacementInstitutionId != null).Select(r => r.PlacementInstitutionId!.Value)).Distinct().ToList();
        var names = await db.Set<Organisation>().AsNoTracking().Where(o => ids.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => Texts.IsEnglish && o.NameEn.Length > 0 ? o.NameEn : o.Name, ct);
        var now = clock.GetUtcNow();
        var periods = CustodyOverdueQuery.Periods(options.Value);
        return rows.Select(r =>
        {
            var overdue = CustodyOverdueQuery.ReasonOf(r, now, periods);
            return new CustodyListItem(r.Id, PersonalDataMask.Name(r.DecedentName), PersonalDataMask.IdNumber(r.DecedentIdNumber ?? r.CertificateNumber),
                r.State, r.Frozen, r.FuneralHomeId, names.GetValueOrDefault(r.FuneralHomeId, ""),
                r.PlacementInstitutionId, r.PlacementInstitutionId is { } p ? names.GetValueOrDefault(p) : null,
                r.PickedUpAt, CustodyOverdueQuery.Since(r), overdue?.Reason, overdue?.Since);
        }).ToList();
    }

    private static DateTimeOffset ChinaTimeStart(DateOnly date) => Hereafter.Domain.Time.ChinaTime.StartOfDayUtc(date);

    private static DateOnly? Date(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrEmpty(text)) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, new Message("custody.list.date-invalid"));
        return null;
    }
}
