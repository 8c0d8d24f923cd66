using System.Text;
using Hereafter.Domain.Reconciliation;
using static Hereafter.Domain.Tests.Reconciliation.Recon;

namespace Hereafter.Domain.Tests.Reconciliation;

/// <summary>Classifying CSV pieces on other threads gives exactly the sequential result.</summary>
public class ParallelRunTests
{
    private static string BigRoll(int rows, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(RollHeader + "\r\n");
        for (var i = 0; i < rows; i++)
        {
            switch (random.Next(12))
            {
                case 0:
                    builder.Append($"{ZhangId},\"张\r\n三\",,\"1,000.5\",2026-0{random.Next(1, 9)},,\"a\"\"b,\nc\"\r\n");
                    break;
                case 1:
                    builder.Append($"{LiId},李斯,,12.5,2026-02,,acct-{i}\r\n");
                    break;
                case 2:
                    builder.Append("\r\n\r\n");
                    break;
                case 3:
                    builder.Append($"{SmithId},\"John\"\"Smith\",1970-08-08,\"1,234\",2026-09,,x\"y\r\n");
                    break;
                case 4:
                    builder.Append("bad,row\r\n");
                    break;
                default:
                    builder.Append($"{Id($"4401011980{random.Next(10, 99)}01001")},某人{i},1980-01-01,100.00,2026-06,resident-pension,6222{i:D6}\r\n");
                    break;
            }
        }

        return builder.ToString();
    }

    [Theory]
    [InlineData(60_000, 1)]
    [InlineData(25_000, 2)]
    public void ParallelAndSequential_GiveTheSameCallsInTheSameOrder(int rows, int seed)
    {
        var roll = BigRoll(rows, seed);
        var sequential = Run(roll, options: new ReconciliationOptions(Pension) { Parallel = false });
        var parallel = Run(roll, options: new ReconciliationOptions(Pension) { Parallel = true });

        Assert.True(sequential.Log.Count > rows / 4);
        Assert.Equal(sequential.Log, parallel.Log);
        Assert.Equal(sequential.Stops, parallel.Stops);
        Assert.Equal(sequential.Reviews, parallel.Reviews);
        Assert.Equal(sequential.Rejected, parallel.Rejected);
        Assert.Equal(sequential.Summary with { DeathsRejected = [] }, parallel.Summary with { DeathsRejected = [] });
    }

    [Fact]
    public void AQuotedFieldLongerThanTheReadBuffer_IsOneField()
    {
        var huge = new string('长', 1_500_000) + "\n" + new string('x', 1_500_000);
        var roll = Roll(
            $"{ZhangId},张三,,1,2026-06,,\"{huge}\"",
            $"{LiId},李四,,1,2026-06,,");
        foreach (var parallel in new[] { false, true })
        {
            // longer than the default record cap (1 Mi characters) too: a department that raised the cap gets it whole
            var options = new ReconciliationOptions(Pension) { Parallel = parallel, Limits = new RollLimits { MaxRecordChars = 4 * 1024 * 1024 } };
            var result = Run(roll, options: options);
            Assert.Equal(["stop:2", "stop:4"], result.Log);
            Assert.Equal(huge, result.Stops[0].Entry.Account);
        }
    }
}
