using System.Text.Json;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Family;

/// <summary>
/// Tells a citizen something happened on their case: an in-app notification (listed on the family pages and at
/// <c>GET /api/v1/family/notifications</c>) and an SMS to their verified phone. The notification is added to the
/// caller's unit of work (it commits with the change it reports); the SMS goes out after the caller commits.
/// </summary>
public sealed class FamilyNotifications(HereafterDbContext db, ISmsSender sms, TimeProvider clock)
{
    private readonly List<(string Phone, string Text)> _pending = [];

    /// <param name="message">A <c>family.notification.*</c> message of the catalogues.</param>
    /// <param name="sourceKey">What caused it, unique per citizen (an event's id), so a repeat adds nothing; see <see cref="FamilyNotification.SourceKey"/>.</param>
    public void Add(string citizenSubject, string phone, Guid? caseId, Message message, string? sourceKey = null)
    {
        db.Add(new FamilyNotification
        {
            CitizenSubject = citizenSubject, CaseId = caseId, At = clock.GetUtcNow(), MessageKey = message.Key,
            ArgumentsJson = JsonSerializer.Serialize(message.Values.ToDictionary(v => v.Key, v => v.Value)),
            SourceKey = sourceKey,
        });
        if (phone.Length > 0) _pending.Add((phone, message.Chinese));
    }

    /// <summary>Sends the SMS of the notifications added so far; call after the transaction committed.</summary>
    public async Task SendPendingAsync(CancellationToken ct)
    {
        foreach (var (phone, text) in _pending) await sms.SendAsync(phone, text, ct);
        _pending.Clear();
    }
}

/// <summary>Sends a text message. Production plugs in the city's SMS gateway; Development writes it to the log.</summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken ct);
}

/// <summary>Development's SMS sender: the message goes to the log (phone masked), nowhere else.</summary>
public sealed class LoggingSmsSender(ILogger<LoggingSmsSender> logger) : ISmsSender
{
    public Task SendAsync(string phone, string text, CancellationToken ct)
    {
        var masked = phone.Length >= 7 ? phone[..3] + new string('*', phone.Length - 7) + phone[^4..] : "***";
        logger.LogInformation("SMS to {Phone}: {Text}", masked, text);
        return Task.CompletedTask;
    }
}
