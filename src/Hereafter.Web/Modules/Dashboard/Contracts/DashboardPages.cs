namespace Hereafter.Web.Modules.Dashboard.Contracts;

/// <summary>The bureau's dashboard (监管驾驶舱), for links from other modules and the menu.</summary>
public static class DashboardPages
{
    /// <summary>The civil-affairs bureau's home: every figure for a period and a district.</summary>
    public const string Home = "/supervision";
}
