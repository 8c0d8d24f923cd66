using Hereafter.Domain.Reconciliation;
using static Hereafter.Domain.Tests.Reconciliation.Recon;

namespace Hereafter.Domain.Tests.Reconciliation;

public class DeathRegisterTests
{
    [Fact]
    public void DeathsFile_ProblemRows_AreReportedAndTheFirstValidRecordWins()
    {
        var csv = "id_number,name,birth_date,death_date\n"
            + $"{ZhangId},张三,1950-03-07,\n"                 // 2: missing death date
            + $"{ZhangId},张三,1950-03-07,2026-02-30\n"       // 3: not a date
            + $"{ZhangId},张三,1950-03-07,2026-03-15\n"       // 4: the record used
            + "\n"
            + $"{ZhangId.ToLowerInvariant()},张三丰,,2026-05-01\n" // 6: repeated (after normalisation)
            + $"{WrongCheck("52010219421111002")},李四,,2026-01-31\n" // 7: wrong check character
            + "123,王五,,2026-01-31\n"                           // 8: not an ID
            + ",王五,,2026-01-31\n"                              // 9: missing ID
            + $"{LiId},李四\n"                                   // 10: too few columns
            + $"{LiId},李四,1942/11/11,20260131\n";              // 11: used
        var deaths = DeathRegister.ReadCsv(Utf8(csv));

        Assert.Equal(2, deaths.Count);
        Assert.Equal(
            [
                new DeathRejection(2, ZhangId, "death_date: missing"),
                new DeathRejection(3, ZhangId, "death_date: not a date (YYYY-MM-DD, YYYY/MM/DD or YYYYMMDD)"),
                new DeathRejection(6, ZhangId, "id_number: repeated; the record on row 4 is used"),
                new DeathRejection(7, WrongCheck("52010219421111002"), "id_number: wrong check character"),
                new DeathRejection(8, "123", "id_number: not 17 digits plus a digit or X"),
                new DeathRejection(9, "", "id_number: missing"),
                new DeathRejection(10, LiId, "columns: the row has 2 column(s), 4 needed"),
            ],
            deaths.Rejected);

        var stops = Run(Roll($"{ZhangId},张三,,1,2026-06,,", $"{LiId},李四,,1,2026-06,,"), deaths).Stops;
        Assert.Equal(new DateOnly(2026, 3, 15), stops[0].Death.DeathDate);
        Assert.Equal(new DateOnly(1942, 11, 11), stops[1].Death.BirthDate);
        Assert.Equal(new DateOnly(2026, 1, 31), stops[1].Death.DeathDate);
    }

    [Fact]
    public void ABigDeathsFile_ReadInPieces_KeepsFileOrder()
    {
        // ~6 MB: the file is parsed in several pieces on other threads, then added in file order. Every 1,000th record
        // repeats the ID of the record 40,000 rows earlier (in an earlier piece) with another death date, and every
        // 997th has no death date: the rejections must come in file order and the earlier record must win.
        const int Records = 150_000;
        var builder = new System.Text.StringBuilder("id_number,name,birth_date,death_date\r\n");
        var expected = new List<DeathRejection>();
        string IdOf(int k) => Id($"52010{k:D6}000000");
        for (var k = 0; k < Records; k++)
        {
            var row = k + 2;
            if (k % 997 == 996)
            {
                builder.Append($"{IdOf(k)},缺日期{k},,\r\n");
                expected.Add(new DeathRejection(row, IdOf(k), "death_date: missing"));
            }
            else if (k % 1000 == 999 && k >= 40_000 && (k - 40_000) % 997 != 996 && (k - 40_000) % 1000 != 999)
            {
                builder.Append($"{IdOf(k - 40_000)},重复{k},,2026-12-01\r\n");
                expected.Add(new DeathRejection(row, IdOf(k - 40_000), $"id_number: repeated; the record on row {row - 40_000} is used"));
            }
            else
            {
                builder.Append($"{IdOf(k)},某人{k % 5000},,2025-{k % 12 + 1:D2}-01\r\n");
            }
        }

        var deaths = DeathRegister.ReadCsv(Utf8(builder.ToString()));

        Assert.True(System.Text.Encoding.UTF8.GetByteCount(builder.ToString()) > 4 * 1024 * 1024);
        Assert.Equal(expected, deaths.Rejected);
        Assert.Equal(Records - expected.Count, deaths.Count);
        var repeated = IdOf(40_999 - 40_000);
        var stop = Assert.Single(Run(Roll($"{repeated},某人{999 % 5000},,1,2026-06,,"), deaths).Stops);
        Assert.Equal(new DateOnly(2025, 999 % 12 + 1, 1), stop.Death.DeathDate);
    }

    [Fact]
    public void DeathsFile_ChineseHeadersInAnyOrder_AreRead()
    {
        var deaths = DeathRegister.ReadCsv(Utf8($"死亡日期,姓名,身份证号\n2026-03-15,张三,{ZhangId}\n"));
        Assert.Equal(1, deaths.Count);
        Assert.Single(Run(Roll($"{ZhangId},张三,,1,2026-06,,"), deaths).Stops);
    }

    [Fact]
    public void DeathsFile_WithoutDeathDateColumn_IsRefused()
    {
        var error = Assert.Throws<RollFormatException>(() => DeathRegister.ReadCsv(Utf8($"id_number,name\n{ZhangId},张三\n")));
        Assert.Equal("missing-columns", error.Code);
        Assert.Contains("death_date", error.Message);
    }

    [Fact]
    public void FromCertificates_NormalisesIdsAndKeepsTheFirstOfEachId()
    {
        var deaths = DeathRegister.From(
        [
            new Death(" " + ZhangId[..6] + " " + ZhangId[6..], "张三", null, new DateOnly(2026, 3, 15)),
            new Death(ZhangId, "张三", null, new DateOnly(2026, 9, 1)),
        ]);
        Assert.Equal(1, deaths.Count);
        Assert.Equal(2, Assert.Single(deaths.Rejected).Row);
        var stop = Assert.Single(Run(Roll($"{ZhangId},张三,,1,2026-06,,"), deaths).Stops);
        Assert.Equal(ZhangId, stop.Death.IdNumber);
        Assert.Equal(new DateOnly(2026, 3, 15), stop.Death.DeathDate);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void TwoNearCandidates_TheEarlierInRegisterOrderIsTheCandidate(bool reversed)
    {
        // the roll ID is one character from 'a' (the first digit) and one from 'b' (the check character)
        var a = Id("52010219500307001");
        var rollId = "6" + a[1..];
        var b = Id(rollId[..17]);
        Assert.NotEqual(rollId, b);
        Death[] people =
        [
            new Death(Id("11010119000101001"), "张伟", null, new DateOnly(2026, 1, 1)),
            new Death(a, "张伟", null, new DateOnly(2026, 1, 2)),
            new Death(b, "张伟", null, new DateOnly(2026, 1, 3)),
        ];
        var deaths = DeathRegister.From(reversed ? people.Reverse() : people);

        var review = Assert.Single(Run(Roll($"{rollId},张伟,,1,2026-06,,"), deaths).Reviews);
        Assert.Equal(ReviewReason.IdNearMatch, review.Reason);
        Assert.Equal(reversed ? b : a, review.Candidate.IdNumber);
    }

    [Fact]
    public void TwoBirthDateCandidates_TheEarlierInRegisterOrderIsTheCandidate()
    {
        var deaths = DeathRegister.From(
        [
            new Death(Id("11010119500307001"), "张伟", null, new DateOnly(2026, 1, 1)),
            new Death(Id("22010119500307001"), "张伟", null, new DateOnly(2026, 1, 2)),
        ]);
        var review = Assert.Single(Run(Roll($"{Id("33010119500307001")},张伟,,1,2026-06,,"), deaths).Reviews);
        Assert.Equal(ReviewReason.NameAndBirthDate, review.Reason);
        Assert.Equal(Id("11010119500307001"), review.Candidate.IdNumber);
    }
}
