namespace Hereafter.Web.Modules.Memorial.Contracts;

/// <summary>One slot of a day to publish; times are China local.</summary>
public sealed record SlotRequest(TimeOnly Start, TimeOnly End, int People, int Cars);

/// <summary><c>POST /api/v1/memorial/sites/{institutionId}/days</c>: <paramref name="OpensAt"/> is an instant with its offset (e.g. <c>2027-03-29T08:00:00+08:00</c>).</summary>
public sealed record PublishDayRequest(DateOnly Date, DateTimeOffset OpensAt, IReadOnlyList<SlotRequest> Slots, int PartyLimit, int? RecentGraveQuota);

/// <summary>A slot with its places left, as the public and the citizen see it.</summary>
public sealed record SlotView(
    Guid Id, Guid Site, string SiteName, DateOnly Date, TimeOnly Start, TimeOnly End,
    int People, int PeopleLeft, int Cars, int CarsLeft, int RecentQuota, int RecentPlacesLeft,
    int PartyLimit, DateTimeOffset OpensAt, bool Open);

/// <summary>201 of publishing a day.</summary>
public sealed record DayPublished(Guid Id, Guid Site, DateOnly Date, IReadOnlyList<SlotView> Slots);

/// <summary><c>POST /api/v1/memorial/bookings</c>; <paramref name="RecentGraveCertificate"/> (a death certificate number) books against the recent-grave quota.</summary>
public sealed record BookRequest(Guid SlotId, int PartySize, string? CarPlate, string? RecentGraveCertificate = null);

/// <summary>201 of a booking (also the answer to its retried request with the same <c>Idempotency-Key</c>).</summary>
public sealed record BookingCreated(Guid Id, string PassToken, string PassUrl)
{
    /// <summary>True when this answers a retried request (same <c>Idempotency-Key</c>) with the booking made before: the API answers 200, not 201.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Replayed { get; init; }
}

/// <summary>A booking as its citizen and the site's staff see it (ID number masked).</summary>
public sealed record BookingView(
    Guid Id, Guid Site, string SiteName, DateOnly Date, TimeOnly Start, TimeOnly End, int PartySize, string? CarPlate,
    string CitizenName, string MaskedIdNumber, bool ForRecentGrave, DateTimeOffset BookedAt,
    DateTimeOffset? CancelledAt, DateTimeOffset? CheckedInAt, string? PassToken, string? PassUrl);

/// <summary>200 of a gate check-in; 409 carries <c>checkedInAt</c> when the pass was used before.</summary>
public sealed record CheckInResult(Guid BookingId, string SiteName, DateOnly Date, TimeOnly Start, TimeOnly End, int PartySize,
    string? CarPlate, string CitizenName, DateTimeOffset CheckedInAt);

/// <summary>Bookings and visits of one site on one day, for the supervisor.</summary>
public sealed record SiteDayFigures(Guid Site, string SiteName, DateOnly Date, int Slots, int People, int Booked, int Bookings, int Cancelled, int Visits, int Visitors);
