using System.Globalization;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Reconciliation.Features.ReadRoll;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.FollowUpStops;

/// <summary>
/// The department records that a payment stopped (once, with the month it stopped from) and that the
/// overpayment was recovered (once, amount and date). Executing a stop tells the Sharing module through the
/// outbox, in the same transaction, so the person's death case shows this department's task as done.
/// </summary>
public sealed class FollowUpStopsHandler(HereafterDbContext db, ReadRollHandler reader, AuditLog audit, Outbox outbox, IActiveDeaths deaths, TimeProvider clock)
{
    public async Task<StopDto> ExecuteAsync(Actor actor, Guid id, long row, ExecutionRequest request, CancellationToken ct)
    {
        var text = request.EffectiveMonth?.Trim();
        if (string.IsNullOrEmpty(text) || !YearMonth.TryParse(text, out var month))
            throw new FieldValidationException(new Dictionary<string, string[]> { ["effectiveMonth"] = ["停发月份须为 YYYY-MM，如 2026-12"] });
        var job = await reader.RequireCompletedAsync(actor, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var executedMonth = month.ToString();
        var now = clock.GetUtcNow();
        // The conditional update is the decision: of any number of concurrent executions (on any node) only the
        // one that finds the row still unexecuted writes it and its StopExecuted event; the others wait for its
        // row lock, then match nothing and answer 409.
        var claimed = await Stops(job, row).Where(s => s.ExecutedMonth == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExecutedMonth, executedMonth).SetProperty(s => s.ExecutedAt, now)
                .SetProperty(s => s.ExecutedBy, actor.Name), ct);
        var stop = await StopAsync(job, row, ct);
        if (claimed == 0) throw ProblemException.Conflict($"Row {row} was already stopped from {stop.ExecutedMonth}.");
        // Ordered with the certificate's own events, so the stop reaches the death case after it was opened.
        var certificateId = await deaths.FindCertificateIdAsync(stop.DeathIdNumber, ct);
        outbox.Add(ReconciliationEventTypes.StopExecuted, new StopExecuted(
            $"{job.Id:n}:{row}", stop.DeathIdNumber, job.Department, job.OrganisationId, actor.OrganisationName, actor.Name,
            stop.Programme, executedMonth, stop.MonthlyAmount, stop.OverpaidAmount),
            certificateId is { } certificate ? CertificateEventTypes.OrderingKey(certificate) : null);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "reconciliation.stop-executed", $"reconciliation:{id}", "benefit-reconciliation", $"row {row} from {executedMonth}", ct);
        await tx.CommitAsync(ct);
        return ReadRollHandler.ToDto(stop);
    }

    public async Task<StopDto> RecoverAsync(Actor actor, Guid id, long row, RecoveryRequest request, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Amount is not { } amount || amount <= 0 || decimal.Round(amount, 2) != amount || amount > 100_000_000m)
            errors["amount"] = ["追回金额须为正数，最多两位小数"];
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(request.Date)
            || !DateOnly.TryParseExact(request.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            errors["date"] = ["追回日期须为 YYYY-MM-DD"];
        if (errors.Count > 0) throw new FieldValidationException(errors);
        var job = await reader.RequireCompletedAsync(actor, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var recovered = request.Amount;
        // Recorded once: the conditional update lets one of concurrent recordings in, the others get 409.
        var claimed = await Stops(job, row).Where(s => s.RecoveredAmount == null && s.OverpaidAmount != 0)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RecoveredAmount, recovered).SetProperty(s => s.RecoveredOn, date)
                .SetProperty(s => s.RecoveredBy, actor.Name), ct);
        var stop = await StopAsync(job, row, ct);
        if (claimed == 0)
            throw ProblemException.Conflict(stop.OverpaidAmount == 0
                ? $"Row {row} has no overpayment to recover."
                : $"Row {row}'s overpayment was already recorded as recovered.");
        await audit.RecordAsync(actor, "reconciliation.recovered", $"reconciliation:{id}", "benefit-reconciliation", $"row {row}: {request.Amount} on {date:yyyy-MM-dd}", ct);
        await tx.CommitAsync(ct);
        return ReadRollHandler.ToDto(stop);
    }

    private IQueryable<StopResult> Stops(RollJob job, long row) =>
        db.Set<StopResult>().Where(s => s.JobId == job.Id && s.Attempt == job.CompletedAttempt && s.Row == row);

    private async Task<StopResult> StopAsync(RollJob job, long row, CancellationToken ct) =>
        await Stops(job, row).AsNoTracking().FirstOrDefaultAsync(ct)
        ?? throw ProblemException.NotFound($"Row {row} is not a stop of this job (a review row becomes one when confirmed).");
}
