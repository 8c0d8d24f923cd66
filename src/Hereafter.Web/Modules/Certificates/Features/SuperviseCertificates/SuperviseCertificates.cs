using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.ReportFigures;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.SuperviseCertificates;

/// <summary>
/// Lists for the civil-affairs supervisor (every certificate, the review queue, the ones that missed
/// the time limits) and for an issuer (its own certificates). ID numbers and names are masked. With the dashboard's
/// filter (<see cref="FigureQuery"/>) the supervisor's list is the rows one figure counts (<see cref="CertificateFigureRules"/>)
/// and the page carries the figures for the filter, the same as <c>GET /api/v1/supervision/dashboard</c>'s.
/// </summary>
public sealed class SuperviseCertificatesHandler(HereafterDbContext db, AuditLog audit, TimeProvider clock, ICertificateFigures figures, DistrictDirectory districts)
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
        /// <summary>With the dashboard's filter: the figure listed, the filter as understood, and the figures for it.</summary>
        public FigureSelection? Figure { get; init; }

        /// <summary>The page as the API serves it: masked rows only.</summary>
        public MaskedPage Masked() => new(Items.Select(MaskedCertificateSummary.From).ToList(), Total, PageNumber, PageSize, Counts) { Figure = Figure };
    }

    public sealed record MaskedPage(IReadOnlyList<MaskedCertificateSummary> Items, int Total, int PageNumber, int PageSize, SupervisionCounts? Counts)
    {
        public FigureSelection? Figure { get; init; }
    }

    /// <summary>
    /// The dashboard's filter on the supervisor's list, as a page or the API gives it: <c>from</c>, <c>to</c> (YYYY-MM),
    /// <c>district</c>; <c>warning</c> (a warning code) narrows the list with warnings to one kind, <c>issuerType</c>
    /// (hospital, health-centre, police) a list to one type of issuer.
    /// </summary>
    public sealed record FigureQuery(string? From, string? To, string? District, string? Warning = null, string? IssuerType = null)
    {
        public static readonly FigureQuery None = new(null, null, null);

        public bool Given => new[] { From, To, District, Warning, IssuerType }.Any(p => !string.IsNullOrWhiteSpace(p));
    }

    /// <summary>The figure a list shows (<see cref="CertificateFigureRules.Figures"/>) for a filter, and all the figures for it.</summary>
    public sealed record FigureSelection(string List, string From, string To, District? District, string? Warning, string? IssuerType, CertificateFigures Figures)
    {
        /// <summary>The filter, for the page's links.</summary>
        [System.Text.Json.Serialization.JsonIgnore] public FigureFilter Filter { get; init; } = null!;
    }
    public sealed record SupervisionCounts(int Issued, int PendingReview, int Revoked, int CertifiedLate, int ReportedLate, int WithWarnings);

    public Task<Page> ListAsync(Actor actor, string list, int page, int pageSize, CancellationToken ct) =>
        ListAsync(actor, list, FigureQuery.None, page, pageSize, ct);

    public async Task<Page> ListAsync(Actor actor, string list, FigureQuery filter, int page, int pageSize, CancellationToken ct)
    {
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 1);
        var supervisor = CertificateAccess.CanSupervise(actor);
        if (!supervisor && (list != AllList || !actor.OrganisationType.CanCertify()))
            throw ProblemException.Forbidden(new Message("certificates.supervision.civil-affairs-only"));

        if (filter.Given)
        {
            if (!supervisor) throw ProblemException.Forbidden(new Message("certificates.supervision.civil-affairs-only"));
            return await FigureListAsync(actor, list, filter, page, pageSize, ct);
        }

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
        var (total, items) = await RowsAsync(query, page, pageSize, ct);

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

    /// <summary>The rows one figure counts for the dashboard's filter, and the figures for the filter.</summary>
    private async Task<Page> FigureListAsync(Actor actor, string list, FigureQuery asked, int page, int pageSize, CancellationToken ct)
    {
        var filter = FigureFilter.Parse(asked.From, asked.To, asked.District, clock);
        OrganisationType? issuerType = null;
        if (!string.IsNullOrWhiteSpace(asked.IssuerType))
            issuerType = EnumCodes<OrganisationType>.TryParse(asked.IssuerType.Trim(), out var type) ? type
                : throw new FieldValidationException("issuerType", new Message("certificates.supervision.issuer-type-unknown").With("code", asked.IssuerType.Trim()));
        var district = await districts.OfAsync(filter, ct);
        var warning = string.IsNullOrWhiteSpace(asked.Warning) ? null : asked.Warning.Trim();
        // The dashboard's figures by their codes; the tiles' older names (issued, review, warnings) mean the same figures.
        var figure = warning is not null ? CertificateFigureRules.WithWarnings : list switch
        {
            ReviewQueue => CertificateFigureRules.DuplicatesPending,
            WarningsList => CertificateFigureRules.WithWarnings,
            _ when CertificateFigureRules.Figures.Contains(list) => list,
            _ => CertificateFigureRules.Issued,
        };

        var query = CertificateFigureRules.Counted(db, filter, figure);
        if (issuerType is { } t) query = query.IssuedBy(db, t);
        if (warning is not null)
        {
            var ids = await query.Select(c => c.Id).ToListAsync(ct);
            var kinds = await CertificateFigureRules.WarningKindsAsync(db, ids, ct);
            var carrying = ids.Where(id => kinds.TryGetValue(id, out var codes) && codes.Contains(warning, StringComparer.Ordinal)).ToList();
            query = db.Set<Certificate>().AsNoTracking().Where(c => carrying.Contains(c.Id));
        }
        var (total, items) = await RowsAsync(query, page, pageSize, ct);
        var selection = new FigureSelection(figure, filter.From.ToString(), filter.To.ToString(), district, warning,
            issuerType is { } i ? EnumCodes<OrganisationType>.Code(i) : null, await figures.ForAsync(filter, ct)) { Filter = filter };
        await audit.RecordAsync(actor, "certificate.list", $"certificates:{figure}", "supervision",
            $"{filter.Query}{(warning is null ? "" : "&warning=" + warning)}{(selection.IssuerType is { } it ? "&issuerType=" + it : "")}; page {page}, {items.Count} rows (masked)", ct);
        return new Page(items, total, page, pageSize, null) { Figure = selection };
    }

    private async Task<(int Total, List<CertificateSummary> Items)> RowsAsync(IQueryable<Certificate> query, int page, int pageSize, CancellationToken ct)
    {
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
        return (total, items);
    }
}
