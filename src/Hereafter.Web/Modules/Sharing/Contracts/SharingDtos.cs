using System.Text.Json.Nodes;

namespace Hereafter.Web.Modules.Sharing.Contracts;

/// <summary>Event types departments receive (webhook deliveries and the change feed).</summary>
public static class SharingEventTypes
{
    public const string CertificateIssued = "certificate.issued";
    public const string CertificateCorrected = "certificate.corrected";
    public const string CertificateRevoked = "certificate.revoked";
    public const string TaskUpdated = "case.task-updated";
    /// <summary>A family asked the department (a bank: that bank alone) for an item: <c>data.task.item</c> and <c>data.details</c>.</summary>
    public const string TaskRequested = "case.task-requested";
    /// <summary>接运: a funeral home collected the body (civil affairs).</summary>
    public const string CustodyPickedUp = "custody.picked-up";
    /// <summary>火化 (civil affairs, and the police and social security, whose deregistration and funeral grant rest on the 火化证明).</summary>
    public const string CustodyCremated = "custody.cremated";
    /// <summary>安放（葬）: a cemetery or columbarium closed the loop (civil affairs).</summary>
    public const string CustodyPlaced = "custody.placed";
    public static readonly string[] All =
        [CertificateIssued, CertificateCorrected, CertificateRevoked, TaskUpdated, TaskRequested, CustodyPickedUp, CustodyCremated, CustodyPlaced];

    /// <summary>The departments that receive a custody milestone (ADR 0031); none for another type.</summary>
    public static IReadOnlyList<Department> CustodyAudience(string type) => type switch
    {
        CustodyCremated => [Department.CivilAffairs, Department.Police, Department.SocialSecurity],
        CustodyPickedUp or CustodyPlaced => [Department.CivilAffairs],
        _ => [],
    };
}

/// <summary>The envelope every department receives. <c>Id</c> is stable across redeliveries.</summary>
public sealed record SharingEventDto(Guid Id, string Type, DateTimeOffset OccurredAt, Guid CaseId, string CertificateNumber, JsonObject Data);

public sealed record FeedPage(IReadOnlyList<JsonNode> Events, string NextCursor);

/// <param name="Accounts">Bank-deposits answers only: the deceased's accounts at the bank (a full number is masked before storing).</param>
/// <param name="ReleaseOffered">Bank-deposits answers only: whether the bank offers small-deposit release.</param>
public sealed record TaskOutcomeRequest(string? Status, string? EffectiveDate, string? Note, decimal? Amount,
    IReadOnlyList<DepositAccountInput>? Accounts = null, bool? ReleaseOffered = null);

/// <summary>An account as a bank reports it: <c>accountNumber</c> (masked to its last four digits on arrival) or <c>accountMasked</c>.</summary>
public sealed record DepositAccountInput(string? Type, string? AccountNumber, string? AccountMasked, decimal? Balance);

public sealed record TaskHistoryDto(CaseTaskStatus Status, DateTimeOffset At, string Actor, string Organisation, string? EffectiveDate, string? Note, decimal? Amount);

/// <param name="Item">What the task asks (<c>notification</c> for the tasks a case opens by itself).</param>
/// <param name="Details">What the family asked for, when it did.</param>
/// <param name="Bank">A bank's answer to a deposit query, once it answered.</param>
/// <param name="OrganisationName">The name of the one organisation asked (a bank), when the task names one.</param>
public sealed record CaseTaskDto(Department Department, string DepartmentName, CaseTaskStatus Status, DateTimeOffset UpdatedAt, DateTimeOffset AcknowledgeBy,
    bool Overdue, string? EffectiveDate, string? Note, decimal? Amount, IReadOnlyList<TaskHistoryDto> History,
    CaseTaskItem Item = CaseTaskItem.Notification, JsonObject? Details = null, Guid? OrganisationId = null, BankAnswer? Bank = null,
    string? OrganisationName = null);

/// <param name="CertificateId">The certificate's opaque id: pages link to the certificate by it, never by its number.</param>
public sealed record DeathCaseDto(Guid CaseId, Guid CertificateId, string CertificateNumber, string MaskedName, CaseStatus Status, DateTimeOffset DeathAt,
    DateTimeOffset OpenedAt, IReadOnlyList<CaseTaskDto> Tasks);
