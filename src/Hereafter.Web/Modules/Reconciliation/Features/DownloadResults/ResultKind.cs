using Hereafter.Web.Modules.Reconciliation.Data;

namespace Hereafter.Web.Modules.Reconciliation.Features.DownloadResults;

/// <summary>The result files of a job, named as the engine names them (<c>stops.csv</c>, …).</summary>
public enum ResultKind
{
    Stops,
    Review,
    Rejected,
}

public static class ResultKinds
{
    public static readonly CodeMap<ResultKind> Codes = new((ResultKind.Stops, "stops"), (ResultKind.Review, "review"), (ResultKind.Rejected, "rejected"));

    public static string Code(this ResultKind kind) => Codes.Code(kind);
}
