using Microsoft.AspNetCore.Diagnostics;

namespace Hereafter.Web.Platform.Errors;

/// <summary>Status codes for static-SSR pages that explain the problem themselves.</summary>
public static class PageStatus
{
    /// <summary>
    /// Answers with <paramref name="status"/> and this page's own message. Blazor drops the body of a
    /// page that sets 404 while rendering (it expects the not-found page to re-execute), so a 404 is set
    /// as the response starts, after the body is rendered; status-code pages are switched off for it.
    /// </summary>
    public static void Set(HttpContext http, int status)
    {
        var statusPages = http.Features.Get<IStatusCodePagesFeature>();
        if (statusPages is not null) statusPages.Enabled = false;
        if (status != StatusCodes.Status404NotFound)
        {
            http.Response.StatusCode = status;
            return;
        }
        http.Response.OnStarting(static state =>
        {
            ((HttpResponse)state).StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }, http.Response);
    }
}
