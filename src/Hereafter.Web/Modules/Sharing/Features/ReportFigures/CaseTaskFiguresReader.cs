using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Figures;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ReportFigures;

/// <summary>
/// Reads <see cref="CaseTaskFigures"/>: the period's tasks (by creation, China months) with the first answer each got,
/// in two queries; the district through the certificates' contract (the case's certificate's issuer).
/// </summary>
public sealed class CaseTaskFiguresReader(HereafterDbContext db, ICertificateFigures certificates, TimeProvider clock) : ICaseTaskFigures
{
    public async Task<CaseTaskFigures> ForAsync(FigureFilter filter, CancellationToken ct)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var cases = db.Set<DeathCase>().AsNoTracking();
        if (filter.District is { } district)
        {
            var inDistrict = certificates.CertificateIdsIssuedIn(district);
            cases = cases.Where(c => inDistrict.Contains(c.CertificateId));
        }
        var tasks = await (
            from t in db.Set<CaseTask>().AsNoTracking()
            join c in cases on t.CaseId equals c.Id
            where t.CreatedAt >= start && t.CreatedAt < end
            select new { t.Id, t.Department, t.Status, t.CreatedAt, t.AcknowledgeBy }).ToListAsync(ct);

        // The first answer of each task: the earliest entry that is not "pending".
        var ids = tasks.Select(t => t.Id).ToList();
        var answered = new Dictionary<Guid, DateTimeOffset>();
        foreach (var chunk in ids.Chunk(1000))
        {
            var list = chunk.ToList();
            var entries = await db.Set<CaseTaskEntry>().AsNoTracking()
                .Where(e => list.Contains(e.TaskId) && e.Status != CaseTaskStatus.Pending)
                .Select(e => new { e.TaskId, e.At }).ToListAsync(ct);
            foreach (var e in entries)
                if (!answered.TryGetValue(e.TaskId, out var first) || e.At < first) answered[e.TaskId] = e.At;
        }

        var now = clock.GetUtcNow();
        bool InTime(Guid id, DateTimeOffset by) => answered.TryGetValue(id, out var at) && at <= by;
        var rows = tasks.Select(t => new
        {
            t.Department, Month = FigureFilter.MonthOf(t.CreatedAt), InTime = InTime(t.Id, t.AcknowledgeBy),
            Done = t.Status == CaseTaskStatus.Done, Overdue = t.Status == CaseTaskStatus.Pending && t.AcknowledgeBy < now,
        }).ToList();

        var byDepartment = rows.GroupBy(r => r.Department).OrderBy(g => g.Key)
            .Select(g => new DepartmentTaskFigures(EnumCodes<Department>.Code(g.Key), g.Count(), g.Count(r => r.InTime), g.Count(r => r.Done), g.Count(r => r.Overdue)))
            .ToList();
        var byMonth = rows.GroupBy(r => r.Month).ToDictionary(g => g.Key);
        var months = filter.Months.Select(m => byMonth.TryGetValue(m, out var g)
            ? new TaskMonthFigures(m.ToString(), g.Count(), g.Count(r => r.InTime), g.Count(r => r.Done))
            : new TaskMonthFigures(m.ToString(), 0, 0, 0)).ToList();
        return new CaseTaskFigures(rows.Count, rows.Count(r => r.InTime), rows.Count(r => r.Done), rows.Count(r => r.Overdue), byDepartment, months);
    }
}
