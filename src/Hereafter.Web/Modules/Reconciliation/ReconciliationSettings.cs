namespace Hereafter.Web.Modules.Reconciliation;

/// <summary>Configuration section <c>Reconciliation</c>.</summary>
public sealed class ReconciliationSettings
{
    public const string Section = "Reconciliation";

    /// <summary>Largest roll accepted for upload (bytes); larger files get 413. Default 512 MiB.</summary>
    public long MaxUploadBytes { get; set; } = 512L * 1024 * 1024;

    /// <summary>Longest CSV record or XLSX row/cell in characters; a longer one (e.g. an unclosed quote) fails the job. Default 1 Mi.</summary>
    public int MaxRecordChars { get; set; } = Domain.Reconciliation.RollLimits.Default.MaxRecordChars;

    /// <summary>Most bytes an XLSX's parts may expand to together. Default 4 GiB.</summary>
    public long MaxXlsxUncompressedBytes { get; set; } = Domain.Reconciliation.RollLimits.Default.MaxXlsxUncompressedBytes;

    /// <summary>Largest expansion of an XLSX part per compressed byte (zip-bomb guard). Default 100.</summary>
    public int MaxXlsxCompressionRatio { get; set; } = Domain.Reconciliation.RollLimits.Default.MaxXlsxCompressionRatio;

    /// <summary>Most entries in an XLSX's shared-strings table. Default 16 million.</summary>
    public int MaxSharedStrings { get; set; } = Domain.Reconciliation.RollLimits.Default.MaxSharedStrings;

    /// <summary>Most characters in an XLSX's shared strings together (2 bytes each in memory). Default 256 Mi.</summary>
    public long MaxSharedStringChars { get; set; } = Domain.Reconciliation.RollLimits.Default.MaxSharedStringChars;

    /// <summary>An upload whose chunks stopped arriving this long ago (the node died mid-upload) is deleted. Default 10.</summary>
    public int AbandonedUploadMinutes { get; set; } = 10;

    public Domain.Reconciliation.RollLimits Limits => new()
    {
        MaxRecordChars = MaxRecordChars, MaxXlsxUncompressedBytes = MaxXlsxUncompressedBytes, MaxXlsxCompressionRatio = MaxXlsxCompressionRatio,
        MaxSharedStrings = MaxSharedStrings, MaxSharedStringChars = MaxSharedStringChars,
    };

    /// <summary>How long a worker's claim on a job lasts without renewal; a crashed node's job is taken over after it.</summary>
    public int LeaseSeconds { get; set; } = 30;

    /// <summary>How often idle workers look for queued jobs uploaded on other nodes.</summary>
    public int PollMilliseconds { get; set; } = 1000;

    /// <summary>Result rows written per database round trip.</summary>
    public int BatchSize { get; set; } = 1000;

    /// <summary>
    /// 遗属待遇 base: the province's previous-year urban per-capita monthly disposable income, yuan.
    /// Default 3564.33 = 贵州省 2023 年城镇常住居民人均可支配收入 42,772 元 ÷ 12; set the official figure each year.
    /// </summary>
    public decimal SurvivorBenefitMonthlyBase { get; set; } = 3564.33m;
}
