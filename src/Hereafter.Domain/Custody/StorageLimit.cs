namespace Hereafter.Domain.Custody;

/// <summary>
/// The storage limit (遗体存放时限, "通常不超过 3 天", DOMAIN.md §7). The limit counts whole days of 24 hours from the
/// arrival instant, not China calendar days (ADR 0028): a body that arrives at 23:30 and one that arrives at 00:30
/// Asia/Shanghai both get exactly <c>days × 24</c> hours, so neither gains nor loses most of a day by the clock's date.
/// An extension sets the limit to the instant it names.
/// </summary>
public static class StorageLimit
{
    /// <summary>When storage ends without an extension.</summary>
    public static DateTimeOffset Until(DateTimeOffset arrivedAt, int days) => arrivedAt.AddDays(days);

    /// <summary>
    /// Whether the body is over its limit at <paramref name="now"/>: still in storage (not yet cremated) and past the
    /// limit. A frozen record keeps its timer: a body held because of a revoked certificate is still counted.
    /// </summary>
    public static bool IsOver(CustodyState state, DateTimeOffset? until, DateTimeOffset now) =>
        state == CustodyState.InStorage && until is { } limit && now > limit;
}
