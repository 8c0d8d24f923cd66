using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Features.OpenDeathCase;
using Hereafter.Web.Modules.Sharing.Features.ReadChangeFeed;
using Hereafter.Web.Modules.Sharing.Features.ReadDeathCase;
using Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Outbox;

namespace Hereafter.Web.Modules.Sharing;

public static class SharingModule
{
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddScoped<SharingEvents>();
        services.AddScoped<FeedSequencer>();
        services.AddScoped<CertificateChangedHandler>();
        foreach (var type in new[] { CertificateEventTypes.Issued, CertificateEventTypes.Corrected, CertificateEventTypes.Revoked })
            services.AddScoped<IIntegrationEventHandler>(sp => new CertificateEventSubscriber(type, sp.GetRequiredService<CertificateChangedHandler>()));
        services.AddScoped<ReadChangeFeedHandler>();
        services.AddScoped<ReportTaskOutcomeHandler>();
        services.AddScoped<ReadDeathCaseHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Sharing").RequireAuthorization().DisableAntiforgery();

        api.MapGet("/events", async (string? after, int? limit, HttpContext http, ReadChangeFeedHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Require(http), after, limit, ct)))
            .WithSummary("Change feed: your department's events in commit order. Pass nextCursor as after= to page; no gaps, no repeats.")
            .WithDescription("Event types: certificate.issued, certificate.corrected, certificate.revoked, case.task-updated. Each event has id (stable across redeliveries), type, occurredAt, caseId, certificateNumber and data limited to what your department may see.")
            .Produces<FeedPage>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/cases", async (bool? overdue, int? take, HttpContext http, ReadDeathCaseHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(Require(http), overdue ?? false, take ?? 100, ct)))
            .WithSummary("Death cases newest first (civil affairs: all, overdue=true for unacknowledged tasks past due; a department: its tasks)");

        api.MapGet("/cases/{caseId:guid}", async (Guid caseId, HttpContext http, ReadDeathCaseHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReadAsync(Require(http), caseId, ct)))
            .WithSummary("A death case with every task's status history (civil affairs); a department sees its own task")
            .Produces<DeathCaseDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/cases/{caseId:guid}/tasks/{department}/outcome",
                async (Guid caseId, string department, TaskOutcomeRequest request, HttpContext http, ReportTaskOutcomeHandler handler, CancellationToken ct) =>
                    TypedResults.Ok(await handler.HandleAsync(Require(http), caseId, department, request, ct)))
            .WithSummary("Report your department's task: status received|done|rejected|not-applicable, effectiveDate (YYYY-MM or YYYY-MM-DD; required for done), note (required for rejected), amount")
            .Produces<CaseTaskDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return app;
    }

    private static Actor Require(HttpContext http) =>
        Actor.From(http.User) ?? throw new Platform.Errors.ProblemException(StatusCodes.Status401Unauthorized, "Unauthorized");
}
