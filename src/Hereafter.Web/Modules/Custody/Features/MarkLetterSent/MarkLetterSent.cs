using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.MarkLetterSent;

public sealed record LetterSent(Guid Id, DateTimeOffset SentAt);

/// <summary>The bureau marks a follow-up letter sent (once: a second mark is 409, so the date is the first sending's).</summary>
public sealed class MarkLetterSentHandler(HereafterDbContext db, AuditLog audit, TimeProvider clock)
{
    public async Task<LetterSent> HandleAsync(Actor actor, Guid letterId, CancellationToken ct)
    {
        FollowUpQueries.RequireBureau(actor);
        if (!await db.Set<FollowUpLetter>().AnyAsync(l => l.Id == letterId, ct))
            throw ProblemException.NotFound(new Message("custody.follow-up.letter-not-found"));
        var now = clock.GetUtcNow();
        var marked = await db.Set<FollowUpLetter>().Where(l => l.Id == letterId && l.SentAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.SentAt, now).SetProperty(l => l.SentBy, actor.Name), ct);
        if (marked == 0) throw ProblemException.Conflict(new Message("custody.follow-up.already-sent"));
        await audit.RecordAsync(actor, "custody.follow-up.sent", $"follow-up-letter:{letterId}", "custody", "", ct);
        return new LetterSent(letterId, now);
    }
}
