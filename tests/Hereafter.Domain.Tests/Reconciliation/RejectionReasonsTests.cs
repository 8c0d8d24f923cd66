using Hereafter.Domain.Reconciliation;
using static Hereafter.Domain.Tests.Reconciliation.Recon;

namespace Hereafter.Domain.Tests.Reconciliation;

/// <summary>A stored rejection reason reads back into catalogue messages whose English is the stored text exactly.</summary>
public class RejectionReasonsTests
{
    private static string Reason(string line) => Assert.Single(Run(Roll(line.Replace("ZHANG", ZhangId, StringComparison.Ordinal))).Rejected).Reason;

    [Theory]
    [InlineData(",张三,,x,y,z,")]
    [InlineData("123,张三,,1,2026-06,,")]
    [InlineData("ZHANG,张三,,1,2026-06")]
    [InlineData("ZHANG,张三,,\"1); program: unknown programme code (x\",2026-06,,")]
    [InlineData("ZHANG,张三,,12345678901234567890123456789012345678901234567890,2026-13,,")]
    public void TheEnglishMessages_AreTheStoredReason(string line)
    {
        var stored = Reason(line);
        var messages = RejectionReasons.Describe(stored);
        Assert.NotNull(messages);
        Assert.Equal(stored, string.Join(RejectionReasons.Separator, messages.Select(m => m.English)));
    }

    [Fact]
    public void TheChineseMessages_NameEachProblem()
    {
        var messages = RejectionReasons.Describe(Reason(",张三,,x,y,z,"))!;
        Assert.Equal(
            ["身份证号：缺失", "月发放金额：不是非负数，或超过两位小数（\"x\"）", "已发放至：不是 YYYY-MM、YYYY/MM 或 YYYYMM 格式的月份（\"y\"）", "项目：未知的项目代码（\"z\"）"],
            messages.Select(m => m.Chinese));
        Assert.Equal("列数不对：该行有 5 列，表头有 7 列", Assert.Single(RejectionReasons.Describe(Reason("ZHANG,张三,,1,2026-06"))!).Chinese);
    }

    [Theory]
    [InlineData("monthly_amount: not a non-negative decimal with at most two decimals (\"12")] // cut short when stored
    [InlineData("monthly_amount: not a non-negative decimal with at most two decimals (\"{x}\")")]
    [InlineData("id_number: missing; something else")]
    [InlineData("columns: the row has many column(s), the header has 7")]
    [InlineData("")]
    public void AnotherText_IsShownAsStored(string stored) => Assert.Null(RejectionReasons.Describe(stored));
}
