using OpenIddict.Abstractions;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// Every hour, deletes OpenIddict token and authorization entries that expired (or were revoked) more than a day ago:
/// each client-credentials token leaves one row, and without pruning the table only grows.
/// </summary>
internal sealed class OidcPruning(IServiceScopeFactory scopes, TimeProvider clock, ILogger<OidcPruning> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var threshold = clock.GetUtcNow() - TimeSpan.FromDays(1);
                var tokens = await scope.ServiceProvider.GetRequiredService<IOpenIddictTokenManager>().PruneAsync(threshold, stoppingToken);
                await scope.ServiceProvider.GetRequiredService<IOpenIddictAuthorizationManager>().PruneAsync(threshold, stoppingToken);
                if (tokens > 0) logger.LogInformation("Pruned {Count} expired OAuth token entries.", tokens);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Pruning expired OAuth token entries failed; retrying in an hour.");
            }
        }
    }
}
