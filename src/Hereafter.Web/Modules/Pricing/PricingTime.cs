namespace Hereafter.Web.Modules.Pricing;

/// <summary>Dates of prices and bills are China-local calendar dates (<see cref="Hereafter.Domain.Time.ChinaTime"/>).</summary>
public static class PricingTime
{
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);
}
