using Hereafter.Domain.Messages;

namespace Hereafter.Domain.Certificates;

/// <summary>Who is certifying and when. <paramref name="IssuerKind"/> is "hospital", "health-centre" or "police".</summary>
public sealed record CertificateContext(DateTimeOffset Now, string IssuerKind);

/// <summary>
/// A hard error on one field. <paramref name="Path"/> is a camelCase JSON path such as <c>decedent.idNumber</c>;
/// <paramref name="Code"/> names the rule (<see cref="CertificateValidator.Codes"/>), <paramref name="Message"/> what to tell the person.
/// </summary>
public sealed record FieldError(string Path, string Code, Message Message)
{
    public string Chinese => Message.Chinese;

    public string English => Message.English;
}

/// <summary>The outcome of <see cref="CertificateValidator.Validate"/>: errors block issuing, warnings are recorded.</summary>
public sealed record CertificateValidation(IReadOnlyList<FieldError> Errors, IReadOnlyList<QualityWarning> Warnings, NormalizedCertificate? Normalized)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// A certificate that passed validation, in canonical form: trimmed strings, the 18-character citizen ID
/// (15-digit numbers converted), upper-case passport numbers and ICD-10 codes.
/// </summary>
/// <param name="NumberKind">"citizen-id", "passport", "other" or "unidentified".</param>
/// <param name="IdNumber">The normalised number; null for an unidentified person.</param>
/// <param name="DeathAt">The time of death as given, with its offset.</param>
/// <param name="AgeYears">Completed years at the date of death, when the birth date is known.</param>
public sealed record NormalizedCertificate(
    CertificateData Data,
    string NumberKind,
    string? IdNumber,
    DateOnly? BirthDate,
    DateTimeOffset DeathAt,
    int? AgeYears,
    string Sex);
