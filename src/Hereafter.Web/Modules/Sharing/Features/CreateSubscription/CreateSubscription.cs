using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Modules.Sharing.Features.DeliverWebhooks;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Sharing.Features.CreateSubscription;

/// <summary>A department system subscribes to its department's events; the subscription starts after the last event already sequenced.</summary>
public sealed class CreateSubscriptionHandler(
    HereafterDbContext db, FeedSequencer sequencer, IDataProtectionProvider protection, IHostEnvironment environment,
    AuditLog audit, TimeProvider clock)
{
    public async Task<SubscriptionCreated> HandleAsync(Actor actor, CreateSubscriptionRequest request, CancellationToken ct)
    {
        var department = SubscriptionQueries.DepartmentOf(actor);
        MayCreate(actor);
        var errors = new FieldErrors();
        var urlProblem = await WebhookAddressGuard.CheckAsync(request.CallbackUrl, environment.IsDevelopment(), ct);
        if (urlProblem is not null) errors.Add("callbackUrl", urlProblem);
        else if (request.CallbackUrl!.Length > 2000) errors.Add("callbackUrl", new Message("sharing.callback-url.too-long").With("max", 2000));
        if (request.Secret is not null && !WebhookSignature.IsValidSecret(request.Secret))
            errors.Add("secret", WebhookSignature.SecretRule);
        var types = (request.EventTypes ?? []).Distinct(StringComparer.Ordinal).ToArray();
        var known = string.Join(", ", SharingEventTypes.All);
        if (types.Length == 0)
            errors.Add("eventTypes", new Message("sharing.subscription.event-types-required").With("known", known));
        else if (types.FirstOrDefault(t => !SharingEventTypes.All.Contains(t)) is { } unknown)
            errors.Add("eventTypes", new Message("sharing.subscription.event-type-unknown").With("type", unknown).With("known", known));
        errors.ThrowIfAny();

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
            ProtectedSecret = WebhookSecrets.Protector(protection).Protect(secret),
            EventTypes = string.Join(',', SharingEventTypes.All.Where(types.Contains)),
            CreatedAt = now,
            CreatedBy = actor.Id.Length > 64 ? actor.Id[..64] : actor.Id,
            DeliveredThrough = start,
            NextAttemptAt = now,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Add(subscription);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor, "subscription.create", $"subscription:{subscription.Id}", SubscriptionQueries.AuditPurpose,
            $"{subscription.CallbackUrl} {subscription.EventTypes}", ct);
        await tx.CommitAsync(ct);
        return new SubscriptionCreated(subscription.Id, secret);
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
                throw ProblemException.Forbidden(new Message("sharing.subscription.scope-missing").With("scope", DepartmentScopes.Subscriptions));
        }
        else if (!actor.IsInRole(Roles.Administrator))
        {
            throw ProblemException.Forbidden(new Message("sharing.subscription.administrator-required"));
        }
    }
}
