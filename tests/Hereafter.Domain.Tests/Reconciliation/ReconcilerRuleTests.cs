using Hereafter.Domain.Reconciliation;
using static Hereafter.Domain.Tests.Reconciliation.Recon;

namespace Hereafter.Domain.Tests.Reconciliation;

public class ReconcilerRuleTests
{
    [Fact]
    public void ExactStop_SameIdAndName_StopsFromTheMonthAfterDeathAndPricesTheOverpayment()
    {
        // 张三 died 2026-03-15: paid for March, stop from April; paid through June = 3 months too many.
        var result = Run(Roll($"{ZhangId},张三,1950-03-07,\"1,234.50\",2026-06,,6222020000000001"));

        var stop = Assert.Single(result.Stops);
        Assert.Equal(2, stop.Entry.Row);
        Assert.Equal(ZhangId, stop.Entry.IdNumber);
        Assert.Equal("张三", stop.Entry.Name);
        Assert.Equal("enterprise-pension", stop.Entry.Programme);
        Assert.Equal("6222020000000001", stop.Entry.Account);
        Assert.Equal(1234.50m, stop.Entry.MonthlyAmount);
        Assert.Equal(new DateOnly(2026, 3, 15), stop.Death.DeathDate);
        Assert.Equal(new YearMonth(2026, 4), stop.Terms.StopFrom);
        Assert.Equal(3, stop.Terms.OverpaidMonths);
        Assert.Equal(3703.50m, stop.Terms.OverpaidAmount);
        Assert.False(stop.Entry.SuspectId);
        Assert.Equal(new ReconciliationSummary(1, 1, 0, 0, 0, 3, 3703.50m, []), result.Summary with { DeathsRejected = [] });
    }

    [Theory]
    [InlineData("2026-03", 0)] // paid for the month of death only: nothing to recover, but still stop
    [InlineData("2026-01", 0)] // paid through a month before death: never negative
    [InlineData("2026-04", 1)]
    [InlineData("2027-03", 12)]
    public void ExactStop_OverpaidMonths_CountFromTheMonthAfterDeath(string paidThrough, int months)
    {
        var stop = Assert.Single(Run(Roll($"{ZhangId},张三,,100.10,{paidThrough},,")).Stops);
        Assert.Equal(months, stop.Terms.OverpaidMonths);
        Assert.Equal(months * 100.10m, stop.Terms.OverpaidAmount);
        Assert.Equal(new YearMonth(2026, 4), stop.Terms.StopFrom);
    }

    [Fact]
    public void ExactStop_ProgrammeWithLaterStopMonth_UsesItsRule()
    {
        var dibao = new ProgrammeRule("dibao", "civil-affairs", StopMonthsAfterDeath: 2);
        var options = new ReconciliationOptions(dibao);
        var stop = Assert.Single(Run(Roll($"{ZhangId},张三,,500,2026-06,,"), options: options).Stops);
        Assert.Equal(new YearMonth(2026, 5), stop.Terms.StopFrom);
        Assert.Equal(2, stop.Terms.OverpaidMonths);
        Assert.Equal(1000.00m, stop.Terms.OverpaidAmount);
    }

    [Fact]
    public void ReviewA_SameIdOtherName_GoesToReviewWithTheDeathAsCandidate()
    {
        var result = Run(Roll($"{ZhangId},张山,,100,2026-06,,"));
        Assert.Empty(result.Stops);
        var review = Assert.Single(result.Reviews);
        Assert.Equal(ReviewReason.IdMatchNameDiffers, review.Reason);
        Assert.Equal(ZhangId, review.Candidate.IdNumber);
        Assert.Equal("张三", review.Candidate.Name);
        Assert.Equal(new StopTerms(new YearMonth(2026, 4), 3, 300.00m), review.Terms);
    }

    [Fact]
    public void ReviewB_OneDigitTypo_GoesToReview()
    {
        var typo = ZhangId[..10] + (ZhangId[10] == '0' ? '1' : '0') + ZhangId[11..];
        var review = Assert.Single(Run(Roll($"{typo},张三,,100,2026-06,,")).Reviews);
        Assert.Equal(ReviewReason.IdNearMatch, review.Reason);
        Assert.Equal(ZhangId, review.Candidate.IdNumber);
        Assert.True(review.Entry.SuspectId); // one changed digit breaks the check character
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8)] // the swap across the middle of the number
    [InlineData(9)]
    [InlineData(16)] // the last digit with the check character
    public void ReviewB_AdjacentTransposition_GoesToReview(int position)
    {
        var id = Id("12345678901234561"); // check character 8: every adjacent pair differs
        var deaths = DeathRegister.From([new Death(id, "赵六", null, new DateOnly(2026, 1, 5))]);
        var swapped = id[..position] + id[position + 1] + id[position] + id[(position + 2)..];
        Assert.NotEqual(id, swapped);

        var result = Run(Roll($"{swapped},赵六,,100,2026-06,,"), deaths);
        var review = Assert.Single(result.Reviews);
        Assert.Equal(ReviewReason.IdNearMatch, review.Reason);
        Assert.Equal(id, review.Candidate.IdNumber);
    }

    [Fact]
    public void ReviewB_TwoDigitsDifferent_IsNotNear()
    {
        var id = Id("12345678901234567");
        var deaths = DeathRegister.From([new Death(id, "赵六", null, new DateOnly(2026, 1, 5))]);
        var twoOff = "99" + id[2..];
        var result = Run(Roll($"{twoOff},赵六,1999-01-01,100,2026-06,,"), deaths);
        Assert.Empty(result.Reviews);
        Assert.Equal(1, result.Summary.Unmatched);
    }

    [Fact]
    public void ReviewB_NearIdButOtherName_IsUnmatched()
    {
        var typo = ZhangId[..10] + (ZhangId[10] == '0' ? '1' : '0') + ZhangId[11..];
        var result = Run(Roll($"{typo},张四,,100,2026-06,,"));
        Assert.Empty(result.Reviews);
        Assert.Equal(1, result.Summary.Unmatched);
    }

    [Fact]
    public void ReviewC_SameNameAndBirthDateFromTheRollColumn_GoesToReview()
    {
        var other = Id("52262719500307009"); // another region, same birth date digits
        var review = Assert.Single(Run(Roll($"{other},张三,1950/03/07,100,2026-06,,")).Reviews);
        Assert.Equal(ReviewReason.NameAndBirthDate, review.Reason);
        Assert.Equal(ZhangId, review.Candidate.IdNumber);
    }

    [Fact]
    public void ReviewC_BirthDateColumnUnparseable_FallsBackToTheIdDigits()
    {
        var other = Id("52262719500307009");
        var review = Assert.Single(Run(Roll($"{other},张三,不详,100,2026-06,,")).Reviews);
        Assert.Equal(ReviewReason.NameAndBirthDate, review.Reason);
    }

    [Fact]
    public void ReviewC_BirthDateColumnWins_OverTheIdDigits()
    {
        // the ID says 1950-03-07 but the column says 1951-01-01: no match on birth date
        var other = Id("52262719500307009");
        var result = Run(Roll($"{other},张三,19510101,100,2026-06,,"));
        Assert.Empty(result.Reviews);
        Assert.Equal(1, result.Summary.Unmatched);
    }

    [Fact]
    public void ReviewC_DeathWithoutBirthDate_UsesItsIdDigits()
    {
        // 王小明's deaths row has no birth date; his ID says 1938-01-01
        var other = Id("11010119380101007");
        var review = Assert.Single(Run(Roll($"{other},王小明,,100,2026-06,,")).Reviews);
        Assert.Equal(ReviewReason.NameAndBirthDate, review.Reason);
        Assert.Equal(WangId, review.Candidate.IdNumber);
    }

    [Fact]
    public void ReviewOrder_NearIdBeatsBirthDate_AndIdMatchBeatsBoth()
    {
        var near = ZhangId[..10] + (ZhangId[10] == '0' ? '1' : '0') + ZhangId[11..];
        var result = Run(Roll(
            $"{ZhangId},张 山,1950-03-07,100,2026-06,,", // (a) although name differs and birth date agrees
            $"{near},张三,1950-03-07,100,2026-06,,"));   // (b) although (c) also holds
        Assert.Equal(["review:2:IdMatchNameDiffers", "review:3:IdNearMatch"], result.Log);
    }

    [Fact]
    public void Unmatched_NoRuleApplies_IsCountedButNotSent()
    {
        var result = Run(Roll($"{Id("44010119800101001")},钱七,1980-01-01,100,2026-06,,"));
        Assert.Empty(result.Log);
        Assert.Equal(1, result.Summary.Rows);
        Assert.Equal(1, result.Summary.Unmatched);
    }

    [Fact]
    public void Names_VariantsOfTheSamePerson_AreEqual()
    {
        var result = Run(Roll(
            $"{ZhangId},\u3000张 三 ,,100,2026-06,,",
            $"{AhmatId},阿合买提・买买提,,100,2026-06,,",
            $"{AhmatId},阿合买提•买买提,,100,2026-06,,",
            $"{AhmatId},阿合买提‧买买提,,100,2026-06,,",
            $"{AhmatId},阿合买提･买买提,,100,2026-06,,",
            $"{AhmatId},阿合买提买买提,,100,2026-06,,",
            $"{SmithId},ＪＯＨＮ ｓｍｉｔｈ,,100,2026-06,,",
            $"{SmithId},john smith,,100,2026-06,,",
            $"{SmithId},JohnSmith,,100,2026-06,,"));
        Assert.Equal(9, result.Stops.Count);
        Assert.Equal("\u3000张 三".Trim(), result.Stops[0].Entry.Name); // displayed as written, trimmed
    }

    [Fact]
    public void Ids_MessyForms_AreNormalisedBeforeMatching()
    {
        var fullWidth = string.Concat(ZhangId.Select(c => (char)(c + 0xFEE0)));
        var legacy15 = "520102500307001"; // 张三's ID in the 15-digit form
        Assert.Equal(ZhangId, Hereafter.Domain.Identity.IdNumber.ConvertLegacy(legacy15));
        var lowerX = Id("11010519491231002");
        Assert.EndsWith("X", lowerX);
        var deaths = DeathRegister.From([new Death(lowerX, "钱八", null, new DateOnly(2026, 2, 1))]);

        var result = Run(Roll(
            $"{fullWidth},张三,,100,2026-06,,",
            $" {ZhangId[..6]}-{ZhangId[6..14]} {ZhangId[14..]} ,张三,,100,2026-06,,",
            $"{legacy15},张三,,100,2026-06,,"));
        Assert.Equal(3, result.Stops.Count);
        Assert.All(result.Stops, s => Assert.Equal(ZhangId, s.Entry.IdNumber));

        var lower = Run(Roll($"{lowerX.ToLowerInvariant()},钱八,,100,2026-06,,"), deaths);
        Assert.Equal(lowerX, Assert.Single(lower.Stops).Entry.IdNumber);
    }

    [Fact]
    public void WrongCheckCharacter_IsNotRejected_ButMarkedSuspect()
    {
        var first17 = "44010119800101001";
        var wrong = WrongCheck(first17);
        var deaths = DeathRegister.From([new Death(Id(first17), "孙九", null, new DateOnly(2026, 1, 5))]);
        var result = Run(Roll($"{wrong},孙九,,100,2026-06,,"), deaths);
        Assert.Empty(result.Rejected);
        var review = Assert.Single(result.Reviews); // differs from the register in one character
        Assert.True(review.Entry.SuspectId);
        Assert.Equal(wrong, review.Entry.IdNumber);
    }
}
