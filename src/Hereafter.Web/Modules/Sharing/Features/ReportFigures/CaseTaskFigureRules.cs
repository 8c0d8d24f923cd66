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
    /// the certificates' contract), optionally of one department. Acknowledged in time: answered (received, done, refused or
    /// not applicable) by the acknowledge-by deadline; done: done by now; overdue now: unanswered past the deadline at
    /// <paramref name="now"/>.
    /// </summary>
    public static IQueryable<CaseTask> Counted(HereafterDbContext db, ICertificateFigures certificates, FigureFilter filter, string figure,
        DateTimeOffset now, Department? department = null)
    {
        var (start, end) = (filter.StartUtc, filter.EndUtc);
        var cases = db.Set<DeathCase>().AsNoTracking();
        if (filter.District is { } district)
        {
            var inDistrict = certificates.CertificateIdsIssuedIn(district);
            cases = cases.Where(c => inDistrict.Contains(c.CertificateId));
        }
        var tasks = db.Set<CaseTask>().AsNoTracking().Where(t => t.CreatedAt >= start && t.CreatedAt < end && cases.Any(c => c.Id == t.CaseId));
        if (department is { } d) tasks = tasks.Where(t => t.Department == d);
        return figure switch
        {
            Tasks => tasks,
            AcknowledgedInTime => tasks.Where(t => db.Set<CaseTaskEntry>().Any(e => e.TaskId == t.Id && e.Status != CaseTaskStatus.Pending && e.At <= t.AcknowledgeBy)),
            Done => tasks.Where(t => t.Status == CaseTaskStatus.Done),
            OverdueNow => tasks.Where(t => t.Status == CaseTaskStatus.Pending && t.AcknowledgeBy < now),
            _ => throw new ArgumentOutOfRangeException(nameof(figure), figure, "not a department-task figure"),
        };
    }
}
