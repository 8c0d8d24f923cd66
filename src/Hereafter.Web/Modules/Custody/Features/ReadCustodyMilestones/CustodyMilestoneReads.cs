using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.ReadCustodyMilestones;

/// <summary>
/// The milestones from the case's custody records (matched by case, or by the case's certificate when the record was
/// picked up before the case was known). The caller checks who may read the case and audits the read.
/// </summary>
public sealed class CustodyMilestoneReads(HereafterDbContext db, IDeathCaseDirectory cases) : ICustodyMilestones
{
    public async Task<IReadOnlyList<CustodyMilestoneView>> ForCaseAsync(Guid caseId, CancellationToken ct)
    {
        var certificateId = (await cases.FindAsync(caseId, ct))?.CertificateId;
        var records = await db.Set<CustodyRecord>().AsNoTracking()
            .Where(r => r.CaseId == caseId || (certificateId != null && r.CertificateId == certificateId))
            .Select(r => new { r.PickedUpAt, r.CrematedAt, r.PlacedAt, r.FuneralHomeId, r.PlacementInstitutionId })
            .ToListAsync(ct);
        if (records.Count == 0) return [];
        var ids = records.Select(r => r.FuneralHomeId).Concat(records.Where(r => r.PlacementInstitutionId != null).Select(r => r.PlacementInstitutionId!.Value)).ToList();
        var names = await db.Set<Organisation>().AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => (o.Name, o.NameEn), ct);
        CustodyMilestoneView View(string type, DateTimeOffset at, Guid institution) =>
            names.TryGetValue(institution, out var n) ? new(type, at, n.Name, n.NameEn) : new(type, at, "", "");
        var milestones = new List<CustodyMilestoneView>();
        foreach (var r in records)
        {
            milestones.Add(View(CustodyEventTypes.PickedUp, r.PickedUpAt, r.FuneralHomeId));
            if (r.CrematedAt is { } cremated) milestones.Add(View(CustodyEventTypes.Cremated, cremated, r.FuneralHomeId));
            if (r.PlacedAt is { } placed) milestones.Add(View(CustodyEventTypes.Placed, placed, r.PlacementInstitutionId ?? r.FuneralHomeId));
        }
        return milestones.OrderBy(m => m.At).ToList();
    }
}
