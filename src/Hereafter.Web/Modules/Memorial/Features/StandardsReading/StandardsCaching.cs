namespace Hereafter.Web.Modules.Memorial.Features.StandardsReading;

/// <summary>
/// The public standards pages change a few times a year and are read by the whole city: an anonymous reader's browser
/// or a shared proxy may keep them for a minute (so a saved version shows everywhere within a minute, on every web node,
/// without any state in the application). The language and a sign-in come in cookies, hence <c>Vary: Cookie</c>;
/// signed-in staff see their own menu (and its sign-out form) and are never stored.
/// </summary>
public static class StandardsCaching
{
    public const int Seconds = 60;

    public static void Apply(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true)
        {
            http.Response.Headers.CacheControl = "no-store";
            return;
        }
        http.Response.Headers.CacheControl = $"public, max-age={Seconds}";
        http.Response.Headers.Vary = "Cookie";
    }
}
