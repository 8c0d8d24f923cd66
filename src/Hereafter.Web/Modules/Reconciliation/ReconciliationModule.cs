using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Features.CalculateSurvivorBenefit;
using Hereafter.Web.Modules.Reconciliation.Features.DownloadResults;
using Hereafter.Web.Modules.Reconciliation.Features.FollowUpStops;
using Hereafter.Web.Modules.Reconciliation.Features.ReadRoll;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileFromCommandLine;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;
using Hereafter.Web.Modules.Reconciliation.Features.ReportStatistics;
using Hereafter.Web.Modules.Reconciliation.Features.UploadRoll;
using Hereafter.Web.Modules.Reconciliation.Features.WorkReviewQueue;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Reconciliation;

public static class ReconciliationModule
{
    public static IServiceCollection AddReconciliation(this IServiceCollection services)
    {
        services.AddStaffLinks(ReconciliationLinks.For);
        services.AddOptions<ReconciliationSettings>().BindConfiguration(ReconciliationSettings.Section);
        services.AddSingleton<RollWorkSignal>();
        services.AddSingleton<RollWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RollWorker>());
        services.AddScoped<UploadRollHandler>();
        services.AddScoped<ReadRollHandler>();
        services.AddScoped<DownloadResultsHandler>();
        services.AddScoped<WorkReviewQueueHandler>();
        services.AddScoped<FollowUpStopsHandler>();
        services.AddScoped<ReportStatisticsHandler>();
        services.AddSingleton<CalculateSurvivorBenefitHandler>();
        services.AddScoped<ReconcileCommand>();
        return services;
    }

    /// <summary>Room for the multipart headers and the programme field around the file itself.</summary>
    public const long FormOverhead = 64 * 1024;

    /// <summary>
    /// Applies <c>Reconciliation:MaxUploadBytes</c> to the upload page (a Blazor form, whose limits attributes could
    /// only be constants) before anything reads its body: a declared length over the limit gets 413 unread; a chunked
    /// body is read, into the form's temporary file, only up to the limit and then gets 413. Call after UseRouting,
    /// before UseAntiforgery (which reads the form).
    /// </summary>
    public static IApplicationBuilder UseReconciliationUploadLimits(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsPost(http.Request.Method)
            || http.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>()?.Type != typeof(ReconciliationPage))
        {
            await next(http);
            return;
        }

        var limit = http.RequestServices.GetRequiredService<IOptions<ReconciliationSettings>>().Value.MaxUploadBytes + FormOverhead;
        if (http.Request.ContentLength > limit)
        {
            await PageTooLargeAsync(http, limit - FormOverhead);
            return;
        }
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
        if (http.Request.HasFormContentType)
        {
            try
            {
                await http.Request.ReadFormAsync(http.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException || (e is BadHttpRequestException b && b.StatusCode == StatusCodes.Status413PayloadTooLarge))
            {
                await PageTooLargeAsync(http, limit - FormOverhead);
                return;
            }
        }
        await next(http);
    });

    private static async Task PageTooLargeAsync(HttpContext http, long limit)
    {
        http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        http.Response.ContentType = "text/html; charset=utf-8";
        var mib = limit / 1024 / 1024;
        await http.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>文件过大 File too large</title><p>文件超过上传上限 {mib} MiB，请拆分名册或用命令行 reconcile 处理。</p>"
            + $"<p>The file is larger than the upload limit of {mib} MiB; split the roll or use the reconcile command.</p><p><a href=\"/reconciliation\">返回 Back</a></p></html>");
    }

    public static IEndpointRouteBuilder MapReconciliation(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/reconciliation").WithTags("Reconciliation").RequireAuthorization().DisableAntiforgery();
        var limit = app.ServiceProvider.GetRequiredService<IOptions<ReconciliationSettings>>().Value.MaxUploadBytes;

        api.MapPost("/rolls", async Task<IResult> (HttpContext http, UploadRollHandler handler, CancellationToken ct) =>
            {
                var actor = Actor.Require(http);
                // Refused before a byte of the body is read; a chunked body is cut off at the limit below.
                if (http.Request.ContentLength > limit + FormOverhead) throw UploadRollHandler.TooLarge(limit);
                if (!http.Request.HasFormContentType)
                    throw Platform.Errors.ProblemException.BadRequest("Send multipart/form-data with the fields file and programme.");
                IFormCollection form;
                try
                {
                    form = await http.Request.ReadFormAsync(ct);
                }
                catch (Exception e) when (e is InvalidDataException || (e is BadHttpRequestException b && b.StatusCode == StatusCodes.Status413PayloadTooLarge))
                {
                    // The multipart reader refuses a body over MultipartBodyLengthLimit before the handler sees it.
                    throw UploadRollHandler.TooLarge(limit);
                }
                var file = form.Files.GetFile("file");
                await using var content = file?.OpenReadStream();
                var accepted = await handler.HandleAsync(actor, form["programme"].ToString(), file?.FileName, content, file?.Length, ct);
                return TypedResults.Accepted($"/api/v1/reconciliation/rolls/{accepted.Id}", accepted);
            })
            .WithMetadata(new RequestSizeLimitAttribute(limit + FormOverhead))
            .WithFormOptions(multipartBodyLengthLimit: limit + FormOverhead)
            .WithSummary("Upload a payee roll (multipart: file = CSV or XLSX, programme = e.g. enterprise-pension) to reconcile against the platform's deaths")
            .WithDescription("202 { id, status: queued }; poll GET /rolls/{id}. 400 no or unknown programme, empty or plainly not CSV/XLSX; 403 a programme of another department; 413 over Reconciliation:MaxUploadBytes (default 512 MiB). A file the engine cannot read ends as status failed with errorCode and error.")
            .Accepts<IFormFile>("multipart/form-data")
            .Produces<RollAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        api.MapGet("/rolls", async (int? take, HttpContext http, ReadRollHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ListAsync(Actor.Require(http), take ?? 100, ct)))
            .WithSummary("Your organisation's reconciliation jobs, newest first")
            .Produces<IReadOnlyList<RollJobDto>>();

        api.MapGet("/rolls/{id:guid}", async (Guid id, HttpContext http, ReadRollHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReadAsync(Actor.Require(http), id, ct)))
            .WithSummary("A job: status queued|running|completed|failed|cancelled, progress (rowsDone, bytesDone, percent), the summary once completed, errorCode/error when failed")
            .Produces<RollJobDto>()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/rolls/{id:guid}/cancellation", async (Guid id, HttpContext http, ReadRollHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.CancelAsync(Actor.Require(http), id, ct)))
            .WithSummary("Cancel a queued or running job; its partial results are discarded (409 when it already finished)")
            .Produces<RollJobDto>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/rolls/{id:guid}/stops", async (Guid id, int? page, int? pageSize, HttpContext http, ReadRollHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.StopsAsync(Actor.Require(http), id, page ?? 1, pageSize ?? 100, ct)))
            .WithSummary("Payments to stop in row order: stopFrom, overpaidMonths, overpaidAmount; ID numbers and names masked")
            .Produces<PageOf<StopDto>>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/rolls/{id:guid}/review", async (Guid id, int? page, int? pageSize, HttpContext http, ReadRollHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReviewAsync(Actor.Require(http), id, page ?? 1, pageSize ?? 100, ct)))
            .WithSummary("Rows for a person to decide, with the reason and the candidate death; masked")
            .Produces<PageOf<ReviewDto>>();

        api.MapGet("/rolls/{id:guid}/rejected", async (Guid id, int? page, int? pageSize, HttpContext http, ReadRollHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RejectedAsync(Actor.Require(http), id, page ?? 1, pageSize ?? 100, ct)))
            .WithSummary("Rows that could not be read, with row number (header = 1) and reason")
            .Produces<PageOf<RejectedDto>>();

        api.MapGet("/rolls/{id:guid}/{kind}.{format}", async (Guid id, string kind, string format, HttpContext http, DownloadResultsHandler handler, CancellationToken ct) =>
            {
                var file = await handler.HandleAsync(Actor.Require(http), id, kind, format, ct);
                return Results.File(file.Content, file.ContentType, file.FileName);
            })
            .WithSummary("Download stops|review|rejected as csv (the command line's columns, UTF-8) or xlsx; full ID numbers, audited");

        api.MapPost("/rolls/{id:guid}/review/{row:long}/confirmation", async (Guid id, long row, HttpContext http, WorkReviewQueueHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ConfirmAsync(Actor.Require(http), id, row, ct)))
            .WithSummary("Confirm a review row as the same person: it becomes a stop with the computed terms (409 when already decided)")
            .Produces<StopDto>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/rolls/{id:guid}/review/{row:long}/dismissal", async (Guid id, long row, DismissalRequest request, HttpContext http, WorkReviewQueueHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.DismissAsync(Actor.Require(http), id, row, request, ct)))
            .WithSummary("Dismiss a review row: { reason } required (400 without); 409 when already decided")
            .Produces<ReviewDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/rolls/{id:guid}/stops/{row:long}/execution", async (Guid id, long row, ExecutionRequest request, HttpContext http, FollowUpStopsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ExecuteAsync(Actor.Require(http), id, row, request, ct)))
            .WithSummary("Record that the payment stopped: { effectiveMonth: YYYY-MM }. The person's death case task of your department becomes done.")
            .Produces<StopDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/rolls/{id:guid}/stops/{row:long}/recovery", async (Guid id, long row, RecoveryRequest request, HttpContext http, FollowUpStopsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.RecoverAsync(Actor.Require(http), id, row, request, ct)))
            .WithSummary("Record the overpayment recovered: { amount, date: YYYY-MM-DD }")
            .Produces<StopDto>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/statistics", async (string? from, string? to, string? programme, HttpContext http, ReportStatisticsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), from, to, programme, ct)))
            .WithSummary("Civil-affairs supervisor: per programme and month, stops identified and executed, overpaid amount identified and recovered, monthly payments prevented")
            .WithDescription("Identified figures count in the month the stop was found; executed stops and monthly payments prevented (the sum of the monthly amounts of executed stops: what no longer goes out each month) in the month payments stopped from; recovered amounts in the month of the recovery date. Optional from/to (YYYY-MM) and programme.")
            .Produces<StatisticsDto>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/statistics.xlsx", async (string? from, string? to, string? programme, HttpContext http, ReportStatisticsHandler handler, CancellationToken ct) =>
            {
                var data = await handler.HandleAsync(Actor.Require(http), from, to, programme, ct);
                return Results.File(ReportStatisticsHandler.ToXlsx(data), DownloadResultsHandler.XlsxType, "reconciliation-statistics.xlsx");
            })
            .WithSummary("The statistics as an Excel workbook (same rows and total)")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapGet("/api/v1/survivor-benefits", (string? contributionYears, CalculateSurvivorBenefitHandler handler) =>
                TypedResults.Ok(handler.Handle(contributionYears)))
            // A public rule applied to a number the family types in: no personal data, no sign-in.
            .AllowAnonymous()
            .WithTags("Reconciliation")
            .WithSummary("遗属待遇: 丧葬补助金 (2 × base) and 抚恤金 (base × months by contribution years) from Reconciliation:SurvivorBenefitMonthlyBase")
            .Produces<SurvivorBenefitDto>()
            .ProducesValidationProblem();

        return app;
    }
}
