namespace Hereafter.Web.Modules.Memorial.Features.BookingPages;

/// <summary>
/// Which field of the book page a refusal of <c>BookHandler</c> belongs to, by its catalogue code: no room for the
/// party → the party size, no car place → the plate, and everything about the slot itself (not open yet, over, already
/// booked that day) → the slot summary. Field errors (a bad plate, an unknown certificate) name their field themselves.
/// </summary>
public static class BookingRefusals
{
    /// <summary>The error key of the slot summary.</summary>
    public const string Slot = "slot";

    public const string AlreadyBooked = "memorial.booking.already-booked";
    public const string KeyReused = "memorial.booking.idempotency-key-reused";

    public static string FieldOf(string? code) => code switch
    {
        "memorial.booking.full-people" or "memorial.booking.full-general" or "memorial.booking.party-over-limit" => "partySize",
        "memorial.booking.full-cars" or "memorial.booking.car-plate-invalid" => "carPlate",
        _ when code?.StartsWith("memorial.booking.recent-grave", StringComparison.Ordinal) == true => "recentGraveCertificate",
        _ => Slot,
    };

    /// <summary>The refusal names a booking the citizen holds: the one of that day, or the one an earlier tap made.</summary>
    public static bool NamesABooking(string? code) => code is AlreadyBooked or KeyReused;
}
