using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Memorial.Features.StandardsEditing;

public static class SaveStandardEndpoint
{
    public static RouteGroupBuilder MapSaveStandard(this RouteGroupBuilder api)
    {
        api.MapPut("/standards/{slug}", async (string slug, SaveStandardRequest request, HttpContext http, SaveStandardHandler handler, CancellationToken ct) =>
            {
                var saved = await handler.HandleAsync(Actor.Require(http), slug, request, ct);
                return saved.Version == 1 ? Results.Created(saved.Url, saved) : Results.Ok(saved);
            })
            .RequireAuthorization()
            .WithSummary("Save a new version of a standards page: { title, body (Markdown), published, baseVersion } → { slug, version, savedAt, url }")
            .WithDescription("Civil affairs only. baseVersion 0 (or absent) creates the page at this address (lower-case latin letters, digits and single hyphens); "
                + "otherwise it must be the current version, or the answer is 409 with currentVersion, savedBy and savedAt and nothing is saved. 201 for a new page, 200 for a new version.")
            .Produces<StandardSaved>(StatusCodes.Status201Created)
            .Produces<StandardSaved>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
