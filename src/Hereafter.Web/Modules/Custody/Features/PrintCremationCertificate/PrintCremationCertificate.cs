using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Custody.Features.IssueCremationCertificate;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.PrintCremationCertificate;

/// <summary>
/// The 火化证明 as an A4 PDF for the holding funeral home, with its current QR token (a reissue prints a new one). The
/// file name carries the certificate number only, never a citizen ID. Each print is audited (personal data).
/// </summary>
public sealed class PrintCremationCertificateHandler(HereafterDbContext db, CustodyRecords records, IVerificationAddresses addresses, AuditLog audit)
{
    public async Task<(byte[] Pdf, string FileName)> HandleAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var record = await records.RequireVisibleAsync(actor, id, ct);
        if (!CustodyAccess.Holds(actor, record.FuneralHomeId)) throw CustodyRecords.NotFound();
        var certificate = await db.Set<CremationCertificate>().AsNoTracking().FirstOrDefaultAsync(c => c.CustodyId == id, ct)
                          ?? throw ProblemException.NotFound(new Message("custody.refusal.cremation-certificate-not-issued"));
        var home = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == record.FuneralHomeId).Select(o => o.Name).FirstAsync(ct);
        var content = CremationCertificateContent.Of(record, certificate, home);
        var pdf = CremationCertificatePdf.Render(content, addresses.For(certificate.Token!));
        await audit.RecordAsync(actor, "custody.cremation-certificate.print", $"custody:{record.Id:N}", "cremation-certificate", certificate.Number, ct);
        return (pdf, $"cremation-certificate-{certificate.Number}.pdf");
    }
}

public static class PrintCremationCertificateEndpoint
{
    public static RouteGroupBuilder MapPrintCremationCertificate(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}/cremation-certificate.pdf", async (Guid id, HttpContext http, PrintCremationCertificateHandler handler, CancellationToken ct) =>
            {
                var (pdf, name) = await handler.HandleAsync(Actor.Require(http), id, ct);
                return Results.File(pdf, "application/pdf", name);
            })
            .WithSummary("The 火化证明 as an A4 PDF with its signed QR code (holding funeral home)")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The pages' download at <see cref="CustodyPages.CremationCertificatePdf"/> (staff cookie).</summary>
    public static IEndpointRouteBuilder MapPrintCremationCertificatePage(this IEndpointRouteBuilder app)
    {
        app.MapGet("/custody/{id:guid}/cremation-certificate.pdf", async (Guid id, HttpContext http, PrintCremationCertificateHandler handler, CancellationToken ct) =>
            {
                var (pdf, name) = await handler.HandleAsync(Actor.Require(http), id, ct);
                return Results.File(pdf, "application/pdf", name);
            })
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }
}
