using Hereafter.Domain.Messages;
using System.Globalization;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Reconciliation.Features.RecoverOverpayment;

/// <summary>The department records that a stop's overpayment was recovered, once, with the amount and date.</summary>
public sealed class RecoverOverpaymentHandler(HereafterDbContext db, RollAccess rolls, AuditLog audit)
{
    public async Task<StopDto> HandleAsync(Actor actor, Guid id, long row, RecoveryRequest request, CancellationToken ct)
    {
        var errors = new FieldErrors();
        if (request.Amount is not { } amount || amount <= 0 || decimal.Round(amount, 2) != amount || amount > 100_000_000m)
            errors.Add("amount", new Message("reconciliation.recovery.amount-invalid"));
        DateOnly date = default;
        if (string.IsNullOrWhiteSpace(request.Date)
            || !DateOnly.TryParseExact(request.Date.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            errors.Add("date", new Message("reconciliation.recovery.date-invalid"));
        errors.ThrowIfAny();
        var job = await rolls.RequireCompletedAsync(actor, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var recovered = request.Amount;
        // Recorded once: the conditional update lets one of concurrent recordings in, the others get 409.
        var claimed = await rolls.Stop(job, row).Where(s => s.RecoveredAmount == null && s.OverpaidAmount != 0)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.RecoveredAmount, recovered).SetProperty(s => s.RecoveredOn, date)
                .SetProperty(s => s.RecoveredBy, actor.Name), ct);
        var stop = await rolls.RequireStopAsync(job, row, ct);
        if (claimed == 0)
            throw ProblemException.Conflict((stop.OverpaidAmount == 0
                ? new Message("reconciliation.recovery.no-overpayment")
                : new Message("reconciliation.recovery.already-recorded")).With("row", row));
        await audit.RecordAsync(actor, "reconciliation.recovered", $"reconciliation:{id}", "benefit-reconciliation", $"row {row}: {request.Amount} on {date:yyyy-MM-dd}", ct);
        await tx.CommitAsync(ct);
        return RollDtos.Stop(stop);
    }
}

public static class RecoverOverpaymentEndpoint
{
    public static void MapRecoverOverpayment(this RouteGroupBuilder api) =>
        api.MapPost("/rolls/{id:guid}/stops/{row:long}/recovery", async (Guid id, long row, RecoveryRequest request, HttpContext http, RecoverOverpaymentHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, row, request, ct)))
            .WithSummary("Record the overpayment recovered: { amount, date: YYYY-MM-DD }")
            .Produces<StopDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
}
