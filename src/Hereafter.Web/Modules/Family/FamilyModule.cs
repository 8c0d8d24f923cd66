using Microsoft.Extensions.DependencyInjection.Extensions;
using Hereafter.Web.Modules.Family.Features.ApproveAdmission;
using Hereafter.Web.Modules.Family.Features.ClaimCase;
using Hereafter.Web.Modules.Family.Features.ListAdmissions;
using Hereafter.Web.Modules.Family.Features.ListMyCases;
using Hereafter.Web.Modules.Family.Features.ReadAdmission;
using Hereafter.Web.Modules.Family.Features.RejectAdmission;
using Hereafter.Web.Modules.Family.Features.UploadProof;
using Hereafter.Web.Modules.Family.Features.ReleaseDeposits;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Navigation;
using Hereafter.Web.Modules.Family.Features.ApplyForTasks;
using Hereafter.Web.Modules.Family.Features.ListBanks;
using Hereafter.Web.Modules.Family.Features.NotifyTaskAnswered;
using Hereafter.Web.Modules.Family.Features.ReadCaseProgress;
using Hereafter.Web.Modules.Family.Features.ReadNotifications;
using Hereafter.Web.Platform.Outbox;

namespace Hereafter.Web.Modules.Family;

/// <summary>
/// The family portal (个人身后"一件事"): citizens signed in through OpenID Connect find their relative's case, apply
/// once for every after-death task, follow each department's and bank's answer, and release small deposits.
/// </summary>
public static class FamilyModule
{
    public static IServiceCollection AddFamily(this IServiceCollection services)
    {
        services.AddScoped<FamilyCaseAccess>();
        services.AddScoped<FamilyNotifications>();
        // A deployment registers the city's SMS gateway before this; otherwise (Development, tests) messages go to the log.
        services.TryAddSingleton<ISmsSender, LoggingSmsSender>();
        services.AddStaffLinks(StaffLinks.Groups.DeathCases, FamilyReviewers.Links);
        services.AddScoped<ClaimCaseHandler>();
        services.AddScoped<ListMyCasesHandler>();
        services.AddScoped<UploadProofHandler>();
        services.AddScoped<ListAdmissionsHandler>();
        services.AddScoped<ReadAdmissionHandler>();
        services.AddScoped<ReadProofHandler>();
        services.AddScoped<AdmissionDecisions>();
        services.AddScoped<ApproveAdmissionHandler>();
        services.AddScoped<RejectAdmissionHandler>();
        services.AddScoped<FamilyCaseFacts>();
        services.AddScoped<ApplyForTasksHandler>();
        services.AddScoped<ReadCaseProgressHandler>();
        services.AddScoped<ListBanksHandler>();
        services.AddScoped<ReadNotificationsHandler>();
        services.AddScoped<IIntegrationEventHandler, NotifyTaskAnsweredHandler>();
        services.AddScoped<IIntegrationEventHandler, SendNotificationSmsHandler>();
        services.AddScoped<DepositReleaseStates>();
        services.AddScoped<ReleaseDepositHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapFamily(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/family").WithTags("Family").RequireAuthorization(FamilyAuth.ApiPolicy).DisableAntiforgery();
        api.MapClaimCase();
        api.MapListMyCases();
        api.MapUploadProof();

        // Civil affairs' review of admissions: staff (cookie) or the civil-affairs system (bearer), never the citizen policy.
        var review = app.MapGroup("/api/v1/family/admissions").WithTags("Family admissions").RequireAuthorization().DisableAntiforgery();
        review.MapListAdmissions();
        review.MapReadAdmission();
        review.MapApproveAdmission();
        review.MapRejectAdmission();
        api.MapApplyForTasks();
        api.MapReadCaseProgress();
        api.MapListBanks();
        api.MapReadNotifications();
        api.MapReleaseDeposit();
        return app;
    }
}
