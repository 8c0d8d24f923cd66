using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Sharing.Features.CreateSubscription;

public static class CreateSubscriptionEndpoint
{
    public static RouteGroupBuilder MapCreateSubscription(this RouteGroupBuilder hooks)
    {
        hooks.MapPost("/", async (CreateSubscriptionRequest request, HttpContext http, CreateSubscriptionHandler handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(Actor.Require(http), request, ct);
                return TypedResults.Created($"/api/v1/subscriptions/{created.Id}", created);
            })
            .WithSummary("Subscribe your department system to your department's events: { callbackUrl, secret?, eventTypes }")
            .WithDescription("Events sequenced after now are POSTed to callbackUrl one at a time in feed order, at least once (de-duplicate by webhook-id), " +
                             "signed per the Standard Webhooks specification: webhook-id, webhook-timestamp (Unix seconds) and webhook-signature: v1,<base64 HMAC-SHA256 over " +
                             "\"{webhook-id}.{webhook-timestamp}.{raw body}\" keyed by the base64-decoded part of the secret>; verify with a Standard Webhooks library. " +
                             "The X-Hereafter-* headers are deprecated and sent for one more release. Outside development callbackUrl must be a public https URL. " +
                             "secret, when given, must be whsec_ + base64 of 24 to 64 random bytes (400 otherwise); without it one is generated and returned only here. " +
                             "Every delivery attempt is audited as a read of the certificate it names.")
            .Produces<SubscriptionCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return hooks;
    }
}
