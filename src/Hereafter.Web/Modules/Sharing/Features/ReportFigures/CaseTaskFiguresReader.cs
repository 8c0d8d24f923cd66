using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Figures;
using Microsoft.EntityFrameworkCore;
using static Hereafter.Web.Modules.Sharing.Features.ReportFigures.CaseTaskFigureRules;

namespace Hereafter.Web.Modules.Sharing.Features.ReportFigures;

/// <summary>
/// Reads <see cref="CaseTaskFigures"/> from the tasks <see cref="CaseTaskFigureRules"/> says each figure counts (the
/// supervisor's list behind the figures uses the same rules): department and creation time of each, grouped here by
/// department and China month.
/// </summary>
public sealed class CaseTaskFiguresReader(HereafterDbContext db, ICertificateFigures certificates, TimeProvider clock) : ICaseTaskFigures
{
    public async Task<CaseTaskFigures> ForAsync(FigureFilter filter, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        async Task<List<(Department Department, YearMonth Month)>> RowsAsync(string figure) =>
            [.. (await Counted(db, certificates, filter, figure, now).Select(t => new { t.Department, t.CreatedAt }).ToListAsync(ct))
                .Select(t => (t.Department, FigureFilter.MonthOf(t.CreatedAt)))];
        var tasks = await RowsAsync(Tasks);
        var inTime = await RowsAsync(AcknowledgedInTime);
        var done = await RowsAsync(Done);
        var overdue = await RowsAsync(OverdueNow);

        static int Of<TKey>(List<(Department Department, YearMonth Month)> rows, Func<(Department Department, YearMonth Month), TKey> key, TKey value) =>
            rows.Count(r => EqualityComparer<TKey>.Default.Equals(key(r), value));
        var byDepartment = tasks.Select(t => t.Department).Distinct().Order()
            .Select(d => new DepartmentTaskFigures(EnumCodes<Department>.Code(d), Of(tasks, r => r.Department, d), Of(inTime, r => r.Department, d),
                Of(done, r => r.Department, d), Of(overdue, r => r.Department, d)))
            .ToList();
        var months = filter.Months.Select(m => new TaskMonthFigures(m.ToString(), Of(tasks, r => r.Month, m), Of(inTime, r => r.Month, m), Of(done, r => r.Month, m))).ToList();
        return new CaseTaskFigures(tasks.Count, inTime.Count, done.Count, overdue.Count, byDepartment, months);
    }
}
