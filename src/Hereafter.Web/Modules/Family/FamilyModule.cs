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
