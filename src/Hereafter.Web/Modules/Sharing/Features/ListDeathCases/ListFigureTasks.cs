using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Modules.Sharing.Features.ReportFigures;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ListDeathCases;

/// <summary>
/// The dashboard's filter on the supervisor's case list, as a page or the API gives it: <c>from</c>, <c>to</c> (YYYY-MM),
/// <c>district</c>, the <c>figure</c> (tasks, acknowledged-in-time, done, overdue-now) and optionally one <c>department</c>.
/// </summary>
public sealed record TaskFigureQuery(string? From, string? To, string? District, string? Figure = null, string? Department = null)
{
    public bool Given => new[] { From, To, District, Figure, Department }.Any(p => !string.IsNullOrWhiteSpace(p));
}

/// <summary>
/// The tasks one department-task figure counts, newest first, grouped under their cases (each case shows only its counted
/// tasks); <see cref="Total"/> is the number of tasks, equal to the figure; <see cref="Figures"/> are the figures for the
/// filter, the same as <c>GET /api/v1/supervision/dashboard</c>'s <c>tasks</c>.
/// </summary>
public sealed record TaskFigureList(string Figure, string From, string To, District? District, string? Department, int Total, int PageNumber, int PageSize,
    IReadOnlyList<CaseRow> Cases, CaseTaskFigures Figures)
{
    /// <summary>The filter, for the page's links.</summary>
    [System.Text.Json.Serialization.JsonIgnore] public FigureFilter Filter { get; init; } = null!;
}

/// <summary>The supervisor's list behind one of the dashboard's department-task figures. Names and ID numbers masked; audited.</summary>
public sealed class ListFigureTasksHandler(HereafterDbContext db, ICertificateFigures certificates, ICaseTaskFigures figures, DistrictDirectory districts,
    AuditLog audit, TimeProvider clock)
{
    public async Task<TaskFigureList> HandleAsync(Actor actor, TaskFigureQuery asked, int page, int pageSize, CancellationToken ct)
    {
        if (!SharingAccess.Supervises(actor)) throw ProblemException.Forbidden(new Message("sharing.case.organisation-not-involved"));
        pageSize = Math.Clamp(pageSize, 1, 200);
        page = Math.Max(page, 1);
        var filter = FigureFilter.Parse(asked.From, asked.To, asked.District, clock);
        Department? department = null;
        if (!string.IsNullOrWhiteSpace(asked.Department))
            department = EnumCodes<Department>.TryParse(asked.Department.Trim(), out var d) ? d
                : throw new FieldValidationException("department", new Message("sharing.figures.department-unknown").With("code", asked.Department.Trim()));
        var district = await districts.OfAsync(filter, ct);
        var figure = CaseTaskFigureRules.Figures.FirstOrDefault(f => f == asked.Figure?.Trim()) ?? CaseTaskFigureRules.Tasks;
        var now = clock.GetUtcNow();

        var counted = CaseTaskFigureRules.Counted(db, certificates, filter, figure, now, department);
        var total = await counted.CountAsync(ct);
        var tasks = await counted.OrderByDescending(t => t.CreatedAt).ThenBy(t => t.Department)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var caseIds = tasks.Select(t => t.CaseId).Distinct().ToList();
        var cases = await db.Set<DeathCase>().AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        var dtos = await CaseTaskReads.DtosAsync(db, tasks, now, ct);
        var byCase = tasks.Zip(dtos).ToLookup(p => p.First.CaseId, p => p.Second);
        var rows = caseIds.Select(id => cases[id]).Select(c => new CaseRow(c.Id, c.CertificateId, PersonalDataMask.IdNumber(c.CertificateNumber),
            PersonalDataMask.Name(c.DecedentName), c.Status, c.OpenedAt, CaseTaskAnchor.InPageOrder(byCase[c.Id]).ToList())).ToList();

        var departmentCode = department is { } dep ? EnumCodes<Department>.Code(dep) : null;
        await audit.RecordAsync(actor, "case.list", $"cases:{figure}", "supervision",
            $"{filter.Query}{(departmentCode is null ? "" : "&department=" + departmentCode)}; page {page}, {tasks.Count} tasks of {rows.Count} cases (masked)", ct);
        return new TaskFigureList(figure, filter.From.ToString(), filter.To.ToString(), district, departmentCode, total, page, pageSize, rows,
            await figures.ForAsync(filter, ct)) { Filter = filter };
    }
}
