using System.Globalization;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.RecordBenefitStop;

/// <summary>
/// A department stopped a benefit found by reconciliation (应停未停): when the person has a death case on the
/// platform, that department's task becomes done with the month payments stopped from and the overpayment
/// to recover. Idempotent: the stop's key is kept in the task history, and a repeat changes nothing.
/// A person without a certificate on the platform (the roll matched a death file elsewhere) has no case.
/// </summary>
public sealed class BenefitStopHandler(HereafterDbContext db, IActiveDeaths deaths, CaseTaskOutcomes outcomes) : IIntegrationEventHandler
{
    public string EventType => ReconciliationEventTypes.StopExecuted;

    public async Task HandleAsync(OutboxMessage message, CancellationToken ct)
    {
        var stop = Outbox.Read<StopExecuted>(message);
        if (!EnumCodes<Department>.TryParse(stop.Department, out var department)) return;
        var certificateId = await deaths.FindCertificateIdAsync(stop.IdNumber, ct);
        if (certificateId is null) return;
        var deathCase = await DeathCaseRows.LockByCertificateAsync(db, certificateId.Value, ct)
                        // Ordered after the certificate's events, so its issue has been shared: fail and retry rather than lose the stop.
                        ?? throw new InvalidOperationException($"The death case of certificate {certificateId} is not open yet; the stop waits for it.");
        var task = await db.Set<CaseTask>().FirstOrDefaultAsync(t => t.CaseId == deathCase.Id && t.Department == department && t.Item == CaseTaskItem.Notification, ct);
        if (task is null) return;
        var marker = $"[{stop.Key}]";
        if (await db.Set<CaseTaskEntry>().AnyAsync(e => e.TaskId == task.Id && e.Note != null && e.Note.Contains(marker), ct)) return;
        var note = string.Create(CultureInfo.InvariantCulture,
            $"应停未停比对：{stop.Programme} 自 {stop.EffectiveMonth} 停发，月发放 {stop.MonthlyAmount:0.00} 元，应追回 {stop.OverpaidAmount:0.00} 元 {marker}");
        await outcomes.RecordAsync(deathCase, task, CaseTaskStatus.Done, stop.EffectiveMonth, note, stop.OverpaidAmount, stop.ActorName, stop.OrganisationName, ct);
        await db.SaveChangesAsync(ct);
    }
}
