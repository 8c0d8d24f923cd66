using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Family.Features.ListBanks;

/// <summary>A bank on the platform, for the application's bank picker.</summary>
public sealed record BankDto(Guid Id, string Name);

/// <summary>The banks on the platform (organisations of type bank), by name; the family may ask any or all of them.</summary>
public sealed class ListBanksHandler(HereafterDbContext db)
{
    public async Task<IReadOnlyList<BankDto>> HandleAsync(CancellationToken ct) =>
        await db.Set<Organisation>().AsNoTracking().Where(o => o.Type == OrganisationType.Bank).OrderBy(o => o.Code)
            .Select(o => new BankDto(o.Id, o.Name)).ToListAsync(ct);
}

public static class ListBanksEndpoint
{
    public static RouteGroupBuilder MapListBanks(this RouteGroupBuilder api)
    {
        api.MapGet("/banks", async (ListBanksHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.HandleAsync(ct)))
            .WithSummary("The banks on the platform, for the deposit-query picker")
            .Produces<IReadOnlyList<BankDto>>();
        return api;
    }
}
