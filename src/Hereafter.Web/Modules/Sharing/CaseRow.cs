using Hereafter.Web.Modules.Sharing.Contracts;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>A line of the case list or a worklist: the case (masked) with the tasks the reader may see.</summary>
public sealed record CaseRow(Guid CaseId, string MaskedNumber, string MaskedName, CaseStatus Status, DateTimeOffset OpenedAt,
        IReadOnlyList<CaseTaskDto> Tasks);
