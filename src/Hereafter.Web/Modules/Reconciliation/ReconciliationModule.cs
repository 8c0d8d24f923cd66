using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Reconciliation.Features.CalculateSurvivorBenefit;
using Hereafter.Web.Modules.Reconciliation.Features.CancelRoll;
using Hereafter.Web.Modules.Reconciliation.Features.CompareReviewRow;
using Hereafter.Web.Modules.Reconciliation.Features.ConfirmReviewRow;
using Hereafter.Web.Modules.Reconciliation.Features.DismissReviewRow;
using Hereafter.Web.Modules.Reconciliation.Features.DownloadResults;
using Hereafter.Web.Modules.Reconciliation.Features.DownloadTemplate;
using Hereafter.Web.Modules.Reconciliation.Features.ExecuteStop;
using Hereafter.Web.Modules.Reconciliation.Features.ListCountedStops;
using Hereafter.Web.Modules.Reconciliation.Features.ListRolls;
using Hereafter.Web.Modules.Reconciliation.Features.ReadRejected;
using Hereafter.Web.Modules.Reconciliation.Features.ReadReview;
using Hereafter.Web.Modules.Reconciliation.Features.ReadRoll;
using Hereafter.Web.Modules.Reconciliation.Features.ReadStops;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileFromCommandLine;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;
using Hereafter.Web.Modules.Reconciliation.Features.RecoverOverpayment;
using Hereafter.Web.Modules.Reconciliation.Features.ReportFigures;
using Hereafter.Web.Modules.Reconciliation.Features.ReportStatistics;
using Hereafter.Web.Modules.Reconciliation.Features.UploadRoll;
using Hereafter.Web.Platform.Navigation;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Modules.Reconciliation;

public static class ReconciliationModule
{
    public static IServiceCollection AddReconciliation(this IServiceCollection services)
    {
        services.AddStaffLinks(StaffLinks.Groups.Reconciliation, ReconciliationLinks.For);
        services.AddOptions<ReconciliationSettings>().BindConfiguration(ReconciliationSettings.Section);
        services.AddSingleton<RollWorkSignal>();
        services.AddSingleton<RollWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<RollWorker>());
        services.AddScoped<RollAccess>();
        services.AddScoped<ReviewQueue>();
        services.AddScoped<UploadRollHandler>();
        services.AddScoped<ListRollsHandler>();
        services.AddScoped<ReadRollHandler>();
        services.AddScoped<CancelRollHandler>();
        services.AddScoped<ReadStopsHandler>();
        services.AddScoped<ReadReviewHandler>();
        services.AddScoped<ReadRejectedHandler>();
        services.AddScoped<DownloadResultsHandler>();
        services.AddScoped<ConfirmReviewRowHandler>();
        services.AddScoped<DismissReviewRowHandler>();
        services.AddScoped<CompareReviewRowHandler>();
        services.AddScoped<ExecuteStopHandler>();
        services.AddScoped<RecoverOverpaymentHandler>();
        services.AddScoped<ReportStatisticsHandler>();
        services.AddScoped<CountedStops>();
        services.AddScoped<StopFigureFilter>();
        services.AddScoped<IBenefitStopFigures, BenefitStopFiguresReader>();
        services.AddScoped<ListCountedStopsHandler>();
        services.AddSingleton<ISurvivorBenefitEstimates, SurvivorBenefitEstimates>();
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

        api.MapUploadRoll(limit);
        api.MapListRolls();
        api.MapReadRoll();
        api.MapCancelRoll();
        api.MapReadStops();
        api.MapReadReview();
        api.MapReadRejected();
        api.MapDownloadResults();
        api.MapDownloadTemplate();
        api.MapConfirmReviewRow();
        api.MapDismissReviewRow();
        api.MapExecuteStop();
        api.MapRecoverOverpayment();
        api.MapReportStatistics();
        api.MapListCountedStops();
        app.MapCalculateSurvivorBenefit();
        return app;
    }
}
