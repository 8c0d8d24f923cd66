using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Platform.Outbox;

/// <summary>An integration event that failed at least once and is not handled yet.</summary>
/// <param name="OrderingKey">What it holds up, e.g. <c>certificate:{id}</c>; later events of that key wait for it.</param>
/// <param name="Since">When the event was written: it has been waiting since then.</param>
/// <param name="WaitingBehind">Later events of the same key that wait for this one.</param>
/// <param name="Poisoned">It failed <see cref="OutboxProcessor.PoisonedAfterAttempts"/> times or more: someone must look at it.</param>
public sealed record StuckEventDto(
    Guid Id, long Sequence, string Type, string? OrderingKey, int Attempts, string? LastError,
    DateTimeOffset Since, DateTimeOffset? NextAttemptAt, int WaitingBehind, bool Poisoned);

/// <summary>The outbox as the civil-affairs supervisor sees it.</summary>
/// <param name="Pending">Events not handled yet (stuck or not).</param>
public sealed record OutboxHealthDto(int Pending, int Poisoned, IReadOnlyList<StuckEventDto> Stuck);

/// <summary>
/// Shows the civil-affairs supervisor the integration events that keep failing, so that one poisoned event
/// (which holds up only its own certificate) is noticed and fixed instead of silently delaying a department.
/// </summary>
public sealed class SuperviseOutboxHandler(HereafterDbContext db)
{
    public const int MaxListed = 200;

    public static bool CanSupervise(Actor actor) =>
        actor.OrganisationType == OrganisationType.CivilAffairs && (actor.IsInRole(Roles.Supervisor) || actor.IsInRole(Roles.System));

    public async Task<OutboxHealthDto> HandleAsync(Actor actor, CancellationToken ct)
    {
        if (!CanSupervise(actor))
            throw ProblemException.Forbidden(new Message("platform.outbox.supervisor-only"));
        return await ReadAsync(ct);
    }

    /// <summary>The same without the access check, for pages that have checked it themselves.</summary>
    public async Task<OutboxHealthDto> ReadAsync(CancellationToken ct)
    {
        var messages = db.Set<OutboxMessage>().AsNoTracking();
        var pending = await messages.CountAsync(m => m.ProcessedAt == null, ct);
        var poisoned = await messages.CountAsync(m => m.ProcessedAt == null && m.Attempts >= OutboxProcessor.PoisonedAfterAttempts, ct);
        var stuck = await messages.Where(m => m.ProcessedAt == null && m.Attempts > 0)
            .OrderByDescending(m => m.Attempts).ThenBy(m => m.Sequence).Take(MaxListed)
            .Select(m => new StuckEventDto(m.Id, m.Sequence, m.Type, m.OrderingKey, m.Attempts, m.LastError, m.OccurredAt, m.NextAttemptAt,
                m.OrderingKey == null ? 0 : messages.Count(p => p.OrderingKey == m.OrderingKey && p.ProcessedAt == null && p.Sequence > m.Sequence),
                m.Attempts >= OutboxProcessor.PoisonedAfterAttempts))
            .ToListAsync(ct);
        return new OutboxHealthDto(pending, poisoned, stuck);
    }
}
