using Microsoft.Extensions.DependencyInjection.Extensions;
using Hereafter.Web.Modules.Family.Features.ReleaseDeposits;
using Hereafter.Web.Platform.Auth;

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
        // Until Modules/Sharing implements the task contracts (the "Family tasks" change): no tasks yet. Removed on that merge.
        services.TryAddScoped<Hereafter.Web.Modules.Sharing.Contracts.ICaseTaskProgress, NoCaseTasksYet>();
        services.TryAddScoped<Hereafter.Web.Modules.Sharing.Contracts.ICaseTaskRequests, NoCaseTasksYet>();
        services.AddScoped<DepositReleaseStates>();
        services.AddScoped<ReleaseDepositHandler>();
        return services;
    }

    public static IEndpointRouteBuilder MapFamily(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/family").WithTags("Family").RequireAuthorization(FamilyAuth.ApiPolicy).DisableAntiforgery();
        api.MapReleaseDeposit();
        return app;
    }
}

/// <summary>Stand-in until <c>Modules/Sharing</c> implements the task contracts: a case has no tasks, none can be opened.</summary>
internal sealed class NoCaseTasksYet : Hereafter.Web.Modules.Sharing.Contracts.ICaseTaskProgress, Hereafter.Web.Modules.Sharing.Contracts.ICaseTaskRequests
{
    public Task<IReadOnlyList<Hereafter.Web.Modules.Sharing.Contracts.TaskProgress>> ForCaseAsync(Guid caseId, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<Hereafter.Web.Modules.Sharing.Contracts.TaskProgress>>([]);

    public Task<IReadOnlyList<Hereafter.Web.Modules.Sharing.Contracts.RequestedTask>> OpenAsync(Guid caseId,
        IReadOnlyList<Hereafter.Web.Modules.Sharing.Contracts.TaskRequest> requests, string requestedBy, CancellationToken ct) =>
        throw new NotSupportedException("Case tasks are not implemented yet.");
}
