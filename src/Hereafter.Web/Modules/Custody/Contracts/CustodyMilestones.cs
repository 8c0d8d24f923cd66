namespace Hereafter.Web.Modules.Custody.Contracts;

/// <summary>
/// One milestone of the loop as the family's progress page shows it: <paramref name="Type"/> is one of
/// <see cref="CustodyEventTypes"/>; <paramref name="Institution"/> the funeral home, cemetery or columbarium (Chinese
/// name) and <paramref name="InstitutionEn"/> its English name.
/// </summary>
public sealed record CustodyMilestoneView(string Type, DateTimeOffset At, string Institution, string InstitutionEn);

/// <summary>The custody milestones of a death case (pickup, cremation, placement), oldest first; none before pickup.</summary>
public interface ICustodyMilestones
{
    Task<IReadOnlyList<CustodyMilestoneView>> ForCaseAsync(Guid caseId, CancellationToken ct);
}
