using Hereafter.Domain.Time;

namespace Hereafter.Web.Modules.Sharing;

/// <summary>When a new task must be acknowledged: the end of the configured number of working days (China time) from now.</summary>
public static class CaseTaskDeadline
{
    public static DateTimeOffset AcknowledgeBy(DateTimeOffset now, IConfiguration configuration)
    {
        var days = configuration.GetValue("Sharing:AcknowledgeWithinWorkingDays", 2);
        return ChinaTime.At(WorkingDays.Add(ChinaTime.DateOf(now), days), new TimeOnly(23, 59)).ToUniversalTime();
    }
}
