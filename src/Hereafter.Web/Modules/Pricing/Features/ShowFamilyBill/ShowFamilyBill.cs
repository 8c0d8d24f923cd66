using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing.Features.ShowFamilyBill;

/// <summary>The family's view of a bill through the link the institution handed them.</summary>
public sealed class ShowFamilyBillHandler(
    HereafterDbContext db, BillQueries bills, IDeathCaseDirectory cases, ICertificateContent certificates, AuditLog audit)
{
    /// <summary>
    /// The bill behind a family link, or null for a code that matches none. Anyone holding the code may read it (there are
    /// no family accounts yet); each read is audited as an anonymous family-link read.
    /// </summary>
    public async Task<FamilyBillView?> HandleAsync(string? code, CancellationToken ct)
    {
        if (!FamilyBillCode.IsWellFormed(code)) return null;
        var hash = FamilyBillCode.Hash(code!);
        var id = await db.Set<Bill>().AsNoTracking().Where(b => b.FamilyCodeHash == hash).Select(b => (Guid?)b.Id).FirstOrDefaultAsync(ct);
        if (id is not { } billId) return null;
        var bill = (await bills.BillsAsync(b => b.Id == billId, ct)).Single();
        var deathCase = await cases.FindAsync(bill.CaseId, ct);
        var certificate = deathCase is null ? null : await certificates.CurrentAsync(deathCase.CertificateId, ct);
        await audit.RecordAsync(null, "bill.family-read", $"bill:{bill.Number}", "family", "family link", ct);
        return new FamilyBillView(bill, PersonalDataMask.Name(certificate?.Data.Decedent.Name), PriceListQueries.ComplaintPhone);
    }
}
