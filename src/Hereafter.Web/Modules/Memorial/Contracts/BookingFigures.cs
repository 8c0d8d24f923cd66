using Hereafter.Web.Platform.Figures;

namespace Hereafter.Web.Modules.Memorial.Contracts;

/// <summary>One China month of tomb-sweeping bookings, by the day of the visit.</summary>
public sealed record BookingMonthFigures(string Month, int Bookings, int People, int Visits, int Visitors);

/// <summary>
/// Bookings (standing, not cancelled) and their people, and visits (passes checked in at the gate) with their people,
/// by the visit's China date, at sites in the filter's district.
/// </summary>
public sealed record BookingFigures(int Bookings, int People, int Visits, int Visitors, IReadOnlyList<BookingMonthFigures> Months);

/// <summary>How the bureau's dashboard reads the memorial services' figures. Counts only.</summary>
public interface IBookingFigures
{
    Task<BookingFigures> ForAsync(FigureFilter filter, CancellationToken ct);
}
