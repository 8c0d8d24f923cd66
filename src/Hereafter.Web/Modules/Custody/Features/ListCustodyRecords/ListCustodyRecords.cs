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
public sealed class ListCustodyRecordsHandler(HereafterDbContext db, CustodyRecordFilter filter, IOptions<CustodyOptions> options, AuditLog audit, TimeProvider clock)
{
    public async Task<CustodyList> HandleAsync(Actor actor, CustodyListQuery query, CancellationToken ct)
    {
        var records = await filter.ApplyAsync(actor, query, clock.GetUtcNow(), ct);
        var (page, size) = (Math.Max(1, query.Page), query.PageSize);
        var total = await records.LongCountAsync(ct);
        var rows = await (query.Overdue ? records.OrderBy(r => r.PickedUpAt) : records.OrderByDescending(r => r.PickedUpAt))
            .ThenBy(r => r.Id).Skip((page - 1) * size).Take(size).ToListAsync(ct);
        var items = await ItemsAsync(rows, ct);
        await audit.RecordAsync(actor, "custody.list", "custody", CustodyAccess.Supervises(actor) ? "supervision" : "custody",
            string.Create(CultureInfo.InvariantCulture, $"{query.Described} page {page}: {items.Count} of {total} records (masked)"), ct);
        return new CustodyList(items, total, page, size);
    }

    /// <summary>Every record the query selects, unpaged (the Excel export), masked and audited like a page.</summary>
    public async Task<IReadOnlyList<CustodyListItem>> AllAsync(Actor actor, CustodyListQuery query, CancellationToken ct)
    {
        var rows = await (await filter.ApplyAsync(actor, query, clock.GetUtcNow(), ct)).OrderBy(r => r.PickedUpAt).ThenBy(r => r.Id).ToListAsync(ct);
        var items = await ItemsAsync(rows, ct);
        await audit.RecordAsync(actor, "custody.export", "custody", "supervision",
            string.Create(CultureInfo.InvariantCulture, $"{query.Described}: {items.Count} records (masked)"), ct);
        return items;
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
}
