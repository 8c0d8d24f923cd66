namespace Hereafter.Web.Platform.Outbox;

public static class OutboxModule
{
    public static IServiceCollection AddPlatformOutbox(this IServiceCollection services)
    {
        services.AddScoped<Outbox>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxProcessor>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxProcessor>());
        services.AddScoped<SuperviseOutboxHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapPlatformOutbox(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/supervision/outbox", async (HttpContext http, SuperviseOutboxHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Auth.Actor.Require(http), ct)))
            .RequireAuthorization()
            .WithTags("Supervision")
            .WithSummary("Integration events that failed and are not handled yet (civil-affairs supervisor): type, ordering key, attempts, last error, since")
            .WithDescription("Events of one certificate are handled in order: a stuck event holds up the later events of its key (waitingBehind), never other certificates. " +
                             "poisoned is true from 5 failed attempts; retries continue every 10 minutes at most.")
            .Produces<OutboxHealthDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return app;
    }
}
