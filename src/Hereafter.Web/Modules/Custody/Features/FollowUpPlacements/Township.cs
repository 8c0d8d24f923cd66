namespace Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;

/// <summary>
/// The township (乡、镇) or sub-district (街道) of a household address, as a 骨灰去向告知函 is addressed: the address up
/// to its 街道/镇/乡, with the office that receives letters. Addresses without one are addressed to "the township of"
/// the whole address, for the bureau to route.
/// </summary>
public static class Township
{
    public static string Of(string? householdAddress)
    {
        var address = householdAddress?.Trim();
        if (string.IsNullOrEmpty(address)) return "户籍所在地乡镇人民政府（街道办事处）";
        var street = address.IndexOf("街道", StringComparison.Ordinal);
        if (street > 0) return address[..(street + 2)] + "办事处";
        foreach (var unit in new[] { "镇", "乡" })
        {
            var at = address.IndexOf(unit, StringComparison.Ordinal);
            if (at > 0) return address[..(at + 1)] + "人民政府";
        }
        return (address.Length > 150 ? address[..150] : address) + " 所在乡镇人民政府（街道办事处）";
    }
}
