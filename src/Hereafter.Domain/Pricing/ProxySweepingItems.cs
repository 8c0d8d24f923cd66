namespace Hereafter.Domain.Pricing;

/// <summary>
/// The standard item codes of proxy sweeping (代祭扫): services a cemetery or columbarium performs at a grave for a
/// family who cannot come. They are ordinary items of the institution's published price list (延伸服务, category
/// <see cref="PriceCategory.NonBasic"/>), so their prices are published, compared and changed like any other item;
/// an order may only contain items whose code starts with <see cref="Prefix"/>.
/// </summary>
public static class ProxySweepingItems
{
    public const string Prefix = "nonbasic.proxy-sweep.";

    /// <summary>清洁墓碑.</summary>
    public const string CleanHeadstone = Prefix + "clean";
    /// <summary>献花.</summary>
    public const string Flowers = Prefix + "flowers";
    /// <summary>代读祭文.</summary>
    public const string ReadEulogy = Prefix + "eulogy";
    /// <summary>碑文描金 (repainting the inscription).</summary>
    public const string RepaintInscription = Prefix + "repaint";

    public static bool IsProxySweeping(string? code) =>
        code is not null && code.Length > Prefix.Length && code.StartsWith(Prefix, StringComparison.Ordinal);
}
