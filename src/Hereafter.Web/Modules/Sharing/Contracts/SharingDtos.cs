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

/// <summary>The envelope every department receives. <c>Id</c> is stable across redeliveries.</summary>
public sealed record SharingEventDto(Guid Id, string Type, DateTimeOffset OccurredAt, Guid CaseId, string CertificateNumber, JsonObject Data);

public sealed record FeedPage(IReadOnlyList<JsonNode> Events, string NextCursor);

public sealed record TaskOutcomeRequest(string? Status, string? EffectiveDate, string? Note, decimal? Amount);

public sealed record TaskHistoryDto(CaseTaskStatus Status, DateTimeOffset At, string Actor, string Organisation, string? EffectiveDate, string? Note, decimal? Amount);

public sealed record CaseTaskDto(Department Department, string DepartmentName, CaseTaskStatus Status, DateTimeOffset UpdatedAt, DateTimeOffset AcknowledgeBy,
    bool Overdue, string? EffectiveDate, string? Note, decimal? Amount, IReadOnlyList<TaskHistoryDto> History);

/// <param name="CertificateId">The certificate's opaque id: pages link to the certificate by it, never by its number.</param>
public sealed record DeathCaseDto(Guid CaseId, Guid CertificateId, string CertificateNumber, string MaskedName, CaseStatus Status, DateTimeOffset DeathAt,
    DateTimeOffset OpenedAt, IReadOnlyList<CaseTaskDto> Tasks);
