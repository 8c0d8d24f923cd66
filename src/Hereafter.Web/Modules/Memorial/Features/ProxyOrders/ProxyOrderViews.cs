using Hereafter.Domain.Messages;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Localization;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyOrders;

/// <summary>
/// The one read model of a proxy-sweeping order, shared by ordering, completing and reading (no access check here:
/// callers decide who may see it). Photos are listed by URL; their bytes are served apart.
/// </summary>
public sealed class ProxyOrderViews(HereafterDbContext db)
{
    public static string PhotoUrl(Guid orderId, Guid photoId) => $"/api/v1/memorial/proxy-orders/{orderId}/photos/{photoId}";

    /// <summary>The order's site and owner, for access checks before anything personal is read; null if unknown.</summary>
    public Task<ProxyOrderOwner?> OwnerAsync(Guid id, CancellationToken ct) =>
        db.Set<ProxyOrder>().AsNoTracking().Where(o => o.Id == id)
            .Select(o => new ProxyOrderOwner(o.Id, o.InstitutionId, o.CitizenSubject)).FirstOrDefaultAsync(ct)!;

    public async Task<ProxyOrderView?> ReadAsync(Guid id, CancellationToken ct)
    {
        var o = await db.Set<ProxyOrder>().AsNoTracking().Include(x => x.Lines).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (o is null) return null;
        var site = await db.Set<Organisation>().AsNoTracking().Where(x => x.Id == o.InstitutionId).Select(x => x.Name).FirstAsync(ct);
        var photos = await db.Set<ProxyPhoto>().AsNoTracking().Where(p => p.OrderId == id).OrderBy(p => p.Number)
            .Select(p => new { p.Id, p.Number, p.ContentType, p.Width, p.Height, p.Size }).ToListAsync(ct);
        var payment = new Message("memorial.proxy.payment.offline")
            .With("total", PriceRules.Yuan(o.Total)).With("site", site).With("phone", o.InstitutionPhone);
        return new ProxyOrderView(
            o.Id, o.InstitutionId, site, o.InstitutionPhone, o.Status, o.DeceasedName, o.GraveLocation, o.WantedDate, o.ContactPhone, o.Message,
            [.. o.Lines.OrderBy(l => l.LineNo).Select(l => new ProxyOrderLineView(l.Code, l.Name, l.Unit, l.Price, l.PriceEffectiveFrom))],
            o.Total, "offline", Texts.Of(payment), o.CitizenName, o.OrderedAt, o.CompletedAt, o.CompletedBy, o.CompletionNote,
            [.. photos.Select(p => new ProxyPhotoView(p.Id, p.Number, PhotoUrl(o.Id, p.Id), p.ContentType, p.Width, p.Height, p.Size))],
            MemorialPages.ProxyOrder(o.Id));
    }
}

/// <summary>Who an order belongs to: its site and the subject of the citizen who ordered it.</summary>
public sealed record ProxyOrderOwner(Guid Id, Guid InstitutionId, string CitizenSubject);
