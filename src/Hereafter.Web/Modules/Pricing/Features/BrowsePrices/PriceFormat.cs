using Hereafter.Domain.Time;
using System.Globalization;
using Hereafter.Web.Platform.Localization;
using Microsoft.AspNetCore.Components;

namespace Hereafter.Web.Modules.Pricing.Features.BrowsePrices;

/// <summary>How the pricing pages write money, dates and areas (the same in both cultures, digits grouped).</summary>
public static class PriceFormat
{
    /// <summary>1,234.50 元 / ¥1,234.50.</summary>
    public static string Yuan(decimal amount) => Texts.IsEnglish
        ? "¥" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture)
        : amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " 元";

    /// <summary>1,234.50 (a column headed in yuan).</summary>
    public static string Money(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);

    public static string Area(decimal squareMetres) => squareMetres.ToString("0.##", CultureInfo.InvariantCulture) + " m²";

    public static string Percent(decimal fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>China time, to the minute.</summary>
    public static string Time(DateTimeOffset at) => ChinaTime.Minutes(at);

    public static string DateOf(DateTimeOffset at) => ChinaTime.Date(at);

    /// <summary>Text an institution or a person typed (an item's or institution's name): shown as typed, marked Chinese.</summary>
    public sealed record Typed(string? Text);

    /// <summary>
    /// A sentence in the page's language whose <see cref="Typed"/> arguments keep the language they were typed in
    /// (<c>&lt;span lang="zh-CN"&gt;</c>), so an English page marks the Chinese names inside its sentences.
    /// </summary>
    public static MarkupString Sentence(string format, params object?[] args) =>
        new(string.Format(CultureInfo.InvariantCulture, Encode(format),
            args.Select(a => a is Typed t ? $"<span lang=\"zh-CN\">{Encode(t.Text ?? "")}</span>" : Encode(a?.ToString() ?? "")).ToArray<object?>()));

    private static string Encode(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
