using System.Globalization;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Modules.Sharing.Features.DeliverWebhooks;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Platform.Outbox;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.ManageSubscriptions;

/// <summary>
/// Webhook subscriptions of a department system. An organisation sees only its own (another's answers 404);
/// a new subscription starts after the last event already sequenced.
/// </summary>
public sealed class ManageSubscriptionsHandler(
    HereafterDbContext db, FeedSequencer sequencer, IDataProtectionProvider protection, IHostEnvironment environment,
    AuditLog audit, OutboxSignal signal, TimeProvider clock)
{
    public const string ProtectorPurpose = "Hereafter.Sharing.WebhookSecret.v1";
    private const string Purpose = "部门系统订阅身后事事件推送";

    public static IDataProtector Protector(IDataProtectionProvider provider) => provider.CreateProtector(ProtectorPurpose);

    public async Task<SubscriptionCreated> CreateAsync(Actor actor, CreateSubscriptionRequest request, CancellationToken ct)
    {
        var department = DepartmentOf(actor);
        MayCreate(actor);
        var errors = new Dictionary<string, string[]>();
        var urlProblem = await WebhookAddressGuard.CheckAsync(request.CallbackUrl, environment.IsDevelopment(), ct);
        if (urlProblem is not null) errors["callbackUrl"] = [urlProblem];
        else if (request.CallbackUrl!.Length > 2000) errors["callbackUrl"] = ["callbackUrl is longer than 2000 characters"];
        if (request.Secret is not null && !WebhookSignature.IsValidSecret(request.Secret))
            errors["secret"] = [WebhookSignature.SecretRule];
        var types = (request.EventTypes ?? []).Distinct(StringComparer.Ordinal).ToArray();
        if (types.Length == 0)
            errors["eventTypes"] = [$"name at least one event type: {string.Join(", ", SharingEventTypes.All)}"];
        else if (types.FirstOrDefault(t => !SharingEventTypes.All.Contains(t)) is { } unknown)
            errors["eventTypes"] = [$"unknown event type '{unknown}'; known: {string.Join(", ", SharingEventTypes.All)}"];
        if (errors.Count > 0) throw new FieldValidationException(errors);

        var secret = request.Secret ?? WebhookSignature.GenerateSecret();
        // Sequence first so that "after it was created" means after every event committed before now.
        await sequencer.AssignAsync(ct);
        var start = await db.Set<SharingEvent>().MaxAsync(e => e.FeedPosition, ct) ?? 0;
        var now = clock.GetUtcNow();
        var subscription = new WebhookSubscription
        {
            Id = Guid.NewGuid(),
            OrganisationId = actor.OrganisationId,
            Department = department,
            CallbackUrl = request.CallbackUrl!,
            ProtectedSecret = Protector(protection).Protect(secret),
            EventTypes = string.Join(',', SharingEventTypes.All.Where(types.Contains)),
            CreatedAt = now,
            CreatedBy = actor.Id.Length > 64 ? actor.Id[..64] : actor.Id,
            DeliveredThrough = start,
            NextAttemptAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(subscription);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "subscription.create", $"subscription:{subscription.Id}", Purpose,
            $"{subscription.CallbackUrl} {subscription.EventTypes}", ct);
        await tx.CommitAsync(ct);
        return new SubscriptionCreated(subscription.Id, secret);
    }

    public async Task<IReadOnlyList<SubscriptionDto>> ListAsync(Actor actor, CancellationToken ct)
    {
        DepartmentOf(actor);
        var rows = await db.Set<WebhookSubscription>().AsNoTracking().Where(s => s.OrganisationId == actor.OrganisationId).ToListAsync(ct);
        return rows.OrderBy(s => s.CreatedAt).Select(ToDto).ToList();
    }

    public async Task<SubscriptionDto> ReadAsync(Actor actor, Guid id, CancellationToken ct) => ToDto(await FindAsync(actor, id, ct));

    public async Task DeleteAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var subscription = await FindAsync(actor, id, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Set<WebhookRedelivery>().Where(r => r.SubscriptionId == id).ExecuteDeleteAsync(ct);
        await db.Set<WebhookDelivery>().Where(r => r.SubscriptionId == id).ExecuteDeleteAsync(ct);
        await db.Set<WebhookSubscription>().Where(s => s.Id == id).ExecuteDeleteAsync(ct);
        await audit.RecordAsync(actor, "subscription.delete", $"subscription:{subscription.Id}", Purpose, subscription.CallbackUrl, ct);
        await tx.CommitAsync(ct);
    }

    public async Task<DeliveriesDto> DeliveriesAsync(Actor actor, Guid id, int? limit, CancellationToken ct)
    {
        var take = limit ?? 100;
        if (take is < 1 or > 1000)
            throw new FieldValidationException(new Dictionary<string, string[]> { ["limit"] = ["limit 须在 1 至 1000 之间"] });
        var subscription = await FindAsync(actor, id, ct);
        var attempts = await db.Set<WebhookDelivery>().AsNoTracking().Where(d => d.SubscriptionId == id)
            .OrderByDescending(d => d.Id).Take(take).ToListAsync(ct);
        return new DeliveriesDto(id, subscription.LastError, subscription.Attempts,
            subscription.Attempts > 0 ? subscription.NextAttemptAt : null,
            attempts.Select(d => new DeliveryAttemptDto(d.EventId, d.EventType, d.Attempt, d.At, d.HttpStatus, d.Error, d.Delivered, d.NextRetryAt)).ToList());
    }

    public async Task RedeliverAsync(Actor actor, Guid id, Guid eventId, CancellationToken ct)
    {
        var subscription = await FindAsync(actor, id, ct);
        var exists = await db.Set<SharingEvent>().AnyAsync(e => e.Id == eventId && e.Department == subscription.Department && (e.OrganisationId == null || e.OrganisationId == subscription.OrganisationId) && e.FeedPosition != null, ct);
        if (!exists) throw ProblemException.NotFound("No such event for this subscription's department.");
        db.Add(new WebhookRedelivery { SubscriptionId = id, EventId = eventId, RequestedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        signal.Notify();
    }

    private async Task<WebhookSubscription> FindAsync(Actor actor, Guid id, CancellationToken ct)
    {
        DepartmentOf(actor);
        return await db.Set<WebhookSubscription>().AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.OrganisationId == actor.OrganisationId, ct)
               ?? throw ProblemException.NotFound("No such subscription.");
    }

    /// <summary>
    /// Where deliveries go is the department's decision: a department system whose client is granted the subscriptions
    /// scope, or a member of staff with the department's administrator role.
    /// </summary>
    private static void MayCreate(Actor actor)
    {
        if (actor.IsInRole(Roles.System))
        {
            if (!actor.HasScope(DepartmentScopes.Subscriptions))
                throw ProblemException.Forbidden($"This client is not granted the '{DepartmentScopes.Subscriptions}' scope: ask the platform operator to grant it, and request a token with it.");
        }
        else if (!actor.IsInRole(Roles.Administrator))
        {
            throw ProblemException.Forbidden("Creating a webhook subscription needs the department's administrator role.");
        }
    }

    private static string DepartmentOf(Actor actor) => SharingAccess.DepartmentOf(actor)
        ?? throw ProblemException.Forbidden("Only departments that act on deaths may subscribe to events.");

    private static SubscriptionDto ToDto(WebhookSubscription s) => new(s.Id, s.Department, s.CallbackUrl, s.Types, s.CreatedAt,
        s.DeliveredThrough.ToString(CultureInfo.InvariantCulture), s.Attempts, s.Attempts > 0 ? s.NextAttemptAt : null, s.LastError);
}
