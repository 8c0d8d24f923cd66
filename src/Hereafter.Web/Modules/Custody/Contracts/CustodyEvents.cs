namespace Hereafter.Web.Modules.Custody.Contracts;

/// <summary>Integration events of the closed loop (written to the outbox in the transaction of the step).</summary>
public static class CustodyEventTypes
{
    /// <summary>接运: a funeral home collected the body.</summary>
    public const string PickedUp = "custody.picked-up";
    /// <summary>火化.</summary>
    public const string Cremated = "custody.cremated";
    /// <summary>安放（葬）: the loop is closed.</summary>
    public const string Placed = "custody.placed";

    /// <summary>A record's events are handled in the order they committed.</summary>
    public static string OrderingKey(Guid custodyId) => $"custody:{custodyId}";
}

/// <summary>
/// A custody milestone, for the departments (through Sharing's case events and webhooks) and the family's progress
/// page. No personal data beyond what identifies the case: receivers look the case up by its certificate.
/// </summary>
/// <param name="Type">One of <see cref="CustodyEventTypes"/>.</param>
/// <param name="CaseId">The death case, when it exists on the platform.</param>
/// <param name="InstitutionId">The funeral home (pickup, cremation) or the cemetery or columbarium (placement).</param>
/// <param name="Place">接运地点, 炉号 or 墓位/格位, as recorded.</param>
public sealed record CustodyMilestone(
    string Type, Guid CustodyId, Guid CertificateId, Guid? CaseId, DateTimeOffset At,
    Guid InstitutionId, string InstitutionName, string? Place);
