using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Features.AddCaseTask;
using Hereafter.Web.Modules.Sharing.Features.CreateSubscription;
using Hereafter.Web.Modules.Sharing.Features.DeleteSubscription;
using Hereafter.Web.Modules.Sharing.Features.DeliverWebhooks;
using Hereafter.Web.Modules.Sharing.Features.LinkCaseInstitution;
using Hereafter.Web.Modules.Sharing.Features.ListDeathCases;
using Hereafter.Web.Modules.Sharing.Features.OpenDeathCase;
using Hereafter.Web.Modules.Sharing.Features.ReadChangeFeed;
using Hereafter.Web.Modules.Sharing.Features.ReadDeathCase;
using Hereafter.Web.Modules.Sharing.Features.ReadDeliveries;
using Hereafter.Web.Modules.Sharing.Features.ReadSubscriptions;
using Hereafter.Web.Modules.Sharing.Features.RedeliverEvent;
using Hereafter.Web.Modules.Sharing.Features.ReportTaskOutcome;
using Hereafter.Web.Modules.Sharing.Features.ShareCertificateChange;
using Hereafter.Web.Platform.Navigation;
using Hereafter.Web.Platform.Outbox;

namespace Hereafter.Web.Modules.Sharing;

public static class SharingModule
{
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddStaffLinks(StaffLinks.Groups.DeathCases, SharingLinks.For);
        services.AddScoped<SharingEvents>();
        services.AddScoped<ICaseTaskFigures, Features.ReportFigures.CaseTaskFiguresReader>();
        services.AddScoped<FeedSequencer>();
        services.AddScoped<IIntegrationEventHandler, OpenDeathCaseHandler>();
        foreach (var type in ShareCertificateChangeHandler.EventTypes)
            services.AddScoped<IIntegrationEventHandler>(sp => ActivatorUtilities.CreateInstance<ShareCertificateChangeHandler>(sp, type));
        foreach (var type in Features.ShareCustodyMilestone.ShareCustodyMilestoneHandler.EventTypes)
            services.AddScoped<IIntegrationEventHandler>(sp => ActivatorUtilities.CreateInstance<Features.ShareCustodyMilestone.ShareCustodyMilestoneHandler>(sp, type));
        services.AddScoped<ReadChangeFeedHandler>();
        services.AddScoped<CaseTaskOutcomes>();
        services.AddScoped<ReportTaskOutcomeHandler>();
        services.AddScoped<IIntegrationEventHandler, Features.RecordBenefitStop.BenefitStopHandler>();
        services.AddScoped<ReadDeathCaseHandler>();
        services.AddScoped<ListDeathCasesHandler>();
        services.AddScoped<ListFigureTasksHandler>();
        services.AddScoped<ReadWorklistHandler>();
        services.AddScoped<IDeathCaseDirectory, DeathCaseDirectory>();
        services.AddScoped<ICaseDecedents, CaseDecedentNames>();
        services.AddScoped<IFuneralHomeCases, FuneralHomeCaseList>();
        services.AddScoped<IDepartmentsTold, DepartmentsToldQuery>();
        services.AddScoped<Features.AddCaseTask.AddCaseTaskHandler>();
        services.AddScoped<ICaseTaskRequests, Features.RequestCaseTasks.CaseTaskRequests>();
        services.AddScoped<ICaseTaskProgress, Features.ReadTaskProgress.CaseTaskProgress>();
        services.AddScoped<Features.LinkCaseInstitution.LinkCaseInstitutionHandler>();
        services.AddScoped<SubscriptionQueries>();
        services.AddScoped<CreateSubscriptionHandler>();
        services.AddScoped<DeleteSubscriptionHandler>();
        services.AddScoped<RedeliverEventHandler>();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<WebhookDispatcher>());
        return services;
    }

    public static IEndpointRouteBuilder MapSharing(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Sharing").RequireAuthorization().DisableAntiforgery();

        api.MapReadChangeFeed();
        api.MapListDeathCases();
        api.MapReadDeathCase();
        api.MapAddCaseTask();
        api.MapLinkCaseInstitution();
        api.MapReportTaskOutcome();

        var hooks = app.MapGroup("/api/v1/subscriptions").WithTags("Webhooks").RequireAuthorization().DisableAntiforgery();

        hooks.MapCreateSubscription();
        hooks.MapReadSubscriptions();
        hooks.MapDeleteSubscription();
        hooks.MapReadDeliveries();
        hooks.MapRedeliverEvent();

        return app;
    }
}
