using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

internal sealed class DeathCaseDirectory(HereafterDbContext db, IEnumerable<ICaseInstitutionSource> sources) : IDeathCaseDirectory
{
    public async Task<DeathCaseReference?> FindAsync(Guid caseId, CancellationToken ct)
    {
        var found = await db.Set<DeathCase>().AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new { c.Id, c.CertificateId, c.Status }).FirstOrDefaultAsync(ct);
        if (found is null) return null;
        // Every task naming one organisation (the chosen funeral home) links it to the case; a bank asked about deposits bills nothing.
        var named = await db.Set<CaseTask>().AsNoTracking().Where(t => t.CaseId == caseId && t.OrganisationId != null && t.Department != Department.Bank)
            .Select(t => new { t.Department, t.OrganisationId }).ToListAsync(ct);
        var funeralHome = named.FirstOrDefault(t => t.Department == Department.FuneralHome)?.OrganisationId;
        var linked = named.Select(t => t.OrganisationId!.Value).ToHashSet();
        linked.UnionWith(await db.Set<CaseInstitution>().AsNoTracking().Where(l => l.CaseId == caseId).Select(l => l.OrganisationId).ToListAsync(ct));
        foreach (var source in sources) linked.UnionWith(await source.InstitutionsAsync(caseId, ct));
        return new DeathCaseReference(found.Id, found.CertificateId, found.Status, funeralHome, linked);
    }

    public async Task<DeathCaseReference?> FindByCertificateNumberAsync(string certificateNumber, CancellationToken ct)
    {
        var number = certificateNumber.Trim();
        var id = await db.Set<DeathCase>().AsNoTracking().Where(c => c.CertificateNumber == number)
            .OrderByDescending(c => c.OpenedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return id is { } caseId ? await FindAsync(caseId, ct) : null;
    }
}
