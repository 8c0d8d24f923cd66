using Hereafter.Web.Modules.Pricing.Contracts;

namespace Hereafter.Web.Modules.Pricing.Features.ShowFamilyBill;

/// <summary>The bills of a case for the family portal (<see cref="ICaseBills"/>), oldest service first.</summary>
public sealed class CaseBills(BillQueries bills) : ICaseBills
{
    public Task<IReadOnlyList<BillDto>> ForCaseAsync(Guid caseId, CancellationToken ct) => bills.BillsAsync(b => b.CaseId == caseId, ct);
}
