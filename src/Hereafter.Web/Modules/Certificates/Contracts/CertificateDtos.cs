using Hereafter.Domain.Certificates;

namespace Hereafter.Web.Modules.Certificates.Contracts;

/// <summary>A data-quality warning saved with the certificate and shown to the certifier.</summary>
public sealed record WarningDto(string Code, string Path, string Message);

/// <summary>Answer to issuing or correcting: 201 (issued) or 202 (held as <c>pending-review</c>).</summary>
/// <param name="Id">The opaque id the pages address the certificate by; not part of the API's JSON.</param>
public sealed record CertificateIssued(string Number, int Version, string Status, string? VerificationUrl, IReadOnlyList<WarningDto> Warnings,
    [property: System.Text.Json.Serialization.JsonIgnore] Guid Id);

public sealed record IssuerDto(string Name, string CreditCode, string RegionCode);

public sealed record HistoryEntryDto(DateTimeOffset At, string Action, int Version, string Actor, string Organisation, string? Reason);

/// <summary>
/// A copy (联) of a certificate as one organisation may read it. Sections the copy does not carry are
/// absent: copy 4 and the death notice have no <c>causes</c> and no <c>investigation</c>.
/// </summary>
public sealed record CertificateView(
    string Number, int Version, string Status, string NumberKind, string View, string CopyName,
    IssuerDto Issuer, DateTimeOffset CertifiedAt, int? AgeYears, int ReissueCount,
    DecedentData Decedent, DeathData Death, CausesData? Causes, InformantData? Informant,
    CertifierData? Certifier, InvestigationData? Investigation,
    IReadOnlyList<WarningDto>? Warnings, IReadOnlyList<HistoryEntryDto>? History,
    IReadOnlyList<int> PrintableCopies, string? VerificationUrl)
{
    /// <summary>The opaque id the certificate's pages are addressed by (<see cref="CertificatePages"/>); not part of the
    /// API's documented answer, which addresses certificates by number.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Guid Id { get; init; }
}

/// <summary>What the public sees when scanning the QR code: nothing beyond masked data.</summary>
public sealed record VerificationResult(string Status, string? MaskedName, string? MaskedIdNumber, string? DateOfDeath, string? Issuer)
{
    /// <summary>The issuing organisation's code, for the page's "whom to contact"; not in the API's answer.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? IssuerCode { get; init; }

    /// <summary>
    /// <see cref="VerifiedDocuments.CremationCertificate"/> for a 火化证明 (then <see cref="Issuer"/> is the funeral home);
    /// absent (null, not written) for a death certificate, whose answer stays as it was.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Document { get; init; }

    /// <summary>A 火化证明's number and cremation date (China date); null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? Number { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? DateOfCremation { get; init; }
}

/// <summary>
/// A row in the supervisor's lists as the pages use it: <see cref="Number"/> is the full number, for links and
/// forms only; what is shown is <see cref="MaskedNumber"/>. The API serves <see cref="MaskedCertificateSummary"/>.
/// </summary>
public sealed record CertificateSummary(
    string Number, string MaskedNumber, string MaskedName, string Status, string Issuer,
    DateTimeOffset DeathAt, DateTimeOffset CertifiedAt, DateTimeOffset? ReportedAt,
    bool CertifiedLate, bool ReportedLate, int WarningCount, int Version, string? ReviewNote)
{
    /// <summary>The opaque id a row links to (<see cref="CertificatePages.Detail"/>).</summary>
    public Guid Id { get; init; }
}

public sealed record ReasonRequest(string? Reason);
public sealed record CorrectionRequest(string? Reason, CertificateData? Certificate);
public sealed record ReviewDecision(string? Decision, string? Reason);

/// <summary>
/// A row of <c>GET /api/v1/certificates</c>: the ID number and name masked (<c>PersonalDataMask</c>), no full
/// number, so a list is never a bulk read of personal data. Read one certificate (audited) by its number for more.
/// </summary>
public sealed record MaskedCertificateSummary(
    string MaskedNumber, string MaskedName, string Status, string Issuer,
    DateTimeOffset DeathAt, DateTimeOffset CertifiedAt, DateTimeOffset? ReportedAt,
    bool CertifiedLate, bool ReportedLate, int WarningCount, int Version, string? ReviewNote)
{
    public static MaskedCertificateSummary From(CertificateSummary s) => new(s.MaskedNumber, s.MaskedName, s.Status, s.Issuer,
        s.DeathAt, s.CertifiedAt, s.ReportedAt, s.CertifiedLate, s.ReportedLate, s.WarningCount, s.Version, s.ReviewNote);
}
