namespace Hereafter.Domain.Certificates;

/// <summary>
/// The content of a 居民死亡医学证明 as submitted by the certifier (national form, DOMAIN.md §3).
/// Coded fields carry the form's codes as strings. This record is the API contract for
/// <c>POST /api/v1/certificates</c> and the data stored in every certificate version.
/// </summary>
public sealed record CertificateData
{
    public DecedentData Decedent { get; init; } = new();
    public DeathData Death { get; init; } = new();
    public CausesData Causes { get; init; } = new();
    public InformantData Informant { get; init; } = new();
    public CertifierData Certifier { get; init; } = new();
    /// <summary>死亡调查记录: required for deaths outside a medical institution.</summary>
    public InvestigationData? Investigation { get; init; }
}

public sealed record DecedentData
{
    public string? Name { get; init; }
    /// <summary>"1" male, "2" female, "0" unknown, "9" unspecified.</summary>
    public string? Sex { get; init; }
    /// <summary>民族, Chinese name such as 汉族.</summary>
    public string? Ethnicity { get; init; }
    /// <summary>国籍, Chinese name such as 中国.</summary>
    public string? Nationality { get; init; }
    /// <summary>"1" 居民身份证, "2" passport, "9" other; absent for an unidentified body.</summary>
    public string? IdType { get; init; }
    public string? IdNumber { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? BirthDate { get; init; }
    public string? MaritalStatus { get; init; }
    public string? Education { get; init; }
    public string? Occupation { get; init; }
    public string? WorkUnit { get; init; }
    public string? HouseholdAddress { get; init; }
    public string? ResidenceAddress { get; init; }
}

public sealed record DeathData
{
    /// <summary>ISO 8601 with offset, to the minute, e.g. 2026-11-20T08:30:00+08:00.</summary>
    public string? DateTime { get; init; }
    /// <summary>"1" medical institution, "2" on the way, "3" home, "4" elder-care, "9" other, "0" unknown.</summary>
    public string? PlaceType { get; init; }
    public string? PlaceName { get; init; }
    /// <summary>For women: "1" pregnant, "2" within 42 days after pregnancy, "3" neither, "9" unknown.</summary>
    public string? PregnancyStatus { get; init; }
}

public sealed record CausesData
{
    public IReadOnlyList<CauseLine> PartI { get; init; } = [];
    public IReadOnlyList<OtherCondition> PartII { get; init; } = [];
    public string? UnderlyingCauseIcd10 { get; init; }
    public string? DiagnosisBasis { get; init; }
    public string? HighestDiagnosisLevel { get; init; }
    /// <summary>"1" natural, "2" accident, "3" suicide, "4" homicide, "5" pending investigation, "9" unknown.</summary>
    public string? Manner { get; init; }
}

public sealed record CauseLine
{
    /// <summary>"a".."d"; a is the immediate cause.</summary>
    public string? Line { get; init; }
    public string? Text { get; init; }
    public CauseInterval? Interval { get; init; }
    public string? Icd10 { get; init; }
}

public sealed record CauseInterval
{
    public decimal? Value { get; init; }
    /// <summary>minutes | hours | days | months | years.</summary>
    public string? Unit { get; init; }
}

public sealed record OtherCondition
{
    public string? Text { get; init; }
    public string? Icd10 { get; init; }
}

public sealed record InformantData
{
    public string? Name { get; init; }
    public string? Relationship { get; init; }
    public string? Phone { get; init; }
    public string? Address { get; init; }
}

public sealed record CertifierData
{
    public string? Name { get; init; }
    public string? LicenseNumber { get; init; }
}

/// <summary>死亡调查记录 (back page of the form).</summary>
public sealed record InvestigationData
{
    public string? History { get; init; }
    public string? InformantName { get; init; }
    public string? InferredCause { get; init; }
    public string? Investigator { get; init; }
    /// <summary>yyyy-MM-dd.</summary>
    public string? Date { get; init; }
}
