using Hereafter.Domain.Custody;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Custody.Features.IssueCremationCertificate;
using Hereafter.Web.Modules.Custody.Features.SignCremationConsent;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Platform.Signing;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.ReissueCremationCertificate;

/// <param name="IdNumber">The ID of the person the reissue is handed to: it must be the first collector's.</param>
public sealed record ReissueRequest(string? Reason, string? IdNumber);

/// <summary>
/// 补发火化证明: once, with a reason, logged on the timeline, and only to the first collector (their ID is checked
/// against the collection). The same number is printed again marked 补发 with a new signed QR token, so the lost paper's
/// code now verifies as superseded.
/// </summary>
public sealed class ReissueCremationCertificateHandler(HereafterDbContext db, CustodyRecords records, CertificateTokens tokens, TimeProvider clock)
{
    public async Task<CustodyStepDone> HandleAsync(Actor actor, Guid id, ReissueRequest request, CancellationToken ct)
    {
        var record = await records.RequireHeldAsync(actor, id, ct);
        var errors = new FieldErrors();
        var reason = request.Reason?.Trim() ?? "";
        if (reason.Length == 0) errors.Add("reason", new Message("custody.reissue.reason.required"));
        else if (reason.Length > 400) errors.Add("reason", new Message("custody.reissue.reason.too-long"));
        var idNumber = PersonFields.IdNumber(request.IdNumber, errors, checkValidity: false);
        errors.ThrowIfAny();

        var facts = await records.FactsAsync(record, certificateActive: true, ct);
        CustodyRecords.Require(facts, CustodyStep.ReissueCremationCertificate, new StepInput(CollectorIdNumber: idNumber));
        var certificate = await db.Set<CremationCertificate>().FirstAsync(c => c.CustodyId == record.Id, ct);
        var home = await db.Set<Organisation>().AsNoTracking().Where(o => o.Id == record.FuneralHomeId).Select(o => o.Name).FirstAsync(ct);
        var now = clock.GetUtcNow();
        certificate.ReissuedAt = now;
        certificate.ReissueReason = reason;
        await IssueCremationCertificateHandler.SignAsync(certificate, record, home, tokens, now, ct);
        records.AddStep(record, actor, CustodyStep.ReissueCremationCertificate, now, document: $"火化证明 {certificate.Number}（补发）",
            note: $"{reason}（{certificate.CollectedByName} {PersonalDataMask.IdNumber(idNumber)}）");
        await records.SaveAsync(record, ct);
        return new CustodyStepDone(record.Id, record.State.ToCode());
    }
}

public static class ReissueCremationCertificateEndpoint
{
    public static RouteGroupBuilder MapReissueCremationCertificate(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/cremation-certificate/reissue", async (Guid id, ReissueRequest request, HttpContext http, ReissueCremationCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("Reissue the 火化证明 once, with a reason, only to the first collector (their idNumber)")
            .Produces<CustodyStepDone>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
