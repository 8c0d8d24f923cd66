using System.Text;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Reconciliation;

namespace Hereafter.Domain.Tests.Reconciliation;

/// <summary>Small builders for rolls and death registers, and a sink that records what the engine said.</summary>
internal static class Recon
{
    public static readonly ProgrammeRule Pension = ProgrammeRules.Defaults["enterprise-pension"];

    public const string RollHeader = "id_number,name,birth_date,monthly_amount,paid_through,program,account";

    /// <summary>A valid 18-character ID from its first 17 digits.</summary>
    public static string Id(string first17) => first17 + IdNumber.ComputeCheckCharacter(first17);

    /// <summary>The same ID with a wrong check character.</summary>
    public static string WrongCheck(string first17)
    {
        var right = IdNumber.ComputeCheckCharacter(first17);
        return first17 + (right == '0' ? '1' : '0');
    }

    // The people of the register used across the tests.
    public static readonly string ZhangId = Id("52010219500307001"); // 张三, born 1950-03-07, died 2026-03-15
    public static readonly string LiId = Id("52010219421111002");    // 李四, born 1942-11-11, died 2026-01-31
    public static readonly string WangId = Id("52010319380101003");  // 王小明, born 1938-01-01, died 2025-12-01
    public static readonly string AhmatId = Id("65010219600505004"); // 阿合买提·买买提, died 2026-02-10
    public static readonly string SmithId = Id("11010519700808005"); // John Smith, died 2026-04-30

    public static string DeathsCsv =>
        "id_number,name,birth_date,death_date\n"
        + $"{ZhangId},张三,1950-03-07,2026-03-15\n"
        + $"{LiId},李四,1942-11-11,2026-01-31\n"
        + $"{WangId},王小明,,2025-12-01\n"
        + $"{AhmatId},阿合买提·买买提,1960-05-05,2026-02-10\n"
        + $"{SmithId},John Smith,1970-08-08,2026-04-30\n";

    public static DeathRegister Deaths() => DeathRegister.ReadCsv(Utf8(DeathsCsv));

    public static MemoryStream Utf8(string text) => new(new UTF8Encoding(false).GetBytes(text));

    public static Recorded Run(string rollCsv, DeathRegister? deaths = null, ReconciliationOptions? options = null) =>
        Run(Utf8(rollCsv), deaths, options);

    public static Recorded Run(Stream roll, DeathRegister? deaths = null, ReconciliationOptions? options = null)
    {
        var sink = new Recorded();
        sink.Summary = Reconciler.Run(deaths ?? Deaths(), roll, options ?? new ReconciliationOptions(Pension), sink);
        return sink;
    }

    /// <summary>A roll with the standard header and the given data lines.</summary>
    public static string Roll(params string[] lines) => RollHeader + "\n" + string.Join("\n", lines) + "\n";
}

internal sealed class Recorded : IReconciliationSink
{
    public List<StopRow> Stops { get; } = [];
    public List<ReviewRow> Reviews { get; } = [];
    public List<RejectedRow> Rejected { get; } = [];

    /// <summary>Every call in order: "stop:row", "review:row:reason", "reject:row".</summary>
    public List<string> Log { get; } = [];

    public ReconciliationSummary Summary { get; set; } = null!;

    public void Stop(StopRow row)
    {
        Stops.Add(row);
        Log.Add($"stop:{row.Entry.Row}");
    }

    public void Review(ReviewRow row)
    {
        Reviews.Add(row);
        Log.Add($"review:{row.Entry.Row}:{row.Reason}");
    }

    public void Reject(RejectedRow row)
    {
        Rejected.Add(row);
        Log.Add($"reject:{row.Row}");
    }

    /// <summary>The classification of one roll row (by its row number): stop, review:reason, reject, or unmatched.</summary>
    public string ClassOf(long row) =>
        Stops.Any(s => s.Entry.Row == row) ? "stop"
        : Reviews.FirstOrDefault(r => r.Entry.Row == row) is { } review ? $"review:{review.Reason}"
        : Rejected.Any(r => r.Row == row) ? "reject"
        : "unmatched";
}
