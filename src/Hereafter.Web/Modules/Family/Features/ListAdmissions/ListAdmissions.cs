using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family.Features.ListAdmissions;

/// <summary>
/// A claim in the clerks' list: the applicant's name (the clerk checks it against the proof), their ID number masked,
/// the deceased's name masked; open <see cref="Id"/> for the proof and the full names.
/// </summary>
public sealed record AdmissionRow(
    Guid Id, Guid CaseId, string ApplicantName, string ApplicantIdMasked, string Relationship, string DecedentNameMasked,
    string Status, DateTimeOffset ClaimedAt, DateTimeOffset? UploadedAt);

/// <summary>
/// The civil-affairs review list of family admissions in one status (by default those awaiting review), oldest proof
/// first so none waits longest. Audited: it shows applicants' names.
/// </summary>
public sealed class ListAdmissionsHandler(HereafterDbContext db, ICaseDecedents decedents, AuditLog audit)
{
    public const int Take = 200;

    public async Task<IReadOnlyList<AdmissionRow>> HandleAsync(Actor actor, AdmissionStatus status, CancellationToken ct)
    {
        var rows = await db.Set<FamilyAdmission>().AsNoTracking().Where(a => a.Status == status)
            .Select(a => new
            {
                a.Id, a.CaseId, a.CitizenName, a.CitizenIdNumber, a.Relationship, a.Status, a.CreatedAt,
                UploadedAt = db.Set<FamilyProof>().Where(p => p.AdmissionId == a.Id).Max(p => (DateTimeOffset?)p.UploadedAt),
            })
            .ToListAsync(ct);
        // Ordered in memory: SQLite cannot order by a DateTimeOffset.
        var page = rows.OrderBy(r => r.UploadedAt ?? r.CreatedAt).ThenBy(r => r.Id).Take(Take).ToList();
        var names = await decedents.NamesAsync([.. page.Select(r => r.CaseId)], ct);
        var result = page.Select(r => new AdmissionRow(r.Id, r.CaseId, r.CitizenName, PersonalDataMask.IdNumber(r.CitizenIdNumber),
                EnumCodes<Relationship>.Code(r.Relationship), PersonalDataMask.Name(names.TryGetValue(r.CaseId, out var n) ? n : ""),
                EnumCodes<AdmissionStatus>.Code(r.Status), r.CreatedAt, r.UploadedAt))
            .ToList();
        await audit.RecordAsync(actor, "family.admissions.list", "family-admissions", "family-admission-review",
            $"status {EnumCodes<AdmissionStatus>.Code(status)}; {result.Count} rows: " + string.Join(",", result.Select(r => r.Id)), ct);
        return result;
    }
}
