using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family.Features.NotifyTaskAnswered;

/// <summary>
/// A department or bank reported on a task: every citizen admitted to the case who applied for that task gets an in-app
/// notification. Keyed by the event's id (unique per citizen), so a redelivered event adds nothing. The SMS goes out
/// once this commits, through <see cref="NotificationSmsDue"/>.
/// </summary>
public sealed class NotifyTaskAnsweredHandler(HereafterDbContext db, FamilyNotifications notifications, Outbox outbox) : IIntegrationEventHandler
{
    public string EventType => CaseTaskAnswered.EventType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var answered = Outbox.Read<CaseTaskAnswered>(message);
        if (answered.Status == CaseTaskStatus.Pending) return;
        var applicants = await db.Set<FamilyApplicationTask>().AsNoTracking()
            .Where(t => t.CaseId == answered.CaseId && t.TaskId == answered.TaskId).Select(t => t.CitizenSubject).Distinct().ToListAsync(ct);
        if (applicants.Count == 0) return;
        var sourceKey = SourceKey(message.Id);
        var done = await db.Set<FamilyNotification>().AsNoTracking().Where(n => n.SourceKey == sourceKey).Select(n => n.CitizenSubject).ToListAsync(ct);
        var admitted = await db.Set<FamilyAdmission>().AsNoTracking()
            .Where(a => a.CaseId == answered.CaseId && a.Status == AdmissionStatus.Admitted && applicants.Contains(a.CitizenSubject) && !done.Contains(a.CitizenSubject))
            .Select(a => a.CitizenSubject).ToListAsync(ct);
        if (admitted.Count == 0) return;
        var organisationEn = await db.Set<Organisation>().AsNoTracking().Where(o => o.Name == answered.OrganisationName)
            .Select(o => o.NameEn).FirstOrDefaultAsync(ct);
        var text = new Message(KeyOf(answered.Status))
            .With("item", answered.Item.ChineseName()).With("itemEn", answered.Item.EnglishName())
            .With("organisation", answered.OrganisationName).With("organisationEn", organisationEn ?? answered.OrganisationName);
        // No phone here: the SMS is sent after this transaction commits (NotificationSmsDue), never for a rolled-back notification.
        foreach (var subject in admitted) notifications.Add(subject, "", answered.CaseId, text, sourceKey);
        outbox.Add(NotificationSmsDue.EventType, new NotificationSmsDue(sourceKey), orderingKey: null);
    }

    public static string SourceKey(Guid eventId) => "task-answered:" + eventId.ToString("N");

    private static string KeyOf(CaseTaskStatus status) => status switch
    {
        CaseTaskStatus.Received => "family.notification.task-received",
        CaseTaskStatus.Rejected => "family.notification.task-rejected",
        CaseTaskStatus.NotApplicable => "family.notification.task-not-applicable",
        _ => "family.notification.task-done",
    };
}

/// <summary>Notifications with this source key were committed: send their SMS (Family's own event).</summary>
public sealed record NotificationSmsDue(string SourceKey)
{
    public const string EventType = "family.notification-sms-due";
}

/// <summary>
/// Sends the SMS of committed notifications to each citizen's verified phone (from their admission), in Chinese.
/// At least once: a crash between sending and marking the event handled sends it again.
/// </summary>
public sealed class SendNotificationSmsHandler(HereafterDbContext db, ISmsSender sms) : IIntegrationEventHandler
{
    public string EventType => NotificationSmsDue.EventType;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var due = Outbox.Read<NotificationSmsDue>(message);
        var rows = await db.Set<FamilyNotification>().AsNoTracking().Where(n => n.SourceKey == due.SourceKey).ToListAsync(ct);
        foreach (var row in rows)
        {
            var phone = await db.Set<FamilyAdmission>().AsNoTracking().Where(a => a.CaseId == row.CaseId && a.CitizenSubject == row.CitizenSubject)
                .Select(a => a.CitizenPhone).FirstOrDefaultAsync(ct);
            if (!string.IsNullOrEmpty(phone)) await sms.SendAsync(phone, row.ToMessage().Chinese, ct);
        }
    }
}
