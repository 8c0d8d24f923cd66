namespace Hereafter.Web.Modules.Memorial;

/// <summary>Settings of section <c>Memorial</c> (docs/configuration.md).</summary>
public sealed class MemorialOptions
{
    public const string Section = "Memorial";

    /// <summary>Citizens of this age or older may visit without booking (the pages say so); 0 turns it off.</summary>
    public int NoBookingFromAge { get; set; } = 70;

    /// <summary>Minutes a pass is accepted before its slot starts and after it ends.</summary>
    public int PassGraceMinutes { get; set; } = 30;

    /// <summary>A grave counts as recent for the quota when the death was within this many years.</summary>
    public int RecentGraveYears { get; set; } = 3;

    /// <summary>Photos per proxy-sweeping completion and the size of each upload.</summary>
    public int ProxyPhotoMaxCount { get; set; } = 6;
    public int ProxyPhotoMaxBytes { get; set; } = 8 * 1024 * 1024;
}
