namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>A death case as other modules may refer to it (e.g. a bill for the case): no personal data.</summary>
/// <param name="Status">open, or cancelled when the certificate was revoked.</param>
/// <param name="FuneralHomeId">The funeral home the family chose, once civil affairs added it to the case.</param>
public sealed record DeathCaseReference(Guid CaseId, Guid CertificateId, string Status, Guid? FuneralHomeId);

/// <summary>Finds death cases for other modules.</summary>
public interface IDeathCaseDirectory
{
    /// <summary>The case, or null when there is none with this id.</summary>
    Task<DeathCaseReference?> FindAsync(Guid caseId, CancellationToken ct);

    /// <summary>The case of the death certificate with this number (as currently numbered), or null when there is none.</summary>
    Task<DeathCaseReference?> FindByCertificateNumberAsync(string certificateNumber, CancellationToken ct);
}
