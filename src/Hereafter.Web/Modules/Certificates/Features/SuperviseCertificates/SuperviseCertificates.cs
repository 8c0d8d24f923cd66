using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.SuperviseCertificates;

/// <summary>
/// Lists for the civil-affairs supervisor (every certificate, the review queue, the ones that missed
/// the time limits) and for an issuer (its own certificates). ID numbers and names are masked.
/// </summary>
public sealed class SuperviseCertificatesHandler(HereafterDbContext db, AuditLog audit, TimeProvider clock)
{
    public const string AllList = "all";
    public const string ReviewQueue = "review";
    public const string LateList = "late";
    // The lists behind the supervisor's tiles: each tile opens the rows it counts.
    public const string IssuedList = "issued";
    public const string RevokedList = "revoked";
    public const string CertifiedLateList = "certified-late";
    public const string ReportedLateList = "reported-late";
    public const string WarningsList = "warnings";

    public sealed record Page(IReadOnlyList<CertificateSummary> Items, int Total, int PageNumber, int PageSize, SupervisionCounts? Counts)
    {
        /// <summary>The page as the API serves it: masked rows only.</summary>
        public MaskedPage Masked() => new(Items.Select(MaskedCertificateSummary.From).ToList(), Total, PageNumber, PageSize, Counts);
    }

    public sealed record MaskedPage(IReadOnlyList<MaskedCertificateSummary> Items, int Total, int PageNumber, int PageSize, SupervisionCounts? Counts);
    public sealed record SupervisionCounts(int Issued, int PendingReview, int Revoked, int CertifiedLate, int ReportedLate, int WithWarnings);

    public async Task<Page> ListAsync(Actor actor, string list, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 1);
        var supervisor = CertificateAccess.CanSupervise(actor);
        if (!supervisor && (list != AllList || !actor.OrganisationType.CanCertify()))
            throw ProblemException.Forbidden(new Message("certificates.supervision.civil-affairs-only"));

        var query = db.Set<Certificate>().AsNoTracking();
        if (!supervisor) query = query.Where(c => c.IssuerOrganisationId == actor.OrganisationId);
        var now = clock.GetUtcNow();
        var overdueIfBefore = now - TimeSpan.FromDays(7); // 5 working days is at least 7 calendar days
        query = list switch
        {
            ReviewQueue => query.Where(c => c.Status == CertificateStatus.PendingReview),
            IssuedList => query.Where(c => c.Status == CertificateStatus.Issued),
            RevokedList => query.Where(c => c.Status == CertificateStatus.Revoked),
            CertifiedLateList => query.Where(c => c.CertifiedLate),
            ReportedLateList => query.Where(c => c.ReportedLate),
            WarningsList => query.Where(c => c.WarningCount > 0),
            LateList => query.Where(c => c.CertifiedLate || c.ReportedLate || (c.Status == CertificateStatus.PendingReview && c.DeathAt < overdueIfBefore)),
            _ => query,
        };
        var total = await query.CountAsync(ct);
        var rows = await (from c in query
                          join o in db.Set<Organisation>() on c.IssuerOrganisationId equals o.Id
                          orderby c.CertifiedAt descending
                          select new { c, Issuer = o.Name })
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var items = rows.Select(r => new CertificateSummary(
            r.c.Number, PersonalDataMask.IdNumber(r.c.Number), PersonalDataMask.Name(r.c.DecedentName), r.c.Status.ToCode(), r.Issuer,
            r.c.DeathAt, r.c.CertifiedAt, r.c.ReportedAt, r.c.CertifiedLate, r.c.ReportedLate, r.c.WarningCount,
            r.c.CurrentVersion, r.c.ReviewNote) { Id = r.c.Id }).ToList();

        SupervisionCounts? counts = null;
        if (supervisor)
        {
            var all = db.Set<Certificate>().AsNoTracking();
            counts = new SupervisionCounts(
                await all.CountAsync(c => c.Status == CertificateStatus.Issued, ct),
                await all.CountAsync(c => c.Status == CertificateStatus.PendingReview, ct),
                await all.CountAsync(c => c.Status == CertificateStatus.Revoked, ct),
                await all.CountAsync(c => c.CertifiedLate, ct),
                await all.CountAsync(c => c.ReportedLate, ct),
                await all.CountAsync(c => c.WarningCount > 0, ct));
        }
        await audit.RecordAsync(actor, "certificate.list", $"certificates:{list}", supervisor ? "supervision" : "certification",
            $"page {page}, {items.Count} rows (masked)", ct);
        return new Page(items, total, page, pageSize, counts);
    }
}
