namespace Hereafter.Web.Modules.Memorial.Contracts;

/// <summary>The memorial services' pages, for links from other modules and the menu.</summary>
public static class MemorialPages
{
    // public
    /// <summary>Booking days and places left per site (no sign-in).</summary>
    public const string Sites = "/memorial";
    /// <summary>The simplified-funeral standards (丧事简办), public.</summary>
    public const string Standards = "/standards";
    public static string Standard(string slug) => $"/standards/{Uri.EscapeDataString(slug)}";

    // citizen (family sign-in)
    public const string Book = "/family/memorial/book";
    public const string MyBookings = "/family/memorial/bookings";
    public static string Pass(Guid bookingId) => $"/family/memorial/bookings/{bookingId}";
    public const string NewProxyOrder = "/family/memorial/proxy/new";
    public static string ProxyOrder(Guid orderId) => $"/family/memorial/proxy/{orderId}";

    // site staff (cemetery, columbarium)
    public const string SiteDays = "/memorial/days";
    public const string Gate = "/memorial/gate";
    public const string ProxyOrders = "/memorial/proxy-orders";
    /// <summary>One proxy-sweeping order at the site: its details and the completion with photos.</summary>
    public static string SiteProxyOrder(Guid orderId) => $"/memorial/proxy-orders/{orderId}";

    // civil affairs
    public const string Supervision = "/supervision/memorial";
    /// <summary>The bookings and visits per site and day behind the dashboard's memorial figures, for its months and district.</summary>
    public static string SupervisionFor(Hereafter.Web.Platform.Figures.FigureFilter filter) => $"{Supervision}?{filter.Query}";
    public const string EditStandards = "/standards/manage";
    public const string NewStandard = "/standards/manage/new";
    public static string EditStandard(string slug) => $"/standards/manage/{Uri.EscapeDataString(slug)}";
    public static string StandardVersion(string slug, int version) => $"/standards/manage/{Uri.EscapeDataString(slug)}/versions/{version}";
}
