using System.Text.Json.Nodes;

namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>Event types departments receive (webhook deliveries and the change feed).</summary>
public static class SharingEventTypes
{
    public const string CertificateIssued = "certificate.issued";
    public const string CertificateCorrected = "certificate.corrected";
    public const string CertificateRevoked = "certificate.revoked";
    public const string TaskUpdated = "case.task-updated";
    public static readonly string[] All = [CertificateIssued, CertificateCorrected, CertificateRevoked, TaskUpdated];
}

/// <summary>Departments that receive tasks, as used in URLs and events.</summary>
public static class Departments
{
    public const string Police = "police";
    public const string SocialSecurity = "social-security";
    public const string MedicalInsurance = "medical-insurance";
    public const string CivilAffairs = "civil-affairs";
    public const string HousingFund = "housing-fund";
    public const string TrafficPolice = "traffic-police";
    public const string DisabledPersonsFederation = "disabled-persons-federation";
    public const string FuneralHome = "funeral-home";
    public const string Bank = "bank";

    public static readonly string[] All =
        [Police, SocialSecurity, MedicalInsurance, CivilAffairs, HousingFund, TrafficPolice, DisabledPersonsFederation, FuneralHome, Bank];

    /// <summary>Tasks every case gets; the others are added when the certificate or the family says so.</summary>
    public static readonly string[] Always = [Police, SocialSecurity, MedicalInsurance, CivilAffairs, HousingFund];

    public static string ChineseName(string department) => department switch
    {
        Police => "公安（户口注销）",
        SocialSecurity => "人社（养老保险）",
        MedicalInsurance => "医保",
        CivilAffairs => "民政（低保/特困/高龄津贴）",
        HousingFund => "住房公积金",
        TrafficPolice => "交警（驾驶证）",
        DisabledPersonsFederation => "残联（残疾人证）",
        FuneralHome => "殡仪馆",
        Bank => "银行",
        _ => department,
    };
}

/// <summary>The envelope every department receives. <c>Id</c> is stable across redeliveries.</summary>
public sealed record SharingEventDto(Guid Id, string Type, DateTimeOffset OccurredAt, Guid CaseId, string CertificateNumber, JsonObject Data);

public sealed record FeedPage(IReadOnlyList<JsonNode> Events, string NextCursor);

public sealed record TaskOutcomeRequest(string? Status, string? EffectiveDate, string? Note, decimal? Amount);

public sealed record TaskHistoryDto(CaseTaskStatus Status, DateTimeOffset At, string Actor, string Organisation, string? EffectiveDate, string? Note, decimal? Amount);

public sealed record CaseTaskDto(string Department, string DepartmentName, CaseTaskStatus Status, DateTimeOffset UpdatedAt, DateTimeOffset AcknowledgeBy,
    bool Overdue, string? EffectiveDate, string? Note, decimal? Amount, IReadOnlyList<TaskHistoryDto> History);

public sealed record DeathCaseDto(Guid CaseId, string CertificateNumber, string MaskedName, CaseStatus Status, DateTimeOffset DeathAt,
    DateTimeOffset OpenedAt, IReadOnlyList<CaseTaskDto> Tasks);
