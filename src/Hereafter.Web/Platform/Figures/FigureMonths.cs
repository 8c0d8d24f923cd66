using System.Linq.Expressions;
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
        var boundaries = filter.Months.Skip(1).Select(m => ChinaTime.StartOfDayUtc(new DateOnly(m.Year, m.Month, 1))).ToList();
        var row = instant.Parameters[0];
        Expression month = Expression.Constant(boundaries.Count);
        for (var i = boundaries.Count - 1; i >= 0; i--)
            month = Expression.Condition(Expression.LessThan(instant.Body, Expression.Constant(boundaries[i])), Expression.Constant(i), month);
        var body = new Replace(selector.Parameters[0], row, selector.Parameters[1], month).Visit(selector.Body);
        return query.Select(Expression.Lambda<Func<T, TResult>>(body, row));
    }

    /// <summary>How many rows fall in each month of the period, by the month's index in <see cref="FigureFilter.Months"/>, in one grouped query.</summary>
    public static async Task<IReadOnlyDictionary<int, int>> CountPerMonthAsync<T>(this IQueryable<T> query, FigureFilter filter,
        Expression<Func<T, DateTimeOffset>> instant, CancellationToken ct) =>
        (await query.SelectWithMonth(filter, instant, (row, month) => month).GroupBy(month => month)
            .Select(g => new { Month = g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Month, g => g.Count);

    private sealed class Replace(ParameterExpression row, ParameterExpression byRow, ParameterExpression month, Expression byMonth) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) =>
            node == row ? byRow : node == month ? byMonth : base.VisitParameter(node);
    }
}
