using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Custody;

/// <summary>The rules every recorded time of the loop shares: given, and not in the future.</summary>
public static class CustodyTimes
{
    /// <summary>The document a pickup rests on, as the timeline shows it.</summary>
    public const string DeathCertificate = "居民死亡医学证明";

    /// <summary>Adds <c>custody.time.required</c> or <c>custody.time.in-future</c> under <paramref name="field"/>.</summary>
    public static void Check(DateTimeOffset? at, string field, DateTimeOffset now, FieldErrors errors)
    {
        if (at is null) errors.Add(field, new Message("custody.time.required"));
        else if (at.Value > now) errors.Add(field, new Message("custody.time.in-future"));
    }
}
