using Hereafter.Domain.Input;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>What approving and rejecting a proposed price share: taking the proposal, and the decision's note.</summary>
public static class PriceChangeDecision
{
    /// <summary>
    /// Takes the proposal for this decision: a conditional update that only a still-proposed change passes. On
    /// PostgreSQL a second node deciding at the same moment waits for the row and then finds it decided (409).
    /// </summary>
    public static async Task<PriceChange> ClaimAsync(HereafterDbContext db, TimeProvider clock, Guid changeId, CancellationToken ct)
    {
        var claimed = await db.Set<PriceChange>().Where(c => c.Id == changeId && c.Status == PriceChangeStatus.Proposed)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.DecidedAt, clock.GetUtcNow()), ct);
        var change = await db.Set<PriceChange>().FirstOrDefaultAsync(c => c.Id == changeId, ct) ?? throw ProblemException.NotFound(new Message("pricing.price-change.not-found"));
        if (claimed == 0) throw ProblemException.Conflict(new Message("pricing.price-change.already-decided").With("status", change.Status.ToCode()));
        return change;
    }

    /// <summary>The decision's reason: trimmed, at most 1000 characters, no angle brackets; required for a rejection.</summary>
    public static string? Note(string? text, bool required)
    {
        var note = text?.Trim();
        if (string.IsNullOrEmpty(note))
        {
            if (required) throw new FieldValidationException("reason", new Message("pricing.decision.reason-required"));
            return null;
        }
        if (FreeText.Check(note, 1000, allowControlCharacters: true) != FreeTextProblems.None)
            throw new FieldValidationException("reason", new Message("pricing.decision.reason-invalid").With("max", 1000));
        return note;
    }
}
