namespace Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;

/// <summary>Wakes this node's worker after an upload; other nodes find the job by polling.</summary>
public sealed class RollWorkSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    public void Notify() { try { _signal.Release(); } catch (SemaphoreFullException) { } }
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
