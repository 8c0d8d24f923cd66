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
        // Every figure of the period's tasks by China month and department in one grouped query (FigureMonths), in the
        // order of the index on the two: a year of a city is some 200,000 tasks, scanned once, none loaded or sorted.
        var groups = await InPeriod(db, certificates, filter)
            .CountPerMonthAsync(filter, t => t.CreatedMonth, t => t.Department, [Rule(AcknowledgedInTime, now), Rule(Done, now), Rule(OverdueNow, now)], ct);
        List<(Department Department, int Month, int Count)> Figure(int rule) =>
            [.. groups.Select(g => (g.Key, g.Month, rule < 0 ? g.Rows : g.Counted[rule]))];
        var (tasks, inTime, done, overdue) = (Figure(-1), Figure(0), Figure(1), Figure(2));

        static int Of(List<(Department Department, int Month, int Count)> groups, Func<(Department Department, int Month, int Count), bool> which) =>
            groups.Where(which).Sum(g => g.Count);
        var byDepartment = tasks.Select(t => t.Department).Distinct().Order()
            .Select(d => new DepartmentTaskFigures(EnumCodes<Department>.Code(d), Of(tasks, g => g.Department == d), Of(inTime, g => g.Department == d),
                Of(done, g => g.Department == d), Of(overdue, g => g.Department == d)))
            .ToList();
        var months = filter.Months.Select((m, i) => new TaskMonthFigures(m.ToString(), Of(tasks, g => g.Month == i), Of(inTime, g => g.Month == i), Of(done, g => g.Month == i))).ToList();
        return new CaseTaskFigures(tasks.Sum(g => g.Count), inTime.Sum(g => g.Count), done.Sum(g => g.Count), overdue.Sum(g => g.Count), byDepartment, months);
    }
}
