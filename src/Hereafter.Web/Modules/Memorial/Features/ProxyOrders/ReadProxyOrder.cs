using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyOrders;

/// <summary>
/// One order (<c>GET /api/v1/memorial/proxy-orders/{id}</c>) for its citizen or its site's staff; 404 for anyone else.
/// A read by staff is audited: the order names the family's contact and the deceased.
/// </summary>
public sealed class ReadProxyOrderHandler(ProxyOrderViews views, AuditLog audit)
{
    public async Task<ProxyOrderView> HandleAsync(ProxyViewer viewer, Guid id, CancellationToken ct)
    {
        var order = viewer.Require(await views.OwnerAsync(id, ct));
        var view = await views.ReadAsync(order.Id, ct) ?? throw ProblemException.NotFound(new Message("memorial.proxy.order-not-found"));
        if (!viewer.IsOwner(order))
            await audit.RecordAsync(viewer.Actor, "memorial.proxy.read", $"proxy-order:{id}", "proxy-sweeping", "", ct);
        return view;
    }
}

/// <summary>The bytes of one stored photo of an order, for the same people as the order itself.</summary>
public sealed class ReadProxyPhotoHandler(HereafterDbContext db, ProxyOrderViews views)
{
    public sealed record PhotoFile(string ContentType, byte[] Content, string Sha256);

    public async Task<PhotoFile> HandleAsync(ProxyViewer viewer, Guid orderId, Guid photoId, CancellationToken ct)
    {
        viewer.Require(await views.OwnerAsync(orderId, ct));
        return await db.Set<ProxyPhoto>().AsNoTracking().Where(p => p.OrderId == orderId && p.Id == photoId)
                   .Select(p => new PhotoFile(p.ContentType, p.Content, p.Sha256)).FirstOrDefaultAsync(ct)
               ?? throw ProblemException.NotFound(new Message("memorial.proxy.photo-not-found"));
    }
}

/// <summary>A citizen's own orders, newest first (<c>GET /api/v1/memorial/proxy-orders</c> with a citizen's token).</summary>
public sealed class ListMyProxyOrdersHandler(HereafterDbContext db)
{
    public async Task<IReadOnlyList<ProxyOrderSummary>> HandleAsync(Citizen citizen, CancellationToken ct)
    {
        var rows = await ProxyOrderLists.QueryAsync(db, db.Set<ProxyOrder>().Where(o => o.CitizenSubject == citizen.Subject), ct);
        return [.. rows.OrderByDescending(r => r.OrderedAt)];
    }
}

/// <summary>
/// The site's orders for its staff (<c>/memorial/proxy-orders</c>, or the API with a site's token): open ones first by
/// the date wanted, then the completed ones, newest first. Names and phones are masked; the listing is audited.
/// </summary>
public sealed class ListSiteProxyOrdersHandler(HereafterDbContext db, AuditLog audit)
{
    public const int MaxRows = 200;

    public async Task<IReadOnlyList<ProxyOrderSummary>> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!MemorialAccess.IsSite(actor)) throw ProblemException.Forbidden(new Message("memorial.proxy.site-only"));
        var site = db.Set<ProxyOrder>().Where(o => o.InstitutionId == actor.OrganisationId);
        var open = await ProxyOrderLists.QueryAsync(db, site.Where(o => o.Status == ProxyOrderStatus.Ordered).OrderBy(o => o.WantedDate).Take(MaxRows), ct);
        var done = await ProxyOrderLists.QueryAsync(db, site.Where(o => o.Status == ProxyOrderStatus.Completed).OrderByDescending(o => o.WantedDate).Take(MaxRows), ct);
        var rows = open.OrderBy(r => r.WantedDate).ThenBy(r => r.OrderedAt)
            .Concat(done.OrderByDescending(r => r.CompletedAt))
            .Select(r => r with
            {
                DeceasedName = PersonalDataMask.Name(r.DeceasedName), OrdererName = PersonalDataMask.Name(r.OrdererName),
                ContactPhone = PersonalDataMask.Phone(r.ContactPhone),
            })
            .ToList();
        await audit.RecordAsync(actor, "memorial.proxy.listed", $"organisation:{actor.OrganisationId}", "proxy-sweeping", $"{rows.Count} orders (masked)", ct);
        return rows;
    }
}

internal static class ProxyOrderLists
{
    public static async Task<List<ProxyOrderSummary>> QueryAsync(HereafterDbContext db, IQueryable<ProxyOrder> orders, CancellationToken ct)
    {
        var rows = await (from o in orders.AsNoTracking()
                          join org in db.Set<Organisation>() on o.InstitutionId equals org.Id
                          select new
                          {
                              o.Id, o.InstitutionId, org.Name, o.Status, o.DeceasedName, o.GraveLocation, o.WantedDate, o.CitizenName, o.ContactPhone,
                              o.Total, o.OrderedAt, o.CompletedAt,
                          }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var lines = (await db.Set<ProxyOrderLine>().AsNoTracking().Where(l => ids.Contains(l.OrderId))
                .Select(l => new { l.OrderId, l.LineNo, l.Name }).ToListAsync(ct))
            .ToLookup(l => l.OrderId);
        var photos = (await db.Set<ProxyPhoto>().AsNoTracking().Where(p => ids.Contains(p.OrderId))
                .GroupBy(p => p.OrderId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(p => p.Key, p => p.Count);
        return [.. rows.Select(r => new ProxyOrderSummary(r.Id, r.InstitutionId, r.Name, r.Status, r.DeceasedName, r.GraveLocation, r.WantedDate,
            r.CitizenName, r.ContactPhone, [.. lines[r.Id].OrderBy(l => l.LineNo).Select(l => l.Name)], r.Total, r.OrderedAt, r.CompletedAt,
            photos.GetValueOrDefault(r.Id)))];
    }
}
