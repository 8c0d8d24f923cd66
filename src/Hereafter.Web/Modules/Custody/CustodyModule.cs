using Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;
using Hereafter.Web.Modules.Custody.Features.MarkLetterSent;
using Hereafter.Web.Modules.Custody.Features.RecordAshesAgreement;
using Hereafter.Web.Modules.Custody.Features.RecordBurial;
using Hereafter.Web.Modules.Custody.Features.RecordPlotSale;
using Hereafter.Web.Modules.Custody.Features.ReleaseAshes;
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
        // ashes
        services.AddScoped<RecordAshesAgreementHandler>();
        services.AddScoped<ReleaseAshesHandler>();
        services.AddScoped<PlacementDocuments>();
        services.AddScoped<RecordBurialHandler>();
        services.AddScoped<RecordPlotSaleHandler>();
        services.AddScoped<BurialQueries>();
        services.AddScoped<CustodyJobLeases>();
        services.AddScoped<PlacementFollowUp>();
        services.AddScoped<FollowUpQueries>();
        services.AddScoped<MarkLetterSentHandler>();
        services.AddSingleton<FollowUpWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<FollowUpWorker>());
        services.AddStaffLinks(StaffLinks.Groups.Remains, AshesLinks.For);
        return services;
    }

    public static IEndpointRouteBuilder MapCustody(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/custody").WithTags("Custody").RequireAuthorization().DisableAntiforgery();
        var burials = app.MapGroup("/api/v1/burials").WithTags("Custody").RequireAuthorization().DisableAntiforgery();
        // ashes
        api.MapRecordAshesAgreement();
        api.MapReleaseAshes();
        api.MapMarkLetterSent();
        burials.MapRecordBurial();
        app.MapRecordPlotSale();
        app.MapPrintFollowUpLetter();
        return app;
    }
}
