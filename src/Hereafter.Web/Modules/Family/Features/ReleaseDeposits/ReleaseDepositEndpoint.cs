using Hereafter.Web.Platform.Auth;

namespace Hereafter.Web.Modules.Family.Features.ReleaseDeposits;

public static class ReleaseDepositEndpoint
{
    public static RouteGroupBuilder MapReleaseDeposit(this RouteGroupBuilder api)
    {
        api.MapPost("/cases/{caseId:guid}/deposit-releases", async (Guid caseId, ReleaseDepositRequest request, HttpContext http, ReleaseDepositHandler handler, CancellationToken ct) =>
            {
                var release = await handler.HandleAsync(Citizen.Require(http), caseId, request, ct);
                return TypedResults.Created($"/family/cases/{caseId}/deposit-release?bank={release.BankId}", release);
            })
            .WithSummary("Release a small sum of the deceased's deposits at a bank: { bankId, amount, undertaking: true } → { id, bankId, amount, releasedTotal, remaining, accountsClosed, taskId }")
            .WithDescription("Small-deposit release (金规〔2024〕6号, ADR 0026): only at a bank that answered the family's deposit query and offered release; " +
                "at most 50,000 yuan per bank per deceased in total (丧葬费 and 抚恤金 accounts are outside the limit and the releasable balance), never above the " +
                "balance the bank reported. The release that takes the last of the balance closes all the deceased's accounts at that bank. " +
                "400 for a missing undertaking or an amount not positive or with more than two decimals; 409 when the bank has not answered, did not offer release, " +
                "or the accounts are already closed; 422 over the limit or the balance, with `remaining` (yuan). 404 for a case the citizen is not admitted to.")
            .Produces<DepositReleaseDto>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }
}
