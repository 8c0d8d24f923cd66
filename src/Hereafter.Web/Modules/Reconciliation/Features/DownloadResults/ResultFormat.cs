namespace Hereafter.Web.Modules.Reconciliation.Features.DownloadResults;

/// <summary>The format of a downloaded result file, as its URL extension (<c>csv</c>, <c>xlsx</c>).</summary>
public enum ResultFormat
{
    Csv,
    Xlsx,
}
