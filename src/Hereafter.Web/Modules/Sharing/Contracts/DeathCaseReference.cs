namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>A death case as other modules may refer to it (e.g. a bill for the case): no personal data.</summary>
/// <param name="Status">open, or cancelled when the certificate was revoked.</param>
/// <param name="FuneralHomeId">The funeral home the family chose, once civil affairs added it to the case.</param>
/// <param name="LinkedInstitutionIds">
/// The institutions that serve the case and may bill it: the chosen funeral home, those civil affairs linked,
/// and those any <see cref="ICaseInstitutionSource"/> names (later the custody record's).
/// </param>
public sealed record DeathCaseReference(Guid CaseId, Guid CertificateId, CaseStatus Status, Guid? FuneralHomeId, IReadOnlySet<Guid> LinkedInstitutionIds)
{
    /// <summary>Whether <paramref name="organisationId"/> is linked to the case.</summary>
    public bool IsLinked(Guid organisationId) => LinkedInstitutionIds.Contains(organisationId);
}

/// <summary>Finds death cases for other modules.</summary>
public interface IDeathCaseDirectory
{
    /// <summary>The case, or null when there is none with this id.</summary>
    Task<DeathCaseReference?> FindAsync(Guid caseId, CancellationToken ct);

    /// <summary>The case of the death certificate with this number (as currently numbered), or null when there is none.</summary>
    Task<DeathCaseReference?> FindByCertificateNumberAsync(string certificateNumber, CancellationToken ct);
}

/// <summary>
/// Extension point: another module that links institutions to a case (the future custody record: the funeral
/// home holding the body, the cemetery or columbarium receiving the ashes) registers one of these, and its
/// institutions join <see cref="DeathCaseReference.LinkedInstitutionIds"/>.
/// </summary>
public interface ICaseInstitutionSource
{
    Task<IReadOnlyCollection<Guid>> InstitutionsAsync(Guid caseId, CancellationToken ct);
}
