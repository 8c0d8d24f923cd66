using Hereafter.Web.Platform.Figures;

namespace Hereafter.Web.Modules.Custody.Contracts;

/// <summary>One China month of the loop: bodies picked up, cremations and placements (burials) in it.</summary>
public sealed record CustodyMonthFigures(string Month, int PickedUp, int Cremated, int Placed);

/// <summary>
/// The closed loop's figures for a <see cref="FigureFilter"/>. <see cref="PickedUp"/>, <see cref="Cremated"/> and
/// <see cref="Placed"/> count the records that reached the step in the period (by the step's time, China months);
/// <see cref="OverStorageLimit"/>, <see cref="PlacementOverdue"/> and <see cref="Unclaimed"/> are what is overdue now
/// (the supervision page's rule, whatever the period). A record belongs to its funeral home's district.
/// </summary>
public sealed record CustodyFigures(int PickedUp, int Cremated, int Placed, int OverStorageLimit, int PlacementOverdue, int Unclaimed,
    IReadOnlyList<CustodyMonthFigures> Months);

/// <summary>How the bureau's dashboard reads the closed loop's figures. Counts only.</summary>
public interface ICustodyFigures
{
    Task<CustodyFigures> ForAsync(FigureFilter filter, CancellationToken ct);
}
