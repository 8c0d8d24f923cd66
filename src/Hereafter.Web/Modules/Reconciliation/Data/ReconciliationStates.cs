using Hereafter.Domain.Reconciliation;

namespace Hereafter.Web.Modules.Reconciliation.Data;

/// <summary>Where a roll's job is. Stored, and shown in the API, as its code: see <see cref="RollCodes.Status"/>.</summary>
public enum JobStatus
{
    /// <summary>The chunks are still arriving: not a status a finished job has, and no worker may claim it.</summary>
    Uploading,
    Queued,
    Running,
    Completed,
    Failed,
    Cancelled,
}

/// <summary>A review row's decision, once: confirmed as the same person (it becomes a stop) or dismissed with a reason.</summary>
public enum ReviewDecision
{
    Pending,
    Confirmed,
    Dismissed,
}

/// <summary>How a stop was found: exactly by the engine, or confirmed from the review queue.</summary>
public enum StopOrigin
{
    Exact,
    Review,
}

/// <summary>The codes of the module's states, as stored in the tables and written to JSON and files.</summary>
public static class RollCodes
{
    public static readonly CodeMap<JobStatus> Status = new(
        (JobStatus.Uploading, "uploading"), (JobStatus.Queued, "queued"), (JobStatus.Running, "running"),
        (JobStatus.Completed, "completed"), (JobStatus.Failed, "failed"), (JobStatus.Cancelled, "cancelled"));

    public static readonly CodeMap<ReviewDecision> Decision = new(
        (ReviewDecision.Pending, "pending"), (ReviewDecision.Confirmed, "confirmed"), (ReviewDecision.Dismissed, "dismissed"));

    public static readonly CodeMap<StopOrigin> Origin = new((StopOrigin.Exact, "exact"), (StopOrigin.Review, "review"));

    /// <summary>The engine's reasons, with the codes of its <c>review.csv</c> (<see cref="ResultFilesSink.ReasonCode"/>).</summary>
    public static readonly CodeMap<ReviewReason> Reason = new(
        Enum.GetValues<ReviewReason>().Select(r => (r, ResultFilesSink.ReasonCode(r))).ToArray());

    public static string Code(this JobStatus status) => Status.Code(status);
    public static string Code(this ReviewDecision decision) => Decision.Code(decision);
    public static string Code(this StopOrigin origin) => Origin.Code(origin);
}
