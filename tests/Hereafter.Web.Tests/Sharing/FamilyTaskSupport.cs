using System.Text.Json.Nodes;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>Opens a family's task requests through the contract, as the family module does, and names the demo banks.</summary>
public static class FamilyTaskSupport
{
    public const string SecondBankClient = "test-bank-of-guiyang";

    /// <summary>Issues a certificate and returns its number and its case's id (once civil affairs was told).</summary>
    public static async Task<(string Number, Guid CaseId)> IssueCaseAsync(this HereafterFactory factory)
    {
        var number = await factory.IssueAsync();
        var civil = await factory.ClientForAsync("demo-civil-affairs");
        return (number, (await civil.WaitForEventAsync(number, "certificate.issued")).GetProperty("caseId").GetGuid());
    }

    public static async Task<Guid> OrganisationIdAsync(this HereafterFactory factory, string code)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<Organisation>().FirstAsync(o => o.Code == code)).Id;
    }

    /// <summary>A department client for the second demo bank (贵阳银行), registered once per factory.</summary>
    public static async Task<HttpClient> SecondBankAsync(this HereafterFactory factory)
    {
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var bank = await db.Set<Organisation>().FirstAsync(o => o.Code == "bank-of-guiyang");
            var applications = scope.ServiceProvider.GetRequiredService<OpenIddict.Abstractions.IOpenIddictApplicationManager>();
            if (await applications.FindByClientIdAsync(SecondBankClient) is null) // not registered by an earlier test of this factory
                await scope.ServiceProvider.GetRequiredService<DepartmentClients>()
                    .RegisterAsync(SecondBankClient, "demo-secret", bank.Id, "贵阳银行系统", DepartmentScopes.For(OrganisationType.Bank));
        }
        return await factory.ClientForAsync(SecondBankClient);
    }

    public static async Task<IReadOnlyList<RequestedTask>> OpenAsync(this HereafterFactory factory, Guid caseId, params TaskRequest[] requests)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        var opened = await scope.ServiceProvider.GetRequiredService<ICaseTaskRequests>().OpenAsync(caseId, requests, "王丽（家属）", CancellationToken.None);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return opened;
    }

    public static async Task<IReadOnlyList<TaskProgress>> ProgressAsync(this HereafterFactory factory, Guid caseId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<ICaseTaskProgress>().ForCaseAsync(caseId, CancellationToken.None);
    }

    public static TaskRequest Ask(CaseTaskItem item, Guid? organisationId = null) =>
        new(item, organisationId, new JsonObject { ["relationship"] = "spouse", ["payoutAccount"] = new JsonObject { ["bank"] = "工商银行", ["accountMasked"] = "****6789" } });
}
