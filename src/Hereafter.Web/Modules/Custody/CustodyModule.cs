using Hereafter.Web.Modules.Custody.Features.ListCustodyRecords;
using Hereafter.Web.Modules.Custody.Features.SuperviseCustody;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Custody;

/// <summary>
/// The closed loop of remains and ashes (接运-火化-安葬, 一证三书一函, DOMAIN.md §7, ADR 0027): pickup against an active
/// death certificate, storage with its timer, the 遗体火化确认书, cremation, the 火化证明, the ashes' agreement and
/// destination, the cemetery's burial record that closes the loop, and the follow-up of ashes never placed.
/// </summary>
public static class CustodyModule
{
    public static IServiceCollection AddCustody(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<CustodyOptions>(configuration.GetSection(CustodyOptions.Section));
        services.AddScoped<CustodyRecords>();
        services.AddScoped<ICaseInstitutionSource, CustodyInstitutions>();
        services.AddScoped<CustodyRecordFilter>();
        services.AddScoped<ListCustodyRecordsHandler>();
        services.AddScoped<CountCustodyRecordsHandler>();
        services.AddStaffLinks(StaffLinks.Groups.Remains, SupervisionLinks.For);
        services.AddScoped<Contracts.ICustodyMilestones, Features.ReadCustodyMilestones.CustodyMilestoneReads>();
        return services;
    }

    public static IEndpointRouteBuilder MapCustody(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/custody").WithTags("Custody").RequireAuthorization().DisableAntiforgery();
        var burials = app.MapGroup("/api/v1/burials").WithTags("Custody").RequireAuthorization().DisableAntiforgery();
        api.MapListCustodyRecords();
        api.MapExportCustodyRecords();
        return app;
    }
}
