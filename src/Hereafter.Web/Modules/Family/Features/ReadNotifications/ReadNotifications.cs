using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family.Features.ReadNotifications;

/// <summary>A notification as listed: <c>Code</c> is its catalogue key, <c>Text</c> its sentence in the request's language.</summary>
public sealed record NotificationDto(long Id, Guid? CaseId, DateTimeOffset At, string Code, string Text, bool Read);

/// <summary>The citizen's own notifications, newest first (at most <see cref="Take"/>).</summary>
public sealed class ReadNotificationsHandler(HereafterDbContext db)
{
    public const int Take = 100;

    public async Task<IReadOnlyList<NotificationDto>> HandleAsync(Citizen citizen, CancellationToken ct)
    {
        var rows = await db.Set<FamilyNotification>().AsNoTracking().Where(n => n.CitizenSubject == citizen.Subject)
            .OrderByDescending(n => n.Id).Take(Take).ToListAsync(ct);
        return rows.Select(n => new NotificationDto(n.Id, n.CaseId, n.At, n.MessageKey, NotificationTexts.In(n.ToMessage(), Texts.IsEnglish), n.ReadAt is not null))
            .ToList();
    }
}

/// <summary>
/// A notification's sentence in a language. Names that differ by language are stored twice (<c>item</c> and
/// <c>itemEn</c>, <c>organisation</c> and <c>organisationEn</c>): the SMS and Chinese pages use the first, English
/// pages the second.
/// </summary>
public static class NotificationTexts
{
    public const string EnglishSuffix = "En";

    public static string In(Message stored, bool english)
    {
        if (!english) return stored.Chinese;
        var values = stored.Values.ToDictionary(v => v.Key, v => v.Value, StringComparer.Ordinal);
        var message = new Message(stored.Key);
        foreach (var (name, value) in values.Where(v => !v.Key.EndsWith(EnglishSuffix, StringComparison.Ordinal)))
            message = message.With(name, values.TryGetValue(name + EnglishSuffix, out var en) && en.Length > 0 ? en : value);
        return message.English;
    }
}

public static class ReadNotificationsEndpoint
{
    public static RouteGroupBuilder MapReadNotifications(this RouteGroupBuilder api)
    {
        api.MapGet("/notifications", async (HttpContext http, ReadNotificationsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Citizen.Require(http), ct)))
            .WithSummary("The citizen's notifications, newest first (also sent by SMS to the verified phone)")
            .Produces<IReadOnlyList<NotificationDto>>();
        return api;
    }
}
