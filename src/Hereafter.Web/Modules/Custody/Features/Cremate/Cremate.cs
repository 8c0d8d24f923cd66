using Hereafter.Domain.Custody;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Features.SignCremationConsent;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Custody.Features.Cremate;

public sealed record CremationRequest(DateTimeOffset? CrematedAt, string? Furnace);

/// <summary>
/// 火化: only with an active death certificate (checked live, and not frozen by a revocation), the 遗体火化确认书 and a
/// valid, consistent ID of the person in charge, after arrival. A refusal is one 409 listing every missing or
/// inconsistent item. The record's version makes the step happen once however many operators press the button: of
/// concurrent tries one commits and the others get 409. Writes the timeline line and the <c>custody.cremated</c>
/// milestone in the same transaction.
/// </summary>
public sealed class CremateHandler(CustodyRecords records, ICertificateStandings standings, TimeProvider clock)
{
    public async Task<CustodyStepDone> HandleAsync(Actor actor, Guid id, CremationRequest request, CancellationToken ct)
    {
        var record = await records.RequireHeldAsync(actor, id, ct);
        var errors = new FieldErrors();
        var furnace = request.Furnace?.Trim() ?? "";
        if (furnace.Length == 0) errors.Add("furnace", new Message("custody.cremation.furnace.required"));
        else if (furnace.Length > 20) errors.Add("furnace", new Message("custody.cremation.furnace.too-long"));
        if (request.CrematedAt is null) errors.Add("crematedAt", new Message("custody.cremation.cremated-at.required"));
        else if (request.CrematedAt > clock.GetUtcNow().AddMinutes(5)) errors.Add("crematedAt", new Message("custody.cremation.cremated-at.future"));
        errors.ThrowIfAny();

        var standing = await standings.ByIdAsync(record.CertificateId, ct);
        var facts = await records.FactsAsync(record, standing?.Status == CertificateStandingStatus.Active, ct);
        CustodyRecords.Require(facts, CustodyStep.Cremate);

        var at = request.CrematedAt!.Value.ToUniversalTime(); // PostgreSQL stores UTC only
        record.State = CustodyState.Cremated;
        record.CrematedAt = at;
        record.Furnace = furnace;
        records.AddStep(record, actor, CustodyStep.Cremate, at, place: furnace);
        records.Publish(CustodyEventTypes.Cremated, record, at, actor.OrganisationId, actor.OrganisationName, furnace);
        await records.SaveAsync(record, ct);
        return new CustodyStepDone(record.Id, record.State.ToCode());
    }
}

public static class CremateEndpoint
{
    public static RouteGroupBuilder MapCremate(this RouteGroupBuilder api)
    {
        api.MapPost("/{id:guid}/cremation", async (Guid id, CremationRequest request, HttpContext http, CremateHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), id, request, ct)))
            .WithSummary("Record the cremation (time, furnace); 409 lists every missing or inconsistent item")
            .Produces<CustodyStepDone>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }
}
