namespace Hereafter.Web.Platform.Outbox;

/// <summary>Wakes the background workers early (after a commit on this node); other nodes poll.</summary>
public sealed class OutboxSignal
{
    private readonly Listener _processor = new();
    private volatile Listener[] _listeners = [];

    public void Notify()
    {
        _processor.Notify();
        foreach (var listener in _listeners) listener.Notify();
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken ct) => _processor.WaitAsync(timeout, ct);

    /// <summary>A wake-up of its own for another worker, so that it never takes the outbox processor's.</summary>
    public Listener Listen()
    {
        var listener = new Listener();
        lock (_processor) _listeners = [.. _listeners, listener];
        return listener;
    }

    public sealed class Listener
    {
        private readonly SemaphoreSlim _signal = new(0, 1);
        public void Notify() { try { _signal.Release(); } catch (SemaphoreFullException) { } }
        public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
    }
}
