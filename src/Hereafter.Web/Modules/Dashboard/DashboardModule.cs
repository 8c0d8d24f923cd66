using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Dashboard;

/// <summary>
/// The bureau's dashboard (监管驾驶舱, ADR 0036): every module's figures for a period of months and a district, read
/// through each module's Contracts (one query per module), as a page, JSON and an Excel workbook.
/// </summary>
public static class DashboardModule
{
    public static IServiceCollection AddDashboard(this IServiceCollection services)
    {
        services.AddScoped<Features.ReadDashboard.DashboardHandler>();
        services.AddStaffLinks(StaffLinks.Groups.Dashboard, Features.ReadDashboard.DashboardLinks.For);
        // The dashboard is the bureau's home: its supervisors and clerks start there after signing in.
        services.AddStaffLanding(actor => DashboardAccess.Sees(actor) ? Contracts.DashboardPages.Home : null);
        return services;
    }

    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/supervision").WithTags("Supervision").RequireAuthorization().DisableAntiforgery();
        Features.ReadDashboard.DashboardEndpoints.MapReadDashboard(api);
        return app;
    }
}
