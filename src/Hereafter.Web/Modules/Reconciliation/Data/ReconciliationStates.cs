namespace Hereafter.Web.Modules.Reconciliation.Data;

/// <summary>Where a roll's job is. Stored, and shown in the API, as its code (<c>queued</c>, …; ADR 0013).</summary>
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
