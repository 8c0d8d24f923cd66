using System.Linq.Expressions;
using Hereafter.Domain.Reconciliation;
using Hereafter.Domain.Time;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Platform.Figures;

/// <summary>
/// Counting by China month in SQL on both providers: the month of a stored instant as a CASE over the period's month
/// boundaries (each China midnight as a UTC instant, compared as the provider stores instants: a long on SQLite, a
/// <c>timestamptz</c> on PostgreSQL), so a reader can GROUP BY it instead of loading the period's rows (ADR 0036).
/// </summary>
public static class FigureMonths
{
    /// <summary>
    /// Projects each row with the index of its month in <see cref="FigureFilter.Months"/> (0 for the first; rows outside
    /// the period must be filtered out first: before the period counts as 0, after it as the last).
    /// </summary>
    public static IQueryable<TResult> SelectWithMonth<T, TResult>(this IQueryable<T> query, FigureFilter filter,
        Expression<Func<T, DateTimeOffset>> instant, Expression<Func<T, int, TResult>> selector)
    {
        var row = instant.Parameters[0];
        var month = MonthOf(filter, instant.Body);
        var body = new Replace(selector.Parameters[0], row, selector.Parameters[1], month).Visit(selector.Body);
        return query.Select(Expression.Lambda<Func<T, TResult>>(body, row));
    }

    /// <summary>How many rows fall in each month of the period, by the month's index in <see cref="FigureFilter.Months"/>, in one grouped query.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> CountPerMonthAsync<T>(this IQueryable<T> query, FigureFilter filter,
        Expression<Func<T, DateTimeOffset>> instant, CancellationToken ct) =>
        (await query.SelectWithMonth(filter, instant, (row, month) => month).GroupBy(month => month)
            .Select(g => new { Month = g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Month, g => g.Count);

    /// <summary>
    /// Several figures of the same rows in one grouped query: by month of the period and <paramref name="key"/>, how many
    /// rows there are and how many of them each rule counts (<c>SUM(CASE WHEN rule THEN 1 ELSE 0 END)</c>), so a reader
    /// scans its rows once instead of once per figure. At most <see cref="FigureGroup{TKey}.MaxRules"/> rules.
    /// </summary>
    public static Task<IReadOnlyList<FigureGroup<TKey>>> CountPerMonthAsync<T, TKey>(this IQueryable<T> query, FigureFilter filter,
        Expression<Func<T, DateTimeOffset>> instant, Expression<Func<T, TKey>> key, IReadOnlyList<Expression<Func<T, bool>>> rules, CancellationToken ct) =>
        GroupAsync(query, instant.Parameters[0], MonthOf(filter, instant.Body), month => month, key, rules, ct);

    /// <summary>
    /// As the overload above, for rows that keep the China month of their instant as a yyyyMM number
    /// (<see cref="ChinaTime.MonthNumber"/>): grouped by that column, so an index that starts with it and the key gives
    /// the groups in order and SQLite does not sort the rows first. The query must already be limited to the period's
    /// months (<see cref="FigureFilter.FirstMonthNumber"/> to <see cref="FigureFilter.LastMonthNumber"/>).
    /// </summary>
    public static Task<IReadOnlyList<FigureGroup<TKey>>> CountPerMonthAsync<T, TKey>(this IQueryable<T> query, FigureFilter filter,
        Expression<Func<T, int>> monthNumber, Expression<Func<T, TKey>> key, IReadOnlyList<Expression<Func<T, bool>>> rules, CancellationToken ct) =>
        GroupAsync(query, monthNumber.Parameters[0], monthNumber.Body, number => filter.From.MonthsUntil(new YearMonth(number / 100, number % 100)),
            key, rules, ct);

    /// <summary>
    /// One grouped statement: by the month expression (on <paramref name="row"/>) and the key, the rows and each rule's
    /// count; <paramref name="monthIndex"/> turns the month as grouped into its index in the period.
    /// </summary>
    private static async Task<IReadOnlyList<FigureGroup<TKey>>> GroupAsync<T, TKey>(IQueryable<T> query, ParameterExpression row, Expression month,
        Func<int, int> monthIndex, Expression<Func<T, TKey>> keyOf, IReadOnlyList<Expression<Func<T, bool>>> rules, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rules.Count, FigureGroup<TKey>.MaxRules, nameof(rules));
        Expression On(LambdaExpression e) => new Replace(e.Parameters[0], row, row, row).Visit(e.Body);
        var key = On(keyOf);
        var counted = new Expression[FigureGroup<TKey>.MaxRules];
        for (var i = 0; i < counted.Length; i++)
            counted[i] = i < rules.Count ? Expression.Condition(On(rules[i]), Expression.Constant(1), Expression.Constant(0)) : Expression.Constant(0);
        var type = typeof(FigureRow<TKey>);
        var projection = Expression.Lambda<Func<T, FigureRow<TKey>>>(Expression.MemberInit(Expression.New(type),
            Expression.Bind(type.GetProperty(nameof(FigureRow<TKey>.Month))!, month),
            Expression.Bind(type.GetProperty(nameof(FigureRow<TKey>.Key))!, key),
            Expression.Bind(type.GetProperty(nameof(FigureRow<TKey>.R0))!, counted[0]),
            Expression.Bind(type.GetProperty(nameof(FigureRow<TKey>.R1))!, counted[1]),
            Expression.Bind(type.GetProperty(nameof(FigureRow<TKey>.R2))!, counted[2]),
            Expression.Bind(type.GetProperty(nameof(FigureRow<TKey>.R3))!, counted[3])), row);
        var groups = await query.Select(projection)
            .GroupBy(r => new { r.Month, r.Key })
            .Select(g => new { g.Key.Month, g.Key.Key, Rows = g.Count(), R0 = g.Sum(r => r.R0), R1 = g.Sum(r => r.R1), R2 = g.Sum(r => r.R2), R3 = g.Sum(r => r.R3) })
            .ToListAsync(ct);
        return [.. groups.Select(g => new FigureGroup<TKey>(monthIndex(g.Month), g.Key, g.Rows, new[] { g.R0, g.R1, g.R2, g.R3 }[..rules.Count]))];
    }

    /// <summary>The month index of an instant as a CASE over the period's month boundaries (China midnights as UTC instants).</summary>
    private static Expression MonthOf(FigureFilter filter, Expression instant)
    {
        var boundaries = filter.Months.Skip(1).Select(m => ChinaTime.StartOfDayUtc(new DateOnly(m.Year, m.Month, 1))).ToList();
        Expression month = Expression.Constant(boundaries.Count);
        for (var i = boundaries.Count - 1; i >= 0; i--)
            month = Expression.Condition(Expression.LessThan(instant, Expression.Constant(boundaries[i])), Expression.Constant(i), month);
        return month;
    }

    private sealed class Replace(ParameterExpression row, ParameterExpression byRow, ParameterExpression month, Expression byMonth) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == row ? byRow : node == month ? byMonth : base.VisitParameter(node);
    }
}

/// <summary>One group of <see cref="FigureMonths.CountPerMonthAsync{T, TKey}(IQueryable{T}, FigureFilter, Expression{Func{T, DateTimeOffset}}, Expression{Func{T, TKey}}, IReadOnlyList{Expression{Func{T, bool}}}, CancellationToken)"/>:
/// the month's index in the period, the key, how many rows, and how many each rule counts (in the rules' order).</summary>
public sealed record FigureGroup<TKey>(int Month, TKey Key, int Rows, IReadOnlyList<int> Counted)
{
    public const int MaxRules = 4;
}

/// <summary>A row as the grouped count projects it (public with setters so EF can translate the member initialisation).</summary>
public sealed class FigureRow<TKey>
{
    public int Month { get; set; }
    public TKey Key { get; set; } = default!;
    public int R0 { get; set; }
    public int R1 { get; set; }
    public int R2 { get; set; }
    public int R3 { get; set; }
}
