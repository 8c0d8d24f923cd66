using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Features.CorrectCertificate;
using Hereafter.Web.Modules.Certificates.Features.ExportFhirDocument;
using Hereafter.Web.Modules.Certificates.Features.IssueCertificate;
using Hereafter.Web.Modules.Certificates.Features.LookupCertificate;
using Hereafter.Web.Modules.Certificates.Features.PrintCertificate;
using Hereafter.Web.Modules.Certificates.Features.ReadCertificate;
using Hereafter.Web.Modules.Certificates.Features.ReissueCertificate;
using Hereafter.Web.Modules.Certificates.Features.ReviewCertificate;
using Hereafter.Web.Modules.Certificates.Features.RevokeCertificate;
using Hereafter.Web.Modules.Certificates.Features.SuperviseCertificates;
using Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;
using Hereafter.Web.Platform.Navigation;

namespace Hereafter.Web.Modules.Certificates;

public static class CertificatesModule
{
    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddStaffLinks(StaffLinks.Groups.Certificates, CertificateLinks.For);
        services.AddScoped<CertificateFinder>();
        services.AddScoped<CertificateVersions>();
        services.AddScoped<CertificateHistory>();
        services.AddScoped<CertificateClaims>();
        services.AddScoped<CertificateChangedEvents>();
        services.AddScoped<ICertificateContent>(sp => sp.GetRequiredService<CertificateChangedEvents>());
        services.AddHttpContextAccessor();
        services.AddSingleton<VerificationLinks>();
        services.AddSingleton<IVerificationAddresses>(sp => sp.GetRequiredService<VerificationLinks>());
        services.AddScoped<IssueCertificateHandler>();
        services.AddScoped<CorrectCertificateHandler>();
        services.AddScoped<ReissueCertificateHandler>();
        services.AddScoped<RevokeCertificateHandler>();
        services.AddScoped<ReviewCertificateHandler>();
        services.AddScoped<ReadCertificateHandler>();
        services.AddScoped<PrintCertificateHandler>();
        services.AddOptions<CertificateLookupOptions>().BindConfiguration(CertificateLookupOptions.Section);
        services.AddScoped<CertificateLookups>();
        services.AddScoped<ExportFhirDocumentHandler>();
        services.AddScoped<VerifyCertificateHandler>();
        services.AddScoped<VerifyByNumberHandler>();
        services.AddOptions<VerificationContactOptions>().BindConfiguration(VerificationContactOptions.Section);
        services.AddScoped<SuperviseCertificatesHandler>();
        services.AddOptions<VerificationCacheOptions>().BindConfiguration(VerificationCacheOptions.Section);
        services.AddSingleton<VerificationCache>();
        services.AddScoped<IActiveDeaths, Features.ListActiveDeaths.ActiveDeathsReader>();
        services.AddScoped<ICertificateFamilyContacts, Features.FindFamilyContact.FamilyContactsReader>();
        services.AddScoped<ICertificateStandings, Features.ReadStanding.CertificateStandingsReader>();
        services.AddScoped<ICertificateFigures, Features.ReportFigures.CertificateFiguresReader>();
        return services;
    }

    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/certificates").WithTags("Certificates").RequireAuthorization().DisableAntiforgery();

        api.MapIssueCertificate();
        api.MapSuperviseCertificates();
        api.MapReadCertificate();
        api.MapPrintCertificate();
        api.MapExportFhirDocument();
        api.MapCorrectCertificate();
        api.MapReissueCertificate();
        api.MapRevokeCertificate();
        api.MapReviewCertificate();
        app.MapPrintCertificatePage();
        app.MapLookupCertificate();
        app.MapVerifyCertificate();

        return app;
    }
}
