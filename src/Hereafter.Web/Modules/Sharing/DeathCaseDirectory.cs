using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

internal sealed class DeathCaseDirectory(HereafterDbContext db) : IDeathCaseDirectory
{
    public async Task<DeathCaseReference?> FindAsync(Guid caseId, CancellationToken ct)
    {
        var found = await db.Set<DeathCase>().AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.Id, c.CertificateId, c.Status }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        var funeralHome = await db.Set<CaseTask>().AsNoTracking()
            .Where(t => t.CaseId == caseId && t.Department == Departments.FuneralHome).Select(t => t.OrganisationId).FirstOrDefaultAsync(ct);
        return new DeathCaseReference(found.Id, found.CertificateId, found.Status, funeralHome);
    }

    public async Task<DeathCaseReference?> FindByCertificateNumberAsync(string certificateNumber, CancellationToken ct)
    {
        var number = certificateNumber.Trim();
        var id = await db.Set<DeathCase>().AsNoTracking().Where(c => c.CertificateNumber == number)
            .OrderByDescending(c => c.OpenedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return id is { } caseId ? await FindAsync(caseId, ct) : null;
    }
}
