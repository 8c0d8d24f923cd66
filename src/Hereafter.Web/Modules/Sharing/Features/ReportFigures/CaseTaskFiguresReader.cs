using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Figures;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ReportFigures;

/// <summary>
/// Reads <see cref="CaseTaskFigures"/>: one grouped query over the period's tasks (by creation, China months, per
/// department), a task acknowledged in time when it has an answer (an entry that is not "pending") by its deadline;
/// the district through the certificates' contract (the case's certificate's issuer). Counted in SQL: a year of a city
/// is some 200,000 tasks (the bench's <c>dashboard</c> scenario).
/// </summary>
public sealed class CaseTaskFiguresReader(HereafterDbContext db, ICertificateFigures certificates, TimeProvider clock) : ICaseTaskFigures
{
    public async Task<CaseTaskFigures> ForAsync(FigureFilter filter, CancellationToken ct)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var now = clock.GetUtcNow();
        var tasks = db.Set<CaseTask>().AsNoTracking().Where(t => t.CreatedAt >= start && t.CreatedAt < end);
        if (filter.District is { } district)
        {
            var inDistrict = certificates.CertificateIdsIssuedIn(district);
            var cases = db.Set<DeathCase>().AsNoTracking().Where(c => inDistrict.Contains(c.CertificateId)).Select(c => c.Id);
            tasks = tasks.Where(t => cases.Contains(t.CaseId));
        }
        var groups = await tasks
            .SelectWithMonth(filter, t => t.CreatedAt, (t, month) => new
            {
                Month = month, t.Department,
                Done = t.Status == CaseTaskStatus.Done,
                Overdue = t.Status == CaseTaskStatus.Pending && t.AcknowledgeBy < now,
            })
            .GroupBy(r => new { r.Month, r.Department })
            .Select(g => new { g.Key.Month, g.Key.Department, Tasks = g.Count(), Done = g.Count(r => r.Done), Overdue = g.Count(r => r.Overdue) })
            .ToListAsync(ct);
        // Acknowledged in time: an answer (an entry that is not "pending") by the deadline. Its own query with the test in
        // WHERE, so PostgreSQL joins the entries once (a semi-join) rather than probing them once per task in the SELECT list.
        var entries = db.Set<CaseTaskEntry>().AsNoTracking();
        var inTime = (await tasks
            .Where(t => entries.Any(e => e.TaskId == t.Id && e.Status != CaseTaskStatus.Pending && e.At <= t.AcknowledgeBy))
            .SelectWithMonth(filter, t => t.CreatedAt, (t, month) => new { Month = month, t.Department })
            .GroupBy(r => new { r.Month, r.Department })
            .Select(g => new { g.Key.Month, g.Key.Department, Count = g.Count() })
            .ToListAsync(ct))
            .ToDictionary(r => (r.Month, r.Department), r => r.Count);
        var rows = groups.Select(g => new { g.Month, g.Department, g.Tasks, InTime = inTime.GetValueOrDefault((g.Month, g.Department)), g.Done, g.Overdue }).ToList();

        var byDepartment = rows.GroupBy(r => r.Department).OrderBy(g => g.Key)
            .Select(g => new DepartmentTaskFigures(EnumCodes<Department>.Code(g.Key), g.Sum(r => r.Tasks), g.Sum(r => r.InTime), g.Sum(r => r.Done), g.Sum(r => r.Overdue)))
            .ToList();
        var byMonth = rows.GroupBy(r => r.Month).ToDictionary(g => g.Key);
        var months = filter.Months.Select((m, i) => byMonth.TryGetValue(i, out var g)
            ? new TaskMonthFigures(m.ToString(), g.Sum(r => r.Tasks), g.Sum(r => r.InTime), g.Sum(r => r.Done))
            : new TaskMonthFigures(m.ToString(), 0, 0, 0)).ToList();
        return new CaseTaskFigures(rows.Sum(r => r.Tasks), rows.Sum(r => r.InTime), rows.Sum(r => r.Done), rows.Sum(r => r.Overdue), byDepartment, months);
    }
}
