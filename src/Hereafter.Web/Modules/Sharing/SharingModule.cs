using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Features.DeliverWebhooks;
using Hereafter.Web.Modules.Sharing.Features.ListDeathCases;
using Hereafter.Web.Modules.Sharing.Features.CreateSubscription;
using Hereafter.Web.Modules.Sharing.Features.DeleteSubscription;
using Hereafter.Web.Modules.Sharing.Features.OpenDeathCase;
using Hereafter.Web.Modules.Sharing.Features.ReadChangeFeed;
using Hereafter.Web.Modules.Sharing.Features.ReadDeathCase;
using Hereafter.Web.Modules.Sharing.Features.RedeliverEvent;
using Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;
using Hereafter.Web.Modules.Sharing.Features.ShareCertificateChange;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;
using Hereafter.Web.Platform.Outbox;

namespace Hereafter.Web.Modules.Sharing;

public static class SharingModule
{
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddStaffLinks(SharingLinks.For);
        services.AddScoped<SharingEvents>();
        services.AddScoped<FeedSequencer>();
        services.AddScoped<IIntegrationEventHandler, OpenDeathCaseHandler>();
        foreach (var type in ShareCertificateChangeHandler.EventTypes)
            services.AddScoped<IIntegrationEventHandler>(sp => ActivatorUtilities.CreateInstance<ShareCertificateChangeHandler>(sp, type));
        services.AddScoped<ReadChangeFeedHandler>();
        services.AddScoped<CaseTaskOutcomes>();
        services.AddScoped<ReportTaskOutcomeHandler>();
        services.AddScoped<IIntegrationEventHandler, Features.RecordBenefitStop.BenefitStopHandler>();
        services.AddScoped<ReadDeathCaseHandler>();
        services.AddScoped<ListDeathCasesHandler>();
        services.AddScoped<ReadWorklistHandler>();
        services.AddScoped<IDeathCaseDirectory, DeathCaseDirectory>();
        services.AddScoped<Features.AddCaseTask.AddCaseTaskHandler>();
        services.AddScoped<Features.LinkCaseInstitution.LinkCaseInstitutionHandler>();
        services.AddScoped<SubscriptionQueries>();
        services.AddScoped<CreateSubscriptionHandler>();
        services.AddScoped<DeleteSubscriptionHandler>();
        services.AddScoped<RedeliverEventHandler>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Sharing").RequireAuthorization().DisableAntiforgery();

        api.MapGet("/events", async (string? after, int? limit, HttpContext http, ReadChangeFeedHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), after, limit, ct)))
            .WithSummary("Change feed: your department's events in commit order. Pass nextCursor as after= to page; no gaps, no repeats.")
            .WithDescription("Event types: certificate.issued, certificate.corrected, certificate.revoked, case.task-updated. Each event has id (stable across redeliveries), type, occurredAt, caseId, certificateNumber and data limited to what your department may see.")
            .Produces<FeedPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/cases", async (bool? overdue, int? take, HttpContext http, ListDeathCasesHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), overdue ?? false, take ?? 100, ct)))
            .WithSummary("Death cases newest first (civil affairs: all, overdue=true for unacknowledged tasks past due; a department: its tasks)");

        api.MapGet("/cases/{caseId:guid}", async (Guid caseId, HttpContext http, ReadDeathCaseHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), caseId, ct)))
            .WithSummary("A death case with every task's status history (civil affairs); a department sees its own task")
            .Produces<DeathCaseDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/cases/{caseId:guid}/tasks",
                async (Guid caseId, Features.AddCaseTask.AddCaseTaskRequest request, HttpContext http, Features.AddCaseTask.AddCaseTaskHandler handler, CancellationToken ct) =>
                    TypedResults.Created($"/api/v1/cases/{caseId}", await handler.HandleAsync(Actor.Require(http), caseId, request, ct)))
            .WithSummary("Civil affairs adds a department when the family says so: department traffic-police|disabled-persons-federation|funeral-home (with organisationId of the chosen funeral home), reason")
            .Produces<CaseTaskDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/cases/{caseId:guid}/institutions",
                async (Guid caseId, Features.LinkCaseInstitution.LinkCaseInstitutionRequest request, HttpContext http, Features.LinkCaseInstitution.LinkCaseInstitutionHandler handler, CancellationToken ct) =>
                    TypedResults.Created($"/api/v1/cases/{caseId}", await handler.HandleAsync(Actor.Require(http), caseId, request, ct)))
            .WithSummary("Civil affairs links an institution the family chose (funeral home, cemetery, columbarium or service shop: organisationId, reason); only linked institutions bill the case")
            .Produces<Features.LinkCaseInstitution.CaseInstitutionDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/cases/{caseId:guid}/tasks/{department}/outcome",
                async (Guid caseId, string department, TaskOutcomeRequest request, HttpContext http, ReportTaskOutcomeHandler handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), caseId, department, request, ct)))
            .WithSummary("Report your department's task: status received|done|rejected|not-applicable, effectiveDate (YYYY-MM or YYYY-MM-DD; required for done), note (required for rejected), amount")
            .Produces<CaseTaskDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var hooks = app.MapGroup("/api/v1/subscriptions").WithTags("Webhooks").RequireAuthorization().DisableAntiforgery();

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

        hooks.MapGet("/", async (HttpContext http, SubscriptionQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(Actor.Require(http), ct)))
            .WithSummary("Your organisation's subscriptions")
            .Produces<IReadOnlyList<SubscriptionDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        hooks.MapGet("/{id:guid}", async (Guid id, HttpContext http, SubscriptionQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReadAsync(Actor.Require(http), id, ct)))
            .WithSummary("One of your organisation's subscriptions")
            .Produces<SubscriptionDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        hooks.MapDelete("/{id:guid}", async (Guid id, HttpContext http, DeleteSubscriptionHandler handler, CancellationToken ct) =>
            {
                await handler.HandleAsync(Actor.Require(http), id, ct);
                return TypedResults.NoContent();
            })
            .WithSummary("Stop and remove a subscription")
            .ProducesProblem(StatusCodes.Status404NotFound);

        hooks.MapGet("/{id:guid}/deliveries", async (Guid id, int? limit, HttpContext http, SubscriptionQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.DeliveriesAsync(Actor.Require(http), id, limit, ct)))
            .WithSummary("Delivery attempts, newest first: event, attempt number, time, HTTP status, error, delivered or next retry; and the last error")
            .Produces<DeliveriesDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        hooks.MapPost("/{id:guid}/deliveries/{eventId:guid}/redeliver",
                async (Guid id, Guid eventId, HttpContext http, RedeliverEventHandler handler, CancellationToken ct) =>
                {
                    await handler.HandleAsync(Actor.Require(http), id, eventId, ct);
                    return TypedResults.Accepted($"/api/v1/subscriptions/{id}/deliveries");
                })
            .WithSummary("Queue one of your department's events for delivery again (before the next new event)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

}
