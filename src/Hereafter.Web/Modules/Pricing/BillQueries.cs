using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>Reads of issued bills: by the institutions that issued them and the bureau, and for the family's page.</summary>
public sealed class BillQueries(HereafterDbContext db, IDeathCaseDirectory cases, AuditLog audit)
{
    /// <summary>
    /// The bills of a case: the bureau sees all, an institution the bills it issued. The family has no account on
    /// the platform yet: the institution hands them the bill (and the bureau can show it).
    /// </summary>
    public async Task<IReadOnlyList<BillDto>> ListForCaseAsync(Actor actor, Guid caseId, CancellationToken ct)
    {
        var supervisor = await PricingAccess.RequireSupervisorOrInstitutionAsync(db, actor, new Message("pricing.case-bills.forbidden"), ct);
        if (await cases.FindAsync(caseId, ct) is null) throw ProblemException.NotFound(new Message("sharing.case.not-found"));
        var org = actor.OrganisationId;
        var bills = await BillsAsync(b => b.CaseId == caseId && (supervisor || b.InstitutionId == org), ct);
        await audit.RecordAsync(actor, "bill.list", $"case:{caseId}", supervisor ? "supervision" : "funeral-service", $"{bills.Count} bills", ct);
        return bills;
    }

    /// <summary>One bill: the bureau or the institution that issued it.</summary>
    public async Task<BillDto> ReadAsync(Actor actor, Guid billId, CancellationToken ct)
    {
        var bill = (await BillsAsync(b => b.Id == billId, ct)).FirstOrDefault() ?? throw ProblemException.NotFound(new Message("pricing.bill.not-found"));
        if (!PricingAccess.Supervises(actor) && !PricingAccess.IsStaffOf(actor, bill.InstitutionId))
            throw ProblemException.Forbidden(new Message("pricing.bill.other-institution"));
        await audit.RecordAsync(actor, "bill.read", $"bill:{bill.Number}", PricingAccess.Supervises(actor) ? "supervision" : "funeral-service", "", ct);
        return bill;
    }

    /// <summary>The institution's own bills (or any, for the bureau), newest first.</summary>
    public async Task<IReadOnlyList<BillDto>> ListRecentAsync(Actor actor, Guid? institutionId, int take, CancellationToken ct)
    {
        var supervisor = await PricingAccess.RequireSupervisorOrInstitutionAsync(db, actor, new Message("pricing.bills.forbidden"), ct);
        var own = supervisor ? institutionId : actor.OrganisationId;
        var ids = await db.Set<Bill>().AsNoTracking().Where(b => own == null || b.InstitutionId == own)
            .OrderByDescending(b => b.IssuedAt).Take(Math.Clamp(take, 1, 200)).Select(b => b.Id).ToListAsync(ct);
        return (await BillsAsync(b => ids.Contains(b.Id), ct)).OrderByDescending(b => b.IssuedAt).ToList();
    }

    internal async Task<IReadOnlyList<BillDto>> BillsAsync(System.Linq.Expressions.Expression<Func<Bill, bool>> filter, CancellationToken ct)
    {
        var bills = await db.Set<Bill>().AsNoTracking().Where(filter).ToListAsync(ct);
        var ids = bills.Select(b => b.Id).ToList();
        var lines = (await db.Set<BillLine>().AsNoTracking().Where(l => ids.Contains(l.BillId)).ToListAsync(ct)).ToLookup(l => l.BillId);
        var orgIds = bills.Select(b => b.InstitutionId).Distinct().ToList();
        var names = await db.Set<Organisation>().AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return bills.OrderBy(b => b.ServiceDate).ThenBy(b => b.IssuedAt).Select(b => new BillDto(
                b.Id, b.Number, b.CaseId, b.InstitutionId, names[b.InstitutionId], b.ServiceDate, b.Resident,
                lines[b.Id].OrderBy(l => l.LineNo).Select(l => new PricedLine(l.ItemId, b.InstitutionId, names[b.InstitutionId], l.Name, l.Category, l.Unit,
                    l.UnitPrice, l.Quantity, l.Amount, l.Subsidy, l.Payable, l.PriceEffectiveFrom)).ToList(),
                b.Total, b.Subsidy, b.Payable, b.IssuedAt, b.IssuedBy))
            .ToList();
    }
}
