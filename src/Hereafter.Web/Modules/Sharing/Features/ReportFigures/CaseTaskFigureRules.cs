using System.Linq.Expressions;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Figures;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ReportFigures;

/// <summary>
/// What each department-task figure counts, written once: the figures reader counts these tasks and the supervisor's
/// case list with the dashboard's filter (<c>/supervision/cases?figure=…&amp;from=…</c>) shows them.
/// </summary>
public static class CaseTaskFigureRules
{
    // The figures' codes, as the dashboard's tiles (data-figure) and the list's figure= parameter name them.
    public const string Tasks = "tasks";
    public const string AcknowledgedInTime = "acknowledged-in-time";
    public const string Done = "done";
    public const string OverdueNow = "overdue-now";

    public static readonly IReadOnlyList<string> Figures = [Tasks, AcknowledgedInTime, Done, OverdueNow];

    /// <summary>
    /// The tasks one figure counts: created in the period, of a case whose certificate's issuer is in the district (through
    /// the certificates' contract), optionally of one department, and of those the ones <see cref="Rule"/> says.
    /// </summary>
    public static IQueryable<CaseTask> Counted(HereafterDbContext db, ICertificateFigures certificates, FigureFilter filter, string figure,
        DateTimeOffset now, Department? department = null) =>
        InPeriod(db, certificates, filter, department).Where(Rule(figure, now));

    /// <summary>The tasks created in the period, of a case in the district (every task has its case), optionally of one department.</summary>
    public static IQueryable<CaseTask> InPeriod(HereafterDbContext db, ICertificateFigures certificates, FigureFilter filter, Department? department = null)
    {
        var (first, last) = (filter.FirstMonthNumber, filter.LastMonthNumber);
        var tasks = db.Set<CaseTask>().AsNoTracking().Where(t => t.CreatedMonth >= first && t.CreatedMonth <= last);
        if (filter.District is { } district)
        {
            // A join rather than EXISTS: each task has one case, so nothing doubles, and SQLite can start from the
            // district's cases and reach their tasks by case instead of probing a case for each of the city's tasks.
            var inDistrict = certificates.CertificateIdsIssuedIn(district);
            tasks = from t in tasks
                    join c in db.Set<DeathCase>() on t.CaseId equals c.Id
                    where inDistrict.Contains(c.CertificateId)
                    select t;
        }
        return department is { } d ? tasks.Where(t => t.Department == d) : tasks;
    }

    /// <summary>
    /// Which of the period's tasks one figure counts. Acknowledged in time: first answered (received, done, refused or not
    /// applicable) by the acknowledge-by deadline; done: done by now; overdue now: unanswered past the deadline at
    /// <paramref name="now"/>.
    /// </summary>
    public static Expression<Func<CaseTask, bool>> Rule(string figure, DateTimeOffset now) => figure switch
    {
        Tasks => t => true,
        AcknowledgedInTime => t => t.FirstAnsweredAt != null && t.FirstAnsweredAt <= t.AcknowledgeBy,
        Done => t => t.Status == CaseTaskStatus.Done,
        OverdueNow => t => t.Status == CaseTaskStatus.Pending && t.AcknowledgeBy < now,
        _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "not a department-task figure"),
    };
}
