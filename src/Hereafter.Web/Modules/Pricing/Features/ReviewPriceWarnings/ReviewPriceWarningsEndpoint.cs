using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Pricing.Features.ReportFigures;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Pricing.Features.ReviewPriceWarnings;

public static class ReviewPriceWarningsEndpoint
{
    public static RouteGroupBuilder MapReviewPriceWarnings(this RouteGroupBuilder api)
    {
        api.MapGet("/price-warnings", async (string? status, Guid? institutionId, int? take, string? from, string? to, string? district, string? figure,
                HttpContext http, PriceWarningQueries queries, FuneralPriceLists lists, CancellationToken ct) =>
            {
                var actor = Actor.Require(http);
                if (from is null && to is null && district is null && figure is null)
                    return TypedResults.Ok(await queries.ListAsync(actor, status, institutionId, take ?? 200, ct));
                // The list behind a dashboard figure: the bureau only, its filter checked before anything is read.
                if (!PricingAccess.Supervises(actor)) throw ProblemException.Forbidden(new Message("pricing.warnings.forbidden"));
                var wanted = PriceWarningQueries.ParseFigure(figure);
                var filter = await lists.FilterAsync(from, to, district, ct);
                return TypedResults.Ok(await queries.ListForFigureAsync(actor, filter, wanted, take ?? 1000, ct));
            })
            .WithSummary("Price warnings with their evidence, newest first (status=open|closed): the bureau sees all, an institution its own. "
                + "With from/to (YYYY-MM, China months), district (six-digit region code) and figure=raised|closed|open-at-end (civil affairs only): "
                + "the warnings behind the dashboard's figures, of the district's institutions, raised in the period, closed in it, or open at its end")
            .Produces<IReadOnlyList<PriceWarningDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/price-warnings/{id:guid}", async (Guid id, HttpContext http, PriceWarningQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(Actor.Require(http), id, ct)))
            .WithSummary("One price warning with its evidence")
            .Produces<PriceWarningDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        return api;
    }
}
