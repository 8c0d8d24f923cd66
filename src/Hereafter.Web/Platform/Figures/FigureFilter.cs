using Hereafter.Domain.Messages;
using Hereafter.Domain.Reconciliation;
using Hereafter.Domain.Time;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Platform.Figures;

/// <summary>
/// What the bureau's figures are asked for: whole months (China time, both included) and optionally one district,
/// named by its six-digit region code (an organisation's <c>RegionCode</c>). Every module's figure query takes the same
/// filter, so the dashboard and a module's own page give the same numbers for the same filter.
/// </summary>
public sealed record FigureFilter(YearMonth From, YearMonth To, string? District)
{
    /// <summary>The longest period one request may cover.</summary>
    public const int MaxMonths = 60;

    /// <summary>Every month of the period, in order.</summary>
    public IReadOnlyList<YearMonth> Months => [.. Enumerable.Range(0, From.MonthsUntil(To) + 1).Select(From.AddMonths)];

    /// <summary>The first instant of <see cref="From"/> in China time, as UTC.</summary>
    public DateTimeOffset StartUtc => ChinaTime.StartOfDayUtc(FirstDay(From));

    /// <summary>The first instant after <see cref="To"/> in China time, as UTC (exclusive end).</summary>
    public DateTimeOffset EndUtc => ChinaTime.StartOfDayUtc(FirstDay(To.AddMonths(1)));

    /// <summary>The first month and the last (inclusive) as yyyyMM numbers, for rows that keep their China month (<see cref="ChinaTime.MonthNumber"/>).</summary>
    public int FirstMonthNumber => From.Year * 100 + From.Month;
    public int LastMonthNumber => To.Year * 100 + To.Month;

    /// <summary>The first China date of the period and the last (inclusive), for tables keyed by date.</summary>
    public DateOnly FirstDate => FirstDay(From);
    public DateOnly LastDate => FirstDay(To.AddMonths(1)).AddDays(-1);

    /// <summary>The China month an instant falls in.</summary>
    public static YearMonth MonthOf(DateTimeOffset at) => YearMonth.Of(ChinaTime.DateOf(at));

    /// <summary>
    /// The filter as a query string without the leading '?' (<c>from=2026-01&amp;to=2026-12&amp;district=520102</c>), the
    /// way the lists behind the figures take it, so a figure's link opens the rows it counts.
    /// </summary>
    public string Query => $"from={From}&to={To}" + (District is null ? "" : $"&district={District}");

    public bool Contains(DateTimeOffset at) => at >= StartUtc && at < EndUtc;

    public bool Contains(DateOnly date) => date >= FirstDate && date <= LastDate;

    private static DateOnly FirstDay(YearMonth m) => new(m.Year, m.Month, 1);

    /// <summary>
    /// Reads <c>from</c>, <c>to</c> (YYYY-MM) and <c>district</c> (six digits) as a page or API gives them. Missing months
    /// mean this year up to this month (China date); a missing or empty district means the whole city. 400 with a field
    /// error for a malformed month, a reversed or too long period, or a district code that is not six digits; whether the
    /// code is a known district is the caller's check (<see cref="Organisations.DistrictDirectory"/>).
    /// </summary>
    public static FigureFilter Parse(string? from, string? to, string? district, TimeProvider clock)
    {
        var errors = new FieldErrors();
        var first = Month(from, "from", errors);
        var last = Month(to, "to", errors);
        var code = string.IsNullOrWhiteSpace(district) ? null : district.Trim();
        if (code is not null && (code.Length != 6 || !code.All(char.IsAsciiDigit)))
            errors.Add("district", new Message("figures.district-invalid"));
        errors.ThrowIfAny();
        var thisMonth = YearMonth.Of(ChinaTime.Today(clock));
        var (f, t) = (first, last) switch
        {
            ({ } a, { } b) => (a, b),
            ({ } a, null) => (a, a.CompareTo(thisMonth) <= 0 ? thisMonth : a),
            (null, { } b) => (new YearMonth(b.Year, 1), b),
            _ => (new YearMonth(thisMonth.Year, 1), thisMonth),
        };
        if (t.CompareTo(f) < 0) errors.Add("to", new Message("figures.period-reversed"));
        else if (f.MonthsUntil(t) + 1 > MaxMonths) errors.Add("to", new Message("figures.period-too-long").With("max", MaxMonths));
        errors.ThrowIfAny();
        return new FigureFilter(f, t, code);
    }

    private static YearMonth? Month(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var trimmed = text.Trim();
        if (trimmed.Length == 7 && trimmed[4] == '-' && YearMonth.TryParse(trimmed, out var month) && month.Year >= 2000) return month;
        errors.Add(field, new Message("figures.month-invalid"));
        return null;
    }
}
