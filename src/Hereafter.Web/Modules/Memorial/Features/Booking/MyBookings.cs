using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.Booking;

/// <summary>A citizen's own bookings, newest first, and one of them (404 when not theirs).</summary>
public sealed class MyBookingQueries(HereafterDbContext db, BookingPasses passes)
{
    public Task<IReadOnlyList<BookingView>> ListAsync(Citizen citizen, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        return BookingRows.ViewsAsync(db, passes, db.Set<MemorialBooking>().Where(b => b.CitizenSubject == citizen.Subject), ct);
    }

    public async Task<BookingView> ReadAsync(Citizen citizen, Guid bookingId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        var views = await BookingRows.ViewsAsync(db, passes,
            db.Set<MemorialBooking>().Where(b => b.Id == bookingId && b.CitizenSubject == citizen.Subject), ct);
        return views.Count == 1 ? views[0] : throw ProblemException.NotFound(new Message("memorial.booking.not-found"));
    }
}

/// <summary>Bookings as their citizen and the site's staff see them: the ID number masked, the pass and its page.</summary>
internal static class BookingRows
{
    public static async Task<IReadOnlyList<BookingView>> ViewsAsync(HereafterDbContext db, BookingPasses passes, IQueryable<MemorialBooking> bookings, CancellationToken ct)
    {
        var rows = await (from b in bookings.AsNoTracking()
                          join s in db.Set<MemorialSlot>() on b.SlotId equals s.Id
                          join o in db.Set<Organisation>() on b.InstitutionId equals o.Id
                          select new { Booking = b, s.Start, s.End, o.Name }).ToListAsync(ct);
        var views = new List<BookingView>(rows.Count);
        foreach (var r in rows.OrderByDescending(r => r.Booking.BookedAt))
        {
            var b = r.Booking;
            // A pass not stored yet (the request that booked ended between its commit and its signing) is signed now.
            var token = b.PassToken ?? (b.CancelledAt is null ? await passes.EnsureAsync(PassFacts.Of(b), ct) : null);
            views.Add(new BookingView(b.Id, b.InstitutionId, r.Name, b.Date, r.Start, r.End, b.PartySize, b.CarPlate, b.CitizenName,
                PersonalDataMask.IdNumber(b.CitizenIdNumber), b.RecentGraveCertificate is not null, b.BookedAt, b.CancelledAt, b.CheckedInAt,
                token, token is null ? null : passes.Url(b.Id)));
        }
        return views;
    }
}
