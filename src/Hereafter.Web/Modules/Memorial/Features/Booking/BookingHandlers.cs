using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Memorial.Features.Booking;

// The booking core's entry points, used by the API and by the pages. Each refuses with a ProblemException carrying a
// specific message (400 invalid input with field errors, 403 another site, 404 unknown, 409 full / not open yet /
// already booked that day / pass used). Bodies land with the booking core (ADR 0032).

/// <summary>A site publishes a booking day with its slots (<c>POST /api/v1/memorial/sites/{institutionId}/days</c>).</summary>
public sealed class PublishDayHandler
{
    public Task<DayPublished> HandleAsync(Actor actor, Guid institutionId, PublishDayRequest request, CancellationToken ct) =>
        throw new NotImplementedException("booking core");
}

/// <summary>Slots with places left (<c>GET /api/v1/memorial/slots?site=&amp;date=</c>), and the sites and days that have any.</summary>
public sealed class SlotQueries
{
    public Task<IReadOnlyList<SlotView>> SlotsAsync(Guid site, DateOnly date, CancellationToken ct) =>
        throw new NotImplementedException("booking core");

    /// <summary>Sites (id, name) with a published day from <paramref name="from"/> on, and those days.</summary>
    public Task<IReadOnlyList<(Guid Site, string SiteName, IReadOnlyList<DateOnly> Days)>> SitesAsync(DateOnly from, CancellationToken ct) =>
        throw new NotImplementedException("booking core");
}

/// <summary>A citizen books a slot (<c>POST /api/v1/memorial/bookings</c>); the same idempotency key returns the same booking.</summary>
public sealed class BookHandler
{
    public Task<BookingCreated> HandleAsync(Citizen citizen, BookRequest request, string? idempotencyKey, CancellationToken ct) =>
        throw new NotImplementedException("booking core");
}

/// <summary>The citizen cancels; the places return at once (<c>DELETE /api/v1/memorial/bookings/{id}</c>).</summary>
public sealed class CancelBookingHandler
{
    public Task HandleAsync(Citizen citizen, Guid bookingId, CancellationToken ct) =>
        throw new NotImplementedException("booking core");
}

/// <summary>A citizen's own bookings, newest first, and one of them (404 when not theirs).</summary>
public sealed class MyBookingQueries
{
    public Task<IReadOnlyList<BookingView>> ListAsync(Citizen citizen, CancellationToken ct) =>
        throw new NotImplementedException("booking core");

    public Task<BookingView> ReadAsync(Citizen citizen, Guid bookingId, CancellationToken ct) =>
        throw new NotImplementedException("booking core");
}

/// <summary>Gate staff scan a pass (<c>POST /api/v1/memorial/passes/{passToken}/check-in</c>): once, at its site, in its slot ± grace.</summary>
public sealed class CheckInHandler
{
    public Task<CheckInResult> HandleAsync(Actor actor, string passToken, CancellationToken ct) =>
        throw new NotImplementedException("booking core");
}
