namespace Hereafter.Web.Modules.Pricing.Contracts;

/// <summary>
/// The bills funeral institutions issued on a case, for the family's progress page (the family portal checks that the
/// citizen is admitted to the case and audits the read). The bills carry no family link: its code is shown once, when
/// the bill is issued, and only its hash is kept.
/// </summary>
public interface ICaseBills
{
    Task<IReadOnlyList<BillDto>> ForCaseAsync(Guid caseId, CancellationToken ct);
}
