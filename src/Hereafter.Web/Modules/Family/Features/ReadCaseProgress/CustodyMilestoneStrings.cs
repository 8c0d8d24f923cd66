using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Family.Features.ReadCaseProgress;

/// <summary>English for the custody milestones on the family's progress page.</summary>
[EnglishStrings]
internal static class CustodyMilestoneStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["遗体已接运"] = "Body collected",
        ["已火化"] = "Cremated",
        ["骨灰已安放（葬）"] = "Ashes placed",
    };
}
