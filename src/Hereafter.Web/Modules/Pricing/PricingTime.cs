using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Pricing;

/// <summary>Dates of prices and bills are China-local calendar dates (<see cref="Hereafter.Domain.Time.ChinaTime"/>).</summary>
public static class PricingTime
{
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date);

    /// <summary>The asOf= query of the public price reads: none for today, else yyyy-MM-dd (a field error otherwise).</summary>
    public static DateOnly? ParseAsOf(string? asOf)
    {
        if (string.IsNullOrWhiteSpace(asOf)) return null;
        return TryParseDate(asOf, out var date) ? date
            : throw new FieldValidationException("asOf", new Message("pricing.date.invalid-format"));
    }
}
