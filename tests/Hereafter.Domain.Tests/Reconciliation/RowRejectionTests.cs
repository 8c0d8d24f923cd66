using Hereafter.Domain.Reconciliation;
using static Hereafter.Domain.Tests.Reconciliation.Recon;

namespace Hereafter.Domain.Tests.Reconciliation;

/// <summary>Rule 2: which rows are rejected, and with which reason.</summary>
public class RowRejectionTests
{
    private static string Reason(string line) => Assert.Single(Run(Roll(line)).Rejected).Reason;

    [Theory]
    [InlineData("-1")]
    [InlineData("-0.00")]
    [InlineData("1.005")]
    [InlineData("1e3")]
    [InlineData("1E+3")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("∞")]
    [InlineData("abc")]
    [InlineData("12a")]
    [InlineData("")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("\"12,34\"")]
    [InlineData("\"1234,567\"")]
    [InlineData("\",123\"")]
    [InlineData("+5")]
    [InlineData("¥5")]
    public void BadAmount_IsRejected(string amount) =>
        Assert.StartsWith("monthly_amount: not a non-negative decimal with at most two decimals", Reason($"{ZhangId},张三,,{amount},2026-06,,"));

    [Theory]
    [InlineData("0", 0)]
    [InlineData("1234", 1234)]
    [InlineData(" 1234.5 ", 1234.5)]
    [InlineData("1234.50", 1234.5)]
    [InlineData("\"1,234.50\"", 1234.5)]
    [InlineData("\"12,345,678.09\"", 12345678.09)]
    [InlineData("007.1", 7.1)]
    public void GoodAmount_IsRead(string amount, double expected)
    {
        var stop = Assert.Single(Run(Roll($"{ZhangId},张三,,{amount},2026-06,,")).Stops);
        Assert.Equal((decimal)expected, stop.Entry.MonthlyAmount);
    }

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("202600")]
    [InlineData("2026")]
    [InlineData("2026-6")]
    [InlineData("June 2026")]
    [InlineData("2026.06")]
    [InlineData("")]
    [InlineData("2026-06-30")]
    public void BadPaidThrough_IsRejected(string month) =>
        Assert.StartsWith("paid_through: not a month", Reason($"{ZhangId},张三,,1,{month},,"));

    [Theory]
    [InlineData("2026-06")]
    [InlineData("2026/06")]
    [InlineData("202606")]
    [InlineData(" 2026-06 ")]
    public void GoodPaidThrough_IsRead(string month) =>
        Assert.Equal(new YearMonth(2026, 6), Assert.Single(Run(Roll($"{ZhangId},张三,,1,{month},,")).Stops).Entry.PaidThrough);

    [Theory]
    [InlineData("", "id_number: missing")]
    [InlineData("  - ", "id_number: missing")]
    [InlineData("52010219500307", "id_number: not 17 digits plus a digit or X")]
    [InlineData("5201021950030700111", "id_number: not 17 digits plus a digit or X")]
    [InlineData("52010219500307001Y", "id_number: not 17 digits plus a digit or X")]
    [InlineData("5201021950030700X1", "id_number: not 17 digits plus a digit or X")]
    [InlineData("52010219500307001１２", "id_number: not 17 digits plus a digit or X")]
    public void BadId_IsRejected(string id, string reason) => Assert.Equal(reason, Reason($"{id},张三,,1,2026-06,,"));

    [Fact]
    public void TooFewColumns_IsRejected() =>
        Assert.Equal("columns: the row has 5 column(s), the header has 7", Reason($"{ZhangId},张三,,1,2026-06"));

    [Fact]
    public void SeveralProblems_AreAllNamedInOneReason() =>
        Assert.Equal(
            "id_number: missing; monthly_amount: not a non-negative decimal with at most two decimals (\"x\"); paid_through: not a month YYYY-MM, YYYY/MM or YYYYMM (\"y\"); program: unknown programme code (\"z\")",
            Reason(",张三,,x,y,z,"));

    [Fact]
    public void ProgramColumn_KnownCodeAppliesItsRule_UnknownIsRejected_EmptyUsesTheRunsProgramme()
    {
        var options = new ReconciliationOptions(Pension)
        {
            Programmes = new Dictionary<string, ProgrammeRule>
            {
                ["dibao"] = new("dibao", "civil-affairs", StopMonthsAfterDeath: 2),
                ["enterprise-pension"] = Pension,
            },
        };
        var result = Run(Roll(
            $"{ZhangId},张三,,100,2026-06, DIBAO ,",
            $"{ZhangId},张三,,100,2026-06,elderly-allowance,",
            $"{ZhangId},张三,,100,2026-06,,"), options: options);

        Assert.Equal(["stop:2", "reject:3", "stop:4"], result.Log);
        Assert.Equal("dibao", result.Stops[0].Entry.Programme);
        Assert.Equal(new YearMonth(2026, 5), result.Stops[0].Terms.StopFrom);
        Assert.Equal("enterprise-pension", result.Stops[1].Entry.Programme);
        Assert.Equal(new YearMonth(2026, 4), result.Stops[1].Terms.StopFrom);
        Assert.Equal("program: unknown programme code (\"elderly-allowance\")", result.Rejected[0].Reason);
    }

    [Fact]
    public void Summary_CountsEveryRowExactlyOnce()
    {
        var near = ZhangId[..10] + (ZhangId[10] == '0' ? '1' : '0') + ZhangId[11..];
        var result = Run(Roll(
            $"{ZhangId},张三,,100,2026-06,,",        // stop, 3 months
            $"{LiId},李四,,50.5,2026-03,,",          // stop, 2 months
            $"{ZhangId},张山,,100,2026-06,,",        // review (a): not in the overpaid figures
            $"{near},张三,,100,2026-06,,",           // review (b)
            "",
            $"{Id("44010119800101001")},钱七,,1,2026-06,,",
            $",钱七,,1,2026-06,,",
            $"{SmithId},John Smith,,1,2026-04,,")); // stop, 0 months
        var s = result.Summary;
        Assert.Equal(7, s.Rows);
        Assert.Equal(3, s.ExactStops);
        Assert.Equal(2, s.Review);
        Assert.Equal(1, s.Rejected);
        Assert.Equal(1, s.Unmatched);
        Assert.Equal(s.Rows, s.ExactStops + s.Review + s.Rejected + s.Unmatched);
        Assert.Equal(5, s.OverpaidMonths);
        Assert.Equal(401.00m, s.OverpaidAmount);
    }
}
