using Hereafter.Web.Modules.Memorial.Contracts;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyOrders;

public static class ReadProxyOrderEndpoint
{
    public static RouteGroupBuilder MapReadProxyOrders(this RouteGroupBuilder api)
    {
        // Who may read is decided per order (its citizen, its site's staff), with the family cookie as well as tokens and the
        // staff cookie (ProxyViewer): these endpoints carry no policy of their own.
        api.MapGet("/proxy-orders", async (HttpContext http, ListMyProxyOrdersHandler mine, ListSiteProxyOrdersHandler site, CancellationToken ct) =>
            {
                var viewer = await ProxyViewer.FromAsync(http);
                if (viewer.Actor is { } actor) return TypedResults.Ok(await site.HandleAsync(actor, ct));
                return TypedResults.Ok(await mine.HandleAsync(viewer.Citizen!, ct));
            })
            .WithSummary("Proxy-sweeping orders: a citizen's own (newest first), or, for a cemetery's or columbarium's staff, the site's (open first; names and phone masked)")
            .Produces<IReadOnlyList<ProxyOrderSummary>>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/proxy-orders/{id:guid}", async (Guid id, HttpContext http, ReadProxyOrderHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(await ProxyViewer.FromAsync(http), id, ct)))
            .WithSummary("One proxy-sweeping order with its options at the prices when ordered, its total and, once completed, its photos' URLs")
            .WithDescription("For the citizen who ordered it and the site's staff only; anyone else gets 404. A read by staff is audited.")
            .Produces<ProxyOrderView>()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/proxy-orders/{id:guid}/photos/{photoId:guid}", async (Guid id, Guid photoId, HttpContext http, ReadProxyPhotoHandler handler, CancellationToken ct) =>
            {
                var photo = await handler.HandleAsync(await ProxyViewer.FromAsync(http), id, photoId, ct);
                // The stored, re-encoded copy under a neutral name; never sniffed into another type; kept by the
                // person's own browser only (it never changes: its hash is the ETag).
                http.Response.Headers.ContentDisposition = $"inline; filename=\"photo.{(photo.ContentType == "image/png" ? "png" : "jpg")}\"";
                http.Response.Headers.XContentTypeOptions = "nosniff";
                http.Response.Headers.CacheControl = "private, max-age=86400";
                http.Response.Headers.ETag = $"\"{photo.Sha256}\"";
                return Results.Bytes(photo.Content, photo.ContentType);
            })
            .WithSummary("A completion photo of a proxy-sweeping order (JPEG or PNG, re-encoded: no EXIF or GPS), for the same people as the order")
            .Produces(StatusCodes.Status200OK, contentType: "image/jpeg")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
