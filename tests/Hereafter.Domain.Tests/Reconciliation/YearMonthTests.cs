using Hereafter.Domain.Reconciliation;

namespace Hereafter.Domain.Tests.Reconciliation;

public class YearMonthTests
{
    [Theory]
    [InlineData("2026-01", 2026, 1)]
    [InlineData("2026/12", 2026, 12)]
    [InlineData("199902", 1999, 2)]
    [InlineData("\t2026-07 ", 2026, 7)]
    public void TryParse_AcceptedForms(string text, int year, int month)
    {
        Assert.True(YearMonth.TryParse(text, out var parsed));
        Assert.Equal(new YearMonth(year, month), parsed);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("0000-01")]
    [InlineData("2026_01")]
    [InlineData("20261")]
    [InlineData("2026-1")]
    [InlineData("２０２６-０１")]
    [InlineData("abcd-ef")]
    [InlineData("")]
    public void TryParse_RejectedForms(string text) => Assert.False(YearMonth.TryParse(text, out _));

    [Fact]
    public void Arithmetic_CrossesYears()
    {
        Assert.Equal(new YearMonth(2027, 1), new YearMonth(2026, 12).AddMonths(1));
        Assert.Equal(13, new YearMonth(2025, 12).MonthsUntil(new YearMonth(2027, 1)));
        Assert.Equal("2026-04", new YearMonth(2026, 4).ToString());
    }
}
