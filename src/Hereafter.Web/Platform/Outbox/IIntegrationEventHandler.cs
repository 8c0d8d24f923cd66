namespace Hereafter.Web.Platform.Outbox;

/// <summary>A module's handler of another module's integration event. Must be idempotent.</summary>
public interface IIntegrationEventHandler
{
    /// <summary>The event type handled, e.g. <c>certificates.issued</c>.</summary>
    string EventType { get; }

    /// <summary>Runs inside the transaction that also marks the message processed.</summary>
    Task HandleAsync(OutboxMessage message, CancellationToken ct);
}
