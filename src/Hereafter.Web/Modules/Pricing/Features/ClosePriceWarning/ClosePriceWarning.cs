using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing.Features.ClosePriceWarning;

/// <summary>The bureau's supervisor closes a price warning with a note.</summary>
public sealed class ClosePriceWarningHandler(HereafterDbContext db, PriceWarningQueries warnings, AuditLog audit, TimeProvider clock)
{
    public async Task<PriceWarningDto> HandleAsync(Actor actor, Guid id, CloseWarningRequest? request, CancellationToken ct)
    {
        if (!PricingAccess.Decides(actor))
            throw ProblemException.Forbidden(new Message("pricing.warning.close-forbidden"));
        var note = RequestValidation.Require(request ?? new CloseWarningRequest(null)).Note!.Trim();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Only a still-open warning passes this conditional update: two supervisors closing at once get one 409.
        var claimed = await db.Set<PriceWarning>().Where(w => w.Id == id && w.Status == WarningStatus.Open)
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.ClosedAt, clock.GetUtcNow()), ct);
        var warning = await db.Set<PriceWarning>().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw ProblemException.NotFound(new Message("pricing.warning.not-found"));
        if (claimed == 0) throw ProblemException.Conflict(new Message("pricing.warning.already-closed"));
        warning.Status = WarningStatus.Closed;
        warning.OpenKey = null;
        warning.ClosedAt = clock.GetUtcNow();
        warning.ClosedBy = actor.Name;
        warning.CloseNote = note;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "price-warning.close", $"price-warning:{id}", "price-regulation", note, ct);
        await tx.CommitAsync(ct);
        return (await warnings.ReadManyAsync([id], ct)).Single();
    }
}
