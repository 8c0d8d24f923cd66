using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Features.ExtendStorage;
using Hereafter.Web.Modules.Custody.Features.ReadCustodyRecord;
using Hereafter.Web.Modules.Custody.Features.RecordArrival;
using Hereafter.Web.Modules.Custody.Features.RecordPickup;
using Hereafter.Web.Modules.Custody.Features.ShowCounter;
using Hereafter.Web.Modules.Custody.Features.ListCustodyRecords;
using Hereafter.Web.Modules.Custody.Features.SuperviseCustody;
using Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;
using Hereafter.Web.Modules.Custody.Features.MarkLetterSent;
using Hereafter.Web.Modules.Custody.Features.RecordAshesAgreement;
using Hereafter.Web.Modules.Custody.Features.RecordBurial;
using Hereafter.Web.Modules.Custody.Features.RecordPlotSale;
using Hereafter.Web.Modules.Custody.Features.ReleaseAshes;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Features.CollectCremationCertificate;
using Hereafter.Web.Modules.Custody.Features.Cremate;
using Hereafter.Web.Modules.Custody.Features.FreezeOnRevocation;
using Hereafter.Web.Modules.Custody.Features.IssueCremationCertificate;
using Hereafter.Web.Modules.Custody.Features.PrintCremationCertificate;
using Hereafter.Web.Modules.Custody.Features.ReissueCremationCertificate;
using Hereafter.Web.Modules.Custody.Features.SignCremationConsent;
using Hereafter.Web.Modules.Custody.Features.VerifyCremationCertificate;
using Hereafter.Web.Platform.Outbox;
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
        services.AddOptions<CustodyOptions>().Bind(configuration.GetSection(CustodyOptions.Section))
            .Validate(o => o.StorageDays > 0 && o.PlacementFollowUpDays > 0 && o.UnclaimedAfterDays > 0, "Custody: the day counts must be positive.")
            .Validate(o => o.Documents.All(d => EnumCodes<CustodyDocument>.TryParse(d, out _)),
                "Custody:Documents: each entry must be one of cremation-certificate, cremation-consent, ashes-agreement, ashes-undertaking, township-notice.")
            .ValidateOnStart();
        services.AddScoped<CustodyRecords>();
        services.AddScoped<ICustodyFigures, Features.ReportFigures.CustodyFiguresReader>();
        services.AddScoped<ICaseInstitutionSource, CustodyInstitutions>();
        // counter: pickup, arrival, storage, the record and the funeral home's counter page
        services.AddStaffLinks(StaffLinks.Groups.Remains, CustodyLinks.For);
        services.AddScoped<RecordPickupHandler>();
        services.AddScoped<RecordArrivalHandler>();
        services.AddScoped<ExtendStorageHandler>();
        services.AddScoped<ReadCustodyRecordHandler>();
        services.AddScoped<CounterQueries>();
        services.AddScoped<CustodyRecordFilter>();
        services.AddScoped<ListCustodyRecordsHandler>();
        services.AddScoped<CountCustodyRecordsHandler>();
        services.AddStaffLinks(StaffLinks.Groups.Remains, SupervisionLinks.For);
        services.AddScoped<Contracts.ICustodyMilestones, Features.ReadCustodyMilestones.CustodyMilestoneReads>();
        // Cremation and the 火化证明 (ADR 0029).
        services.AddSingleton<ConsentLinks>();
        services.AddScoped<SignCremationConsentHandler>();
        services.AddScoped<CremateHandler>();
        services.AddScoped<Features.ReadCremation.ReadCremationHandler>();
        services.AddScoped<IssueCremationCertificateHandler>();
        services.AddScoped<PrintCremationCertificateHandler>();
        services.AddScoped<CollectCremationCertificateHandler>();
        services.AddScoped<ReissueCremationCertificateHandler>();
        services.AddScoped<ICremationCertificateVerification, CremationCertificateVerification>();
        services.AddScoped<IIntegrationEventHandler, FreezeOnRevocationHandler>();
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
        api.MapRecordPickup();
        api.MapRecordArrival();
        api.MapExtendStorage();
        api.MapReadCustodyRecord();
        api.MapListCustodyRecords();
        api.MapExportCustodyRecords();
        // Cremation and the 火化证明.
        api.MapSignCremationConsent();
        api.MapCremate();
        api.MapIssueCremationCertificate();
        api.MapPrintCremationCertificate();
        api.MapCollectCremationCertificate();
        api.MapReissueCremationCertificate();
        app.MapPrintCremationCertificatePage();
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
