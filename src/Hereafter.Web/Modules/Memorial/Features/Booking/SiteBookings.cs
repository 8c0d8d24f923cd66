using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Memorial.Features.Booking;

/// <summary>
/// A site's bookings of one day, for its own staff (<c>GET /api/v1/memorial/sites/{institutionId}/bookings?date=</c>):
/// names and plates with the ID numbers masked; every read is written to the audit log (personal data).
/// </summary>
public sealed class SiteBookingQueries(HereafterDbContext db, BookingPasses passes, AuditLog audit)
{
    public async Task<IReadOnlyList<BookingView>> ListAsync(Actor actor, Guid institutionId, DateOnly date, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (!MemorialAccess.RunsSite(actor, institutionId)) throw ProblemException.Forbidden(new Message("memorial.days.own-site-only"));
        var views = await BookingRows.ViewsAsync(db, passes,
            db.Set<MemorialBooking>().Where(b => b.InstitutionId == institutionId && b.Date == date), ct);
        await audit.RecordAsync(actor, "memorial.bookings.read", $"memorial-site:{institutionId}", "memorial",
            $"{date:yyyy-MM-dd}: {views.Count} bookings", ct);
        // Staff see who is coming, not the passes themselves.
        return views.Select(v => v with { PassToken = null, PassUrl = null }).ToList();
    }
}
