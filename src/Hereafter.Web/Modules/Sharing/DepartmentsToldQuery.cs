using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

internal sealed class DepartmentsToldQuery(HereafterDbContext db) : IDepartmentsTold
{
    public async Task<DepartmentsTold> ForCertificateAsync(string certificateNumber, CancellationToken ct)
    {
        var number = certificateNumber.Trim();
        var caseId = await db.Set<DeathCase>().AsNoTracking().Where(c => c.CertificateNumber == number)
            .OrderByDescending(c => c.OpenedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (caseId is null) return new DepartmentsTold(false, Departments.Always);
        var told = await db.Set<CaseTask>().AsNoTracking().Where(t => t.CaseId == caseId).Select(t => t.Department).ToListAsync(ct);
        return new DepartmentsTold(true, told.Distinct().Order().ToList());
    }
}
