using Hereafter.Domain.Custody;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Custody.Features.SignCremationConsent;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.CollectCremationCertificate;

public sealed record CollectionRequest(string? Name, string? IdNumber, string? Relationship);

/// <summary>
/// 领取火化证明: who collected it (name, ID, relationship), once. The first collector is the only one a reissue may go
/// to. Field problems are 400; a certificate not issued or already collected is 409.
/// </summary>
public sealed class CollectCremationCertificateHandler(HereafterDbContext db, CustodyRecords records, TimeProvider clock)
{
    public async Task<CustodyStepDone> HandleAsync(Actor actor, Guid id, CollectionRequest request, CancellationToken ct)
    {
        var record = await records.RequireHeldAsync(actor, id, ct);
        var errors = new FieldErrors();
        var name = PersonFields.Name(request.Name, errors);
        var idNumber = PersonFields.IdNumber(request.IdNumber, errors);
        var relationship = PersonFields.Relationship(request.Relationship, errors);
        errors.ThrowIfAny();

        var facts = await records.FactsAsync(record, certificateActive: true, ct);
        CustodyRecords.Require(facts, CustodyStep.CollectCremationCertificate, new StepInput(CollectorIdNumber: idNumber));
        var certificate = await db.Set<CremationCertificate>().FirstAsync(c => c.CustodyId == record.Id, ct);
        var now = clock.GetUtcNow();
        certificate.CollectedByName = name;
        certificate.CollectedByIdNumber = idNumber;
        certificate.CollectedByRelationship = relationship;
        certificate.CollectedAt = now;
        records.AddStep(record, actor, CustodyStep.CollectCremationCertificate, now, document: $"火化证明 {certificate.Number}",
            note: $"{name} {PersonalDataMask.IdNumber(idNumber)}");
        await records.SaveAsync(record, ct);
        return new CustodyStepDone(record.Id, record.State.ToCode());
    }
}

public static class CollectCremationCertificateEndpoint
{
    public static RouteGroupBuilder MapCollectCremationCertificate(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/cremation-certificate/collection", async (Guid id, CollectionRequest request, HttpContext http, CollectCremationCertificateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("Record who collected the 火化证明 (name, ID, relationship); once")
            .Produces<CustodyStepDone>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
