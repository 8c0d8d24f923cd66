using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Pricing.Features.ApprovePriceChange;
using Hereafter.Web.Modules.Pricing.Features.ClosePriceWarning;
using Hereafter.Web.Modules.Pricing.Features.ExportToExcel;
using Hereafter.Web.Modules.Pricing.Features.IssueBill;
using Hereafter.Web.Modules.Pricing.Features.ManagePricingSettings;
using Hereafter.Web.Modules.Pricing.Features.ProposePriceChange;
using Hereafter.Web.Modules.Pricing.Features.RejectPriceChange;
using Hereafter.Web.Modules.Pricing.Features.ReportStatistics;
using Hereafter.Web.Modules.Pricing.Features.ScanPriceWarnings;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Pricing;

public static class PricingModule
{
    public static IServiceCollection AddPricing(this IServiceCollection services)
    {
        services.AddStaffLinks(PricingLinks.For);
        services.AddScoped<PriceListQueries>();
        services.AddScoped<PlotWarningScanner>();
        services.AddScoped<ProposePriceChangeHandler>();
        services.AddScoped<PriceChangeQueries>();
        services.AddScoped<ApprovePriceChangeHandler>();
        services.AddScoped<RejectPriceChangeHandler>();
        services.AddScoped<PriceWarningQueries>();
        services.AddScoped<ClosePriceWarningHandler>();
        services.AddScoped<ScanPriceWarningsHandler>();
        services.AddScoped<BillQueries>();
        services.AddScoped<IssueBillHandler>();
        services.AddScoped<Features.ShowFamilyBill.ShowFamilyBillHandler>();
        services.AddScoped<ReportStatisticsHandler>();
        services.AddScoped<ManagePricingSettingsHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapPricing(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("/api/v1").WithTags("Prices").AllowAnonymous().DisableAntiforgery();

        open.MapGet("/price-lists", async (string? district, string? type, PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListInstitutionsAsync(district, type, ct)))
            .WithSummary("Public: institutions that publish a price list, by district and type (funeral-home|cemetery|columbarium|service-shop)")
            .Produces<IReadOnlyList<InstitutionSummary>>();

        open.MapGet("/price-lists/{institutionId:guid}", async (Guid institutionId, string? asOf, PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetPriceListAsync(institutionId, ParseAsOf(asOf), ct)
                                ?? throw ProblemException.NotFound(new Message("pricing.price-list.not-found"))))
            .WithSummary("Public: one institution's standardized price list (basic services first, then non-basic, goods, plots), priced as in force today or on asOf=yyyy-MM-dd; warning marks items under an open price warning")
            .Produces<PriceListDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        open.MapGet("/price-items/{itemId:guid}/history", async (Guid itemId, PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetItemHistoryAsync(itemId, ct) ?? throw ProblemException.NotFound(new Message("pricing.item.not-found"))))
            .WithSummary("Public: every price of an item with its effective date, newest first")
            .Produces<IReadOnlyList<PriceHistoryEntry>>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        open.MapGet("/price-comparisons", async (PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListComparableItemsAsync(ct)))
            .WithSummary("Public: standard items that can be compared across institutions")
            .Produces<IReadOnlyList<ComparableItem>>();

        open.MapGet("/price-comparisons/{code}", async (string code, string? asOf, PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.CompareItemAsync(code, ParseAsOf(asOf), ct) ?? throw ProblemException.NotFound(new Message("pricing.comparison.not-found"))))
            .WithSummary("Public: one item (standard code such as basic.cremation, or exact name) across institutions, cheapest first")
            .Produces<ItemComparison>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        open.MapPost("/price-calculations", async (CalculationRequest request, PriceListQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.CalculateAsync(request, ct)))
            .WithSummary("Public: the calculator: { lines: [{ itemId, quantity }], resident, date? } priced as in force with resident subsidies")
            .Produces<CalculationResult>()
            .ProducesValidationProblem();

        open.MapGet("/price-lists/{institutionId:guid}/export.xlsx", async (Guid institutionId, string? asOf, PriceListQueries queries, CancellationToken ct) =>
            {
                var list = await queries.GetPriceListAsync(institutionId, ParseAsOf(asOf), ct)
                           ?? throw ProblemException.NotFound(new Message("pricing.price-list.not-found"));
                return TypedResults.File(PricingExcel.PriceList(list), PricingExcel.ContentType, $"price-list-{list.AsOf:yyyyMMdd}.xlsx");
            })
            .WithSummary("Public: the price list as an Excel workbook")
            .Produces(StatusCodes.Status200OK, contentType: PricingExcel.ContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);

        var api = app.MapGroup("/api/v1").WithTags("Prices").RequireAuthorization().DisableAntiforgery();

        api.MapPost("/institutions/{institutionId:guid}/price-changes",
                async (Guid institutionId, ProposePriceChangeRequest request, HttpContext http, ProposePriceChangeHandler handler, CancellationToken ct) =>
                {
                    var created = await handler.HandleAsync(Actor.Require(http), institutionId, request, ct);
                    return TypedResults.Created($"/api/v1/price-changes/{created.Id}", created);
                })
            .WithSummary("Institution staff propose a price: { itemId, newPrice, effectiveFrom (yyyy-MM-dd), reason } → 201 { id }")
            .WithDescription("422 when it can never be approved (a government-guided price above its cap); 400 without a written reason when outside the reference range (with one, it is accepted and raises a warning); 403 for another institution's staff.")
            .Produces<PriceChangeCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/price-changes", async (string? status, Guid? institutionId, int? take, HttpContext http, PriceChangeQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(Actor.Require(http), status, institutionId, take ?? 100, ct)))
            .WithSummary("Price changes newest first (status=proposed|approved|rejected): the bureau sees all, an institution its own")
            .Produces<IReadOnlyList<PriceChangeDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/price-changes/{id:guid}", async (Guid id, HttpContext http, PriceChangeQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(Actor.Require(http), id, ct)))
            .WithSummary("One price change (the bureau or the institution's staff)")
            .Produces<PriceChangeDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/price-changes/{id:guid}/approval", async (Guid id, DecisionRequest? request, HttpContext http, ApprovePriceChangeHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("Civil affairs approves a proposed price { reason? }: it enters the price history from its effective date (today if that has passed)")
            .Produces<PriceChangeDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapPost("/price-changes/{id:guid}/rejection", async (Guid id, DecisionRequest? request, HttpContext http, RejectPriceChangeHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("Civil affairs rejects a proposed price { reason } (required)")
            .Produces<PriceChangeDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/price-warnings", async (string? status, Guid? institutionId, int? take, HttpContext http, PriceWarningQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListAsync(Actor.Require(http), status, institutionId, take ?? 200, ct)))
            .WithSummary("Price warnings with their evidence, newest first (status=open|closed): the bureau sees all, an institution its own")
            .Produces<IReadOnlyList<PriceWarningDto>>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/price-warnings/{id:guid}", async (Guid id, HttpContext http, PriceWarningQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.GetAsync(Actor.Require(http), id, ct)))
            .WithSummary("One price warning with its evidence")
            .Produces<PriceWarningDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/price-warnings/{id:guid}/closure", async (Guid id, CloseWarningRequest request, HttpContext http, ClosePriceWarningHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("Civil affairs closes a warning with a note { note }")
            .Produces<PriceWarningDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/price-warnings/scan", async (HttpContext http, ScanPriceWarningsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), ct)))
            .WithSummary("Civil affairs runs the plot warning scan now (it also runs on every approval and threshold change); returns the warnings opened")
            .Produces<IReadOnlyList<PriceWarningDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/pricing/settings", async (HttpContext http, ManagePricingSettingsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.GetAsync(Actor.Require(http), ct)))
            .WithSummary("Warning thresholds, per-funeral resident subsidy cap and statistics baseline")
            .Produces<PricingSettingsDto>();

        api.MapPut("/pricing/settings", async (PricingSettingsDto request, HttpContext http, ManagePricingSettingsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.UpdateAsync(Actor.Require(http), request, ct)))
            .WithSummary("Civil affairs changes the thresholds, subsidy cap and baseline (all fields); the plot warning scan runs again")
            .Produces<PricingSettingsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapPost("/cases/{caseId:guid}/bills", async (Guid caseId, CreateBillRequest request, HttpContext http, IssueBillHandler handler, CancellationToken ct) =>
            {
                var bill = await handler.HandleAsync(Actor.Require(http), caseId, request, ct);
                return TypedResults.Created($"/api/v1/bills/{bill.Id}", bill);
            })
            .WithSummary("An institution bills a death case: { institutionId, lines: [{ itemId, quantity }], serviceDate? } → priced bill (结算单)")
            .WithDescription("Only items of the institution's published list, at the price in force on the service date (today by default); items free for residents are subsidised automatically for a decedent registered in the city, up to the item's cap and the per-funeral cap. The answer (only this one) carries familyUrl, /bills/{code}: the family's page for this bill, no sign-in; only the code's hash is stored, so print it or hand it over now. 422 for anything outside the list; 403 for another institution's staff.")
            .Produces<BillDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        api.MapGet("/cases/{caseId:guid}/bills", async (Guid caseId, HttpContext http, BillQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListForCaseAsync(Actor.Require(http), caseId, ct)))
            .WithSummary("The bills of a case: civil affairs sees all, an institution the bills it issued")
            .Produces<IReadOnlyList<BillDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/bills", async (Guid? institutionId, int? take, HttpContext http, BillQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ListRecentAsync(Actor.Require(http), institutionId, take ?? 50, ct)))
            .WithSummary("Recent bills: an institution its own, civil affairs any (optionally one institution)")
            .Produces<IReadOnlyList<BillDto>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/bills/{id:guid}", async (Guid id, HttpContext http, BillQueries queries, CancellationToken ct) =>
                TypedResults.Ok(await queries.ReadAsync(Actor.Require(http), id, ct)))
            .WithSummary("One bill (the issuing institution or civil affairs)")
            .Produces<BillDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/pricing/statistics", async (string? from, string? to, Guid? institutionId, HttpContext http, ReportStatisticsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), new StatisticsQuery(from, to, institutionId), ct)))
            .WithSummary("Civil affairs: average and median bill per funeral, basic vs non-basic share, by institution and month (from/to yyyy-MM), against the baseline")
            .Produces<StatisticsDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/pricing/statistics/export.xlsx", async (string? from, string? to, Guid? institutionId, HttpContext http, ReportStatisticsHandler handler, CancellationToken ct) =>
            {
                var stats = await handler.HandleAsync(Actor.Require(http), new StatisticsQuery(from, to, institutionId), ct);
                return TypedResults.File(PricingExcel.Statistics(stats), PricingExcel.ContentType, $"funeral-costs-{stats.From}-{stats.To}.xlsx");
            })
            .WithSummary("Civil affairs: the statistics as an Excel workbook")
            .Produces(StatusCodes.Status200OK, contentType: PricingExcel.ContentType)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return app;
    }

    private static DateOnly? ParseAsOf(string? asOf)
    {
        if (string.IsNullOrWhiteSpace(asOf)) return null;
        return PricingTime.TryParseDate(asOf, out var date) ? date
            : throw new FieldValidationException("asOf", new Message("pricing.date.invalid-format"));
    }
}
