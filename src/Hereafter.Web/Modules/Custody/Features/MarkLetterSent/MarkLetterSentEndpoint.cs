using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Custody.Features.MarkLetterSent;

public static class MarkLetterSentEndpoint
{
    public static RouteGroupBuilder MapMarkLetterSent(this RouteGroupBuilder api)
    {
        api.MapPost("/follow-up-letters/{id:guid}/sent", async (Guid id, HttpContext http, MarkLetterSentHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, ct)))
            .WithSummary("The bureau marks a follow-up letter (reminder or 骨灰去向告知函) sent → { id, sentAt }")
            .Produces<LetterSent>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
