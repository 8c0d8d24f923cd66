using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Custody.Features.ReadCustodyRecord;

public static class ReadCustodyRecordEndpoint
{
    public static RouteGroupBuilder MapReadCustodyRecord(this RouteGroupBuilder api)
    {
        api.MapGet("/{id:guid}", async (Guid id, HttpContext http, ReadCustodyRecordHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.ReadAsync(Actor.Require(http), id, ct)))
            .WithSummary("One remains and ashes record: state, frozen, the deceased, every step (who, where, when, which document), the document checklist, the storage limit")
            .WithDescription("For the funeral home holding the body (full personal data), the civil-affairs bureau and the cemetery or columbarium that placed the ashes (name and ID masked); 404 for anyone else. Every read is audited.")
            .Produces<CustodyRecordView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }
}
