using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.Booking;

/// <summary>
/// The citizen cancels (<c>DELETE /api/v1/memorial/bookings/{id}</c>): the booking is marked cancelled (its
/// <see cref="MemorialBooking.ActiveDate"/> cleared, so the person may book that site and day again) and the slot's
/// counters give its places back in the same transaction, so the next booking can take them at once. Someone else's
/// booking is 404; a used pass or a slot that has ended is 409; cancelling twice is no error.
/// </summary>
public sealed class CancelBookingHandler(HereafterDbContext db, TimeProvider clock)
{
    public async Task HandleAsync(Citizen citizen, Guid bookingId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(citizen);
        var booking = await FindAsync(citizen, bookingId, ct) ?? throw ProblemException.NotFound(new Message("memorial.booking.not-found"));
        var now = clock.GetUtcNow();
        if (Refusal(booking, now) is { } refused) throw refused;
        if (booking.CancelledAt is not null) return;

        var recent = booking.RecentGraveCertificate is not null ? booking.PartySize : 0;
        var general = booking.PartySize - recent;
        var cars = booking.CarPlate is null ? 0 : 1;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // A concurrent check-in or cancellation changes the row first: then this one changes nothing.
        var cancelled = await db.Set<MemorialBooking>()
            .Where(b => b.Id == bookingId && b.CancelledAt == null && b.CheckedInAt == null)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.CancelledAt, now).SetProperty(b => b.ActiveDate, (DateOnly?)null), ct);
        if (cancelled == 0)
        {
            await tx.RollbackAsync(ct);
            var now2 = await FindAsync(citizen, bookingId, ct);
            if (now2 is not null && Refusal(now2, now) is { } late) throw late;
            return;
        }
        await db.Set<MemorialSlot>().Where(s => s.Id == booking.SlotId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(s => s.GeneralBooked, s => s.GeneralBooked - general)
                .SetProperty(s => s.RecentBooked, s => s.RecentBooked - recent)
                .SetProperty(s => s.CarsBooked, s => s.CarsBooked - cars), ct);
        await tx.CommitAsync(ct);
    }

    private sealed record Found(Guid SlotId, int PartySize, string? CarPlate, string? RecentGraveCertificate,
        DateTimeOffset? CancelledAt, DateTimeOffset? CheckedInAt, DateOnly Date, TimeOnly End);

    private Task<Found?> FindAsync(Citizen citizen, Guid bookingId, CancellationToken ct) =>
        (from b in db.Set<MemorialBooking>().AsNoTracking()
         join s in db.Set<MemorialSlot>() on b.SlotId equals s.Id
         where b.Id == bookingId && b.CitizenSubject == citizen.Subject
         select new Found(b.SlotId, b.PartySize, b.CarPlate, b.RecentGraveCertificate, b.CancelledAt, b.CheckedInAt, s.Date, s.End))
        .FirstOrDefaultAsync(ct);

    private static ProblemException? Refusal(Found b, DateTimeOffset now)
    {
        if (b.CancelledAt is not null) return null;
        if (b.CheckedInAt is { } used)
            return new ProblemException(StatusCodes.Status409Conflict, "Conflict",
                new Message("memorial.booking.cancel-used").With("at", Hereafter.Domain.Time.ChinaTime.Minutes(used)))
            {
                Extensions = new Dictionary<string, object?> { ["checkedInAt"] = Hereafter.Domain.Time.ChinaTime.ToChina(used) },
            };
        if (now >= SlotTimes.EndsAt(b.Date, b.End))
            return ProblemException.Conflict(new Message("memorial.booking.cancel-past")
                .With("date", b.Date.ToString("yyyy-MM-dd")).With("end", PublishDayHandler.Hm(b.End)));
        return null;
    }
}
