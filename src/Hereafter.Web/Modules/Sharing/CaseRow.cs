using Hereafter.Web.Modules.Sharing.Contracts;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>A line of the case list or a worklist: the case (masked) with the tasks the reader may see.</summary>
/// <param name="CertificateId">The certificate's opaque id, for links to its pages (never its number).</param>
public sealed record CaseRow(Guid CaseId, Guid CertificateId, string MaskedNumber, string MaskedName, CaseStatus Status, DateTimeOffset OpenedAt,
        IReadOnlyList<CaseTaskDto> Tasks);
