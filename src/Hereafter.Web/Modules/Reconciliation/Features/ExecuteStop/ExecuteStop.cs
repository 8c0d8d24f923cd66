using Hereafter.Domain.Messages;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.ExecuteStop;

/// <summary>
/// The department records that a payment stopped, once, with the month it stopped from. This tells the Sharing
/// module through the outbox, in the same transaction, so the person's death case shows this department's task as done.
/// </summary>
public sealed class ExecuteStopHandler(HereafterDbContext db, RollAccess rolls, AuditLog audit, Outbox outbox, IActiveDeaths deaths, TimeProvider clock)
{
    public async Task<StopDto> HandleAsync(Actor actor, Guid id, long row, ExecutionRequest request, CancellationToken ct)
    {
        var text = request.EffectiveMonth?.Trim();
        if (string.IsNullOrEmpty(text) || !YearMonth.TryParse(text, out var month))
            throw new FieldValidationException("effectiveMonth", new Message("reconciliation.stop.month-invalid"));
        var job = await rolls.RequireCompletedAsync(actor, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var executedMonth = month.ToString();
        var now = clock.GetUtcNow();
        // The conditional update is the decision: of any number of concurrent executions (on any node) only the
        // one that finds the row still unexecuted writes it and its StopExecuted event; the others wait for its
        // row lock, then match nothing and answer 409.
        var claimed = await rolls.Stop(job, row).Where(s => s.ExecutedMonth == null)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ExecutedMonth, executedMonth).SetProperty(s => s.ExecutedAt, now)
                .SetProperty(s => s.ExecutedBy, actor.Name), ct);
        var stop = await rolls.RequireStopAsync(job, row, ct);
        if (claimed == 0) throw ProblemException.Conflict(new Message("reconciliation.stop.already-executed").With("row", row).With("month", stop.ExecutedMonth));
        // Ordered with the certificate's own events, so the stop reaches the death case after it was opened.
        var certificateId = await deaths.FindCertificateIdAsync(stop.DeathIdNumber, ct);
        outbox.Add(ReconciliationEventTypes.StopExecuted, new StopExecuted(
            $"{job.Id:n}:{row}", stop.DeathIdNumber, job.Department, job.OrganisationId, actor.OrganisationName, actor.Name,
            stop.Programme, executedMonth, stop.MonthlyAmount, stop.OverpaidAmount),
            certificateId is { } certificate ? CertificateEventTypes.OrderingKey(certificate) : null);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "reconciliation.stop-executed", $"reconciliation:{id}", "benefit-reconciliation", $"row {row} from {executedMonth}", ct);
        await tx.CommitAsync(ct);
        return RollDtos.Stop(stop);
    }
}

public static class ExecuteStopEndpoint
{
    public static void MapExecuteStop(this RouteGroupBuilder api) =>
        api.MapPost("/rolls/{id:guid}/stops/{row:long}/execution", async (Guid id, long row, ExecutionRequest request, HttpContext http, ExecuteStopHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, row, request, ct)))
            .WithSummary("Record that the payment stopped: { effectiveMonth: YYYY-MM }. The person's death case task of your department becomes done.")
            .Produces<StopDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
