using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;

/// <summary>
/// Runs the placement follow-up on every node, but once per <see cref="CustodyOptions.FollowUpIntervalMinutes"/> across
/// them all (<see cref="CustodyJobLeases"/>); the letters' unique index keeps even an overlapping run from doubling one.
/// Waits on the platform's <see cref="TimeProvider"/>, so tests move it with a fake clock.
/// </summary>
public sealed class FollowUpWorker(IServiceScopeFactory scopes, TimeProvider clock, IOptions<CustodyOptions> options, ILogger<FollowUpWorker> logger)
    : BackgroundService
{
    public const string JobName = "placement-follow-up";

    public string NodeId { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("n")[..6]}";

    private TimeSpan Period => TimeSpan.FromMinutes(Math.Max(1, options.Value.FollowUpIntervalMinutes));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunIfDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Placement follow-up failed; retrying next period");
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            // Check a few times per period, so a node that claimed the turn and died delays the job by one period at most.
            try { await Task.Delay(Period / 4, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Runs the follow-up when this node wins the period's turn; null when another node has it.</summary>
    public async Task<FollowUpResult?> RunIfDueAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<CustodyJobLeases>().TryClaimAsync(JobName, Period, NodeId, ct)) return null;
        var result = await scope.ServiceProvider.GetRequiredService<PlacementFollowUp>().SweepAsync(ct);
        if (result.Letters + result.Unclaimed > 0)
            logger.LogInformation("Placement follow-up: {Letters} letters, {Unclaimed} ashes now unclaimed", result.Letters, result.Unclaimed);
        return result;
    }
}
