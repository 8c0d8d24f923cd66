using Hereafter.Web.Modules.Memorial.Contracts;

namespace Hereafter.Web.Modules.Memorial.Features.BookingPages;

/// <summary>Where a booking's pass stands, as its citizen and the gate see it.</summary>
public enum PassState
{
    /// <summary>Booked, not used, its day today or later: show it at the gate.</summary>
    Valid,
    /// <summary>Checked in at the gate; a pass is used once.</summary>
    Used,
    /// <summary>Cancelled by its citizen; the places went back to the slot.</summary>
    Cancelled,
    /// <summary>Its day has passed without a check-in.</summary>
    Expired,
}

/// <summary>The pass states' words and explanations (Chinese; pages translate them with <c>T[...]</c>).</summary>
public static class PassWords
{
    public static PassState StateOf(BookingView booking, DateOnly today) =>
        StateOf(booking.Date, booking.CancelledAt, booking.CheckedInAt, today);

    public static PassState StateOf(DateOnly date, DateTimeOffset? cancelledAt, DateTimeOffset? checkedInAt, DateOnly today) =>
        cancelledAt is not null ? PassState.Cancelled
        : checkedInAt is not null ? PassState.Used
        : date < today ? PassState.Expired
        : PassState.Valid;

    /// <summary>The badge's colour class is <c>status-{code}</c>.</summary>
    public static string Code(PassState state) => state switch
    {
        PassState.Valid => "pass-valid",
        PassState.Used => "pass-used",
        PassState.Cancelled => "pass-cancelled",
        _ => "pass-expired",
    };

    public static string Word(PassState state) => state switch
    {
        PassState.Valid => "有效",
        PassState.Used => "已使用",
        PassState.Cancelled => "已取消",
        _ => "已过期",
    };

    public static string Explanation(PassState state) => state switch
    {
        PassState.Valid => "入园时向工作人员出示二维码，在预约时段内有效，只能使用一次。",
        PassState.Used => "已在入园处核验，不能再次使用。",
        PassState.Cancelled => "预约已取消，名额已释放；如需祭扫请重新预约。",
        _ => "预约日已过，未入园使用。",
    };
}
