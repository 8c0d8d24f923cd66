using System.Text;

namespace Hereafter.Domain.Reconciliation;

/// <summary>The death register indexed for matching: by ID, and by normalised name.</summary>
public sealed class DeathRegister
{
    public int Count => throw new NotImplementedException();
    public IReadOnlyList<DeathRejection> Rejected => throw new NotImplementedException();

    /// <summary>From the platform's certificates (already valid; the first record of each ID wins).</summary>
    public static DeathRegister From(IEnumerable<Death> deaths) => throw new NotImplementedException();

    /// <summary>From a deaths CSV <c>id_number,name,birth_date,death_date</c> (UTF-8); bad rows go to <see cref="Rejected"/>.</summary>
    public static DeathRegister ReadCsv(Stream csv) => throw new NotImplementedException();
}

public sealed record ReconciliationOptions(ProgrammeRule Programme, Encoding? Encoding = null)
{
    /// <summary>Programme rules by code for rows whose <c>program</c> column names another programme.</summary>
    public IReadOnlyDictionary<string, ProgrammeRule> Programmes { get; init; } = ProgrammeRules.Defaults;
}

public static class ProgrammeRules
{
    public static readonly IReadOnlyDictionary<string, ProgrammeRule> Defaults = new Dictionary<string, ProgrammeRule>
    {
        ["enterprise-pension"] = new("enterprise-pension", "social-security"),
        ["resident-pension"] = new("resident-pension", "social-security"),
        ["employee-medical"] = new("employee-medical", "medical-insurance"),
        ["resident-medical"] = new("resident-medical", "medical-insurance"),
        ["dibao"] = new("dibao", "civil-affairs"),
        ["tekun"] = new("tekun", "civil-affairs"),
        ["elderly-allowance"] = new("elderly-allowance", "civil-affairs"),
        ["disability-allowance"] = new("disability-allowance", "civil-affairs"),
    };
}

/// <summary>应停未停: streams a payee roll (CSV or XLSX, detected) against the death register (DOMAIN.md §5, issue #4 rules).</summary>
public static class Reconciler
{
    /// <exception cref="RollFormatException">The file cannot be reconciled at all.</exception>
    public static ReconciliationSummary Run(
        DeathRegister deaths, Stream roll, ReconciliationOptions options, IReconciliationSink sink,
        IProgress<ReconciliationProgress>? progress = null, CancellationToken ct = default) => throw new NotImplementedException();
}

/// <summary>Writes <c>stops.csv</c>, <c>review.csv</c>, <c>rejected.csv</c> (UTF-8, header row) and <c>summary.json</c>.</summary>
public sealed class ResultFilesSink : IReconciliationSink, IDisposable
{
    public ResultFilesSink(string directory) => throw new NotImplementedException();
    public void Stop(StopRow row) => throw new NotImplementedException();
    public void Review(ReviewRow row) => throw new NotImplementedException();
    public void Reject(RejectedRow row) => throw new NotImplementedException();
    public void WriteSummary(ReconciliationSummary summary) => throw new NotImplementedException();
    public void Dispose() { }
}
