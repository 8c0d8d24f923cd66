using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Custody.Features.ListCustodyRecords;

public static class ListCustodyRecordsEndpoint
{
    public static RouteGroupBuilder MapListCustodyRecords(this RouteGroupBuilder api)
    {
        api.MapGet("", async (string? state, bool? overdue, Guid? institution, string? from, string? to, int? page, int? pageSize,
                    string? district, string? reason, string? dated, HttpContext http, ListCustodyRecordsHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http),
                    new CustodyListQuery(state, overdue ?? false, institution, from, to, page ?? 1, pageSize ?? 50) { District = district, Reason = reason, Dated = dated }, ct)))
            .WithSummary("Remains and ashes records: a funeral home those it holds, a cemetery or columbarium those it placed, civil affairs all")
            .WithDescription("Filters: state (picked-up, in-storage, cremated, ashes-released, ashes-stored, placed, unclaimed; another code is 400 listing them), overdue=true (over-storage-limit: in storage past its limit; placement-overdue: ashes released without a confirmed placement after Custody:PlacementFollowUpDays; unclaimed: stored past Custody:UnclaimedAfterDays or marked unclaimed), institution (an organisation id), district (six-digit region code of the funeral home, one of the dashboard's districts), reason (only records overdue for that reason), from/to (dates, YYYY-MM-DD, China time) of the step named by dated (picked-up, the default; cremated; placed: then only records that reached it), page and pageSize (at most 500). Names and ID numbers are masked.")
            .Produces<CustodyList>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }
}
