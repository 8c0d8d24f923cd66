namespace Hereafter.Web.Modules.Reconciliation.Contracts;

/// <summary>Integration events the Reconciliation module writes to the outbox (same transaction as the change).</summary>
public static class ReconciliationEventTypes
{
    /// <summary>A department stopped a payment to a dead person (<see cref="StopExecuted"/>).</summary>
    public const string StopExecuted = "reconciliation.stop-executed";
}

/// <summary>
/// A payment was stopped. <paramref name="Key"/> identifies this stop (job and row) so that handlers can
/// ignore a repeat. <paramref name="IdNumber"/> is the death's ID (normalised, 18 characters).
/// </summary>
/// <param name="Department">social-security, medical-insurance or civil-affairs.</param>
/// <param name="EffectiveMonth">The first month not paid (YYYY-MM).</param>
/// <param name="OverpaidAmount">The overpayment to recover (yuan).</param>
public sealed record StopExecuted(
    string Key, string IdNumber, string Department, Guid OrganisationId, string OrganisationName, string ActorName,
    string Programme, string EffectiveMonth, decimal MonthlyAmount, decimal OverpaidAmount);
