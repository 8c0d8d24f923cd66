using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyCompletion;

public static class CompleteProxyOrderEndpoint
{
    /// <summary>Room for the multipart boundaries, headers and the note around the files.</summary>
    public const long FormOverhead = 1024 * 1024;

    public static RouteGroupBuilder MapCompleteProxyOrder(this RouteGroupBuilder api)
    {
        api.MapPost("/proxy-orders/{id:guid}/completion", async (Guid id, HttpContext http, CompleteProxyOrderHandler handler, IOptions<MemorialOptions> options, CancellationToken ct) =>
            {
                var actor = Actor.From(http.User) ?? throw ProblemException.Forbidden(new Message("memorial.proxy.site-only"));
                var form = await ReadFormAsync(http, options.Value, ct);
                return TypedResults.Ok(await handler.HandleAsync(actor, id, [.. form.Files.GetFiles("photos")], form["note"].ToString(), ct));
            })
            .RequireAuthorization()
            .Accepts<IFormFileCollection>("multipart/form-data")
            .WithSummary("The site's staff complete a proxy-sweeping order: multipart `photos` (one or more JPEG or PNG files) and an optional `note` → 200 the completed order")
            .WithDescription("Each photo is decoded and re-encoded (EXIF and GPS dropped, at most 2048 px a side). Count and size limits are Memorial:ProxyPhotoMaxCount and " +
                             "Memorial:ProxyPhotoMaxBytes. If any file is refused (not an image, another format such as GIF or WebP, damaged, too large, too many) nothing is " +
                             "stored and 400 names each file in `photos[i]`. 409 when already completed; 404 for another site's order; 413 when the whole upload exceeds count × size.")
            .Produces<ProxyOrderView>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return api;
    }

    /// <summary>The posted form, reading no more of the body than the photo limits allow (413 beyond).</summary>
    private static async Task<IFormCollection> ReadFormAsync(HttpContext http, MemorialOptions options, CancellationToken ct)
    {
        var limit = (long)options.ProxyPhotoMaxCount * options.ProxyPhotoMaxBytes + FormOverhead;
        if (http.Request.ContentLength > limit) throw TooLarge(options);
        if (!http.Request.HasFormContentType) throw new FieldValidationException("photos", new Message("memorial.proxy.photo.required"));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        try
        {
            return await http.Request.ReadFormAsync(ct);
        }
        catch (InvalidDataException) when (http.Request.ContentLength is not null)
        {
            // A body of a known length within the limit cannot exceed it: the multipart itself is malformed (or empty).
            throw new FieldValidationException("photos", new Message("memorial.proxy.upload-unreadable"));
        }
        catch (Exception e) when (e is InvalidDataException || (e is BadHttpRequestException b && b.StatusCode == StatusCodes.Status413PayloadTooLarge))
        {
            throw TooLarge(options);
        }
    }

    private static ProblemException TooLarge(MemorialOptions options) =>
        new(StatusCodes.Status413PayloadTooLarge, "Payload too large", new Message("memorial.proxy.upload-too-large")
            .With("count", options.ProxyPhotoMaxCount).With("max", CompleteProxyOrderHandler.Megabytes(options.ProxyPhotoMaxBytes)));
}
