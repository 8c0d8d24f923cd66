using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
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
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Hereafter.Web.Modules.Certificates;

public static class CertificatesModule
{
    public static IServiceCollection AddCertificates(this IServiceCollection services)
    {
        services.AddScoped<CertificateFinder>();
        services.AddScoped<CertificateVersions>();
        services.AddScoped<CertificateHistory>();
        services.AddScoped<CertificateClaims>();
        services.AddScoped<CertificateChangedEvents>();
        services.AddScoped<ICertificateContent>(sp => sp.GetRequiredService<CertificateChangedEvents>());
        services.AddSingleton<VerificationLinks>();
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
        services.AddScoped<SuperviseCertificatesHandler>();
        services.AddOptions<VerificationCacheOptions>().BindConfiguration(VerificationCacheOptions.Section);
        services.AddSingleton<VerificationCache>();
        services.AddScoped<IActiveDeaths, Features.ListActiveDeaths.ActiveDeathsReader>();
        return services;
    }

    public static IEndpointRouteBuilder MapCertificates(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/certificates").WithTags("Certificates").RequireAuthorization().DisableAntiforgery();

        api.MapPost("/", async Task<IResult> (CertificateData certificate, HttpContext http, IssueCertificateHandler handler, CancellationToken ct) =>
            {
                var result = await handler.HandleAsync(Actor.Require(http), certificate, ct);
                var location = $"/api/v1/certificates/{result.Number}";
                return EnumCodes<CertificateStatus>.Parse(result.Status) == CertificateStatus.PendingReview ? TypedResults.Accepted(location, result) : TypedResults.Created(location, result);
            })
            .WithSummary("Issue a death certificate (居民死亡医学证明)")
            .WithDescription("201 issued; 202 held for review as a possible duplicate (status pending-review); 400 field errors keyed by JSON path; 409 an active certificate already exists for this person.")
            .Produces<CertificateIssued>(StatusCodes.Status201Created)
            .Produces<CertificateIssued>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapGet("/", async (string? list, int? page, int? pageSize, HttpContext http, SuperviseCertificatesHandler handler, CancellationToken ct) =>
                TypedResults.Ok((await handler.ListAsync(Actor.Require(http), list ?? SuperviseCertificatesHandler.AllList, page ?? 1, pageSize ?? 50, ct)).Masked()))
            .WithSummary("List certificates: list=all|review|late (civil affairs; an issuer sees its own). ID numbers and names masked.")
            .WithDescription("Rows carry maskedNumber (5201**********013X) and maskedName, never the full ID number; each page is audited as a masked read.")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/{number}", async (string number, HttpContext http, ReadCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReadAsync(Actor.Require(http), number, ct)))
            .WithSummary("Read the copy (联) of a certificate your organisation may see; every read is audited")
            .Produces<CertificateView>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapGet("/{number}/pdf", async (string number, int? copy, HttpContext http, PrintCertificateHandler handler, CancellationToken ct) =>
            {
                var (pdf, name) = await handler.HandleAsync(Actor.Require(http), number, copy, ct);
                return Results.File(pdf, "application/pdf", name);
            })
            .WithSummary("Print a copy as PDF: copy=1..4 within what your organisation may print")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/{number}/fhir", async (string number, HttpContext http, ExportFhirDocumentHandler handler, CancellationToken ct) =>
                Results.Text(await handler.ExportAsync(Actor.Require(http), number, ct), ExportFhirDocumentHandler.ContentType))
            .WithSummary("The certificate as an HL7 FHIR R4 document Bundle shaped after the VRDR profiles (copy 1 and copy 2 readers only); every export is audited")
            .WithDescription("Composition (LOINC 64297-5) first, then the decedent Patient, the certifier Practitioner, the issuing Organization and VRDR-coded Observations: cause of death part 1 per line (69453-9, ICD-10, line number 69444-4, interval 69440-6 in UCUM), part 2 (69441-4), date of death (81956-5), manner of death (69449-7, SNOMED CT) and the underlying cause (80358-5). 403 for organisations that read no medical copy (funeral homes, cemeteries, benefit and asset departments).")
            .Produces(StatusCodes.Status200OK, contentType: ExportFhirDocumentHandler.ContentType)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapPost("/{number}/correction", async (string number, CorrectionRequest request, HttpContext http, CorrectCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/certificates/{number}", await handler.HandleAsync(Actor.Require(http), number, request, ct)))
            .WithSummary("Correct basic data once: a new version; the old one stays as superseded (a second correction is 409)")
            .Produces<CertificateIssued>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{number}/reissue", async (string number, ReasonRequest request, HttpContext http, ReissueCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), number, request, ct)))
            .WithSummary("Reissue once after loss (补发; a second reissue is 409)")
            .Produces<CertificateIssued>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{number}/revocation", async (string number, ReasonRequest request, HttpContext http, RevokeCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), number, request, ct)))
            .WithSummary("Revoke a certificate issued in error, with a reason; the record is kept")
            .Produces<CertificateIssued>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/{number}/review", async (string number, ReviewDecision decision, HttpContext http, ReviewCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), number, decision, ct)))
            .WithSummary("Civil affairs decides on a possible duplicate: decision=issue|reject with a reason")
            .Produces<CertificateIssued>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        app.MapGet("/api/v1/certificate-lookups", async (int? threshold, HttpContext http, CertificateLookups lookups, CancellationToken ct) =>
            {
                if (!CertificateAccess.CanSupervise(Actor.Require(http)))
                    throw Platform.Errors.ProblemException.Forbidden("Only civil affairs supervises certificate lookups.");
                return TypedResults.Ok(await lookups.UnusualAsync(threshold, ct));
            })
            .RequireAuthorization()
            .DisableAntiforgery()
            .WithTags("Certificates")
            .WithSummary("Civil affairs: organisations that looked up more distinct certificate numbers than threshold (default RateLimits:CertificateLookups:ReportThreshold) in the last 24 hours")
            .Produces<IReadOnlyList<LookupActivity>>()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        var verificationCache = app.ServiceProvider.GetRequiredService<VerificationCache>();
        var clock = app.ServiceProvider.GetRequiredService<TimeProvider>();
        app.MapGet("/api/v1/verify/{token}", async (string token, HttpContext http) =>
                TypedResults.Text(await VerifyCertificateHandler.AnswerJsonAsync(token, http, verificationCache, clock), "application/json"))
            .AllowAnonymous()
            .WithTags("Verification")
            .WithSummary("Public: verify a certificate's QR token → valid|superseded|revoked|invalid with masked data only")
            .Produces<VerificationResult>();

        return app;
    }
}
