using System.Globalization;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>
/// Reads of a department system's webhook subscriptions and their delivery attempts. An organisation sees only its
/// own (another's answers 404).
/// </summary>
public sealed class SubscriptionQueries(HereafterDbContext db)
{
    /// <summary>The purpose audited for every change of a subscription.</summary>
    public const string AuditPurpose = "部门系统订阅身后事事件推送";

    public async Task<IReadOnlyList<SubscriptionDto>> ListAsync(Actor actor, CancellationToken ct)
    {
        DepartmentOf(actor);
        var rows = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.OrganisationId == actor.OrganisationId).ToListAsync(ct);
        return rows.OrderBy(s => s.CreatedAt).Select(ToDto).ToList();
    }

    public async Task<SubscriptionDto> ReadAsync(Actor actor, Guid id, CancellationToken ct) => ToDto(await FindAsync(actor, id, ct));

    public async Task<DeliveriesDto> DeliveriesAsync(Actor actor, Guid id, int? limit, CancellationToken ct)
    {
        var take = limit ?? 100;
        if (take is < 1 or > 1000)
            throw new FieldValidationException("limit", new Message("sharing.limit.out-of-range").With("max", 1000));
        var subscription = await FindAsync(actor, id, ct);
        var attempts = await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.Id).Take(take).ToListAsync(ct);
        return new DeliveriesDto(id, subscription.LastError, subscription.Attempts,
            subscription.Attempts > 0 ? subscription.NextAttemptAt : null,
            attempts.Select(d => new DeliveryAttemptDto(d.EventId, d.EventType, d.Attempt, d.At, d.HttpStatus, d.Error, d.Delivered, d.NextRetryAt)).ToList());
    }

    /// <summary>One of the actor's organisation's subscriptions; another organisation's answers 404.</summary>
    public async Task<WebhookSubscription> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        DepartmentOf(actor);
        return await db.Set<WebhookSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.OrganisationId == actor.OrganisationId, ct)
               ?? throw ProblemException.NotFound(new Message("sharing.subscription.not-found"));
    }

    public static Department DepartmentOf(Actor actor) => SharingAccess.DepartmentOf(actor)
        ?? throw ProblemException.Forbidden(new Message("sharing.subscription.department-only"));


    private static SubscriptionDto ToDto(WebhookSubscription s) => new(s.Id, s.Department, s.CallbackUrl, s.Types, s.CreatedAt,
        s.DeliveredThrough.ToString(CultureInfo.InvariantCulture), s.Attempts, s.Attempts > 0 ? s.NextAttemptAt : null, s.LastError);
}
