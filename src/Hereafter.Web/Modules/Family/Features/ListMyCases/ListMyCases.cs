using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family.Features.ListMyCases;

/// <summary>A case the citizen is admitted to: the deceased's full name (theirs to see).</summary>
public sealed record MyCase(Guid CaseId, string DecedentName, string Relationship, DateTimeOffset AdmittedAt);

/// <summary>
/// A claim still waiting: for proof (<c>pending-proof</c>), for the clerk (<c>pending-review</c>) or rejected with the
/// clerk's <see cref="Reason"/> (new proof may be uploaded). The name is masked until the relationship is proven.
/// </summary>
public sealed record MyPendingClaim(Guid CaseId, string DecedentNameMasked, string Relationship, string Status, DateTimeOffset ClaimedAt, string? Reason);

public sealed record MyCases(IReadOnlyList<MyCase> Cases, IReadOnlyList<MyPendingClaim> PendingClaims);

/// <summary>The citizen's cases and pending claims, newest first. Audited as a read of the deceased's data.</summary>
public sealed class ListMyCasesHandler(HereafterDbContext db, ICaseDecedents decedents, AuditLog audit)
{
    public async Task<MyCases> HandleAsync(Citizen citizen, CancellationToken ct)
    {
        var rows = await db.Set<FamilyAdmission>().AsNoTracking().Where(a => a.CitizenSubject == citizen.Subject)
            .OrderByDescending(a => a.CreatedAt)
            .Select(a => new { a.CaseId, a.Relationship, a.Status, a.CreatedAt, a.DecidedAt, a.Reason })
            .ToListAsync(ct);
        var names = await decedents.NamesAsync([.. rows.Select(r => r.CaseId)], ct);
        string Name(Guid caseId) => names.TryGetValue(caseId, out var name) ? name : "";
        var admitted = rows.Where(r => r.Status == AdmissionStatus.Admitted)
            .Select(r => new MyCase(r.CaseId, Name(r.CaseId), EnumCodes<Relationship>.Code(r.Relationship), r.DecidedAt ?? r.CreatedAt))
            .ToList();
        var pending = rows.Where(r => r.Status != AdmissionStatus.Admitted)
            .Select(r => new MyPendingClaim(r.CaseId, PersonalDataMask.Name(Name(r.CaseId)), EnumCodes<Relationship>.Code(r.Relationship),
                EnumCodes<AdmissionStatus>.Code(r.Status), r.CreatedAt, r.Status == AdmissionStatus.Rejected ? r.Reason : null))
            .ToList();
        if (admitted.Count > 0)
            await audit.RecordAsync(citizen.ToActor(), "family.cases.read", $"citizen:{citizen.Subject}", "family-own-cases",
                "cases " + string.Join(",", admitted.Select(c => c.CaseId)), ct);
        return new MyCases(admitted, pending);
    }
}
