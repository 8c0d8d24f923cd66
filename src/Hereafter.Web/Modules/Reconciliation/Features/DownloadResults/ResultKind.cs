namespace Hereafter.Web.Modules.Reconciliation.Features.DownloadResults;

/// <summary>The result files of a job, named by their codes as the engine names them (<c>stops.csv</c>, …).</summary>
public enum ResultKind
{
    Stops,
    Review,
    Rejected,
}
