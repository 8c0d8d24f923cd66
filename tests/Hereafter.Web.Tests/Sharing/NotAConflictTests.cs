using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>
/// A 409 means "someone else got there first" (a unique key refused the insert). Any other database failure on the
/// same save is not a conflict and must not be reported as one.
/// </summary>
public sealed class NotAConflictTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task LinkingAnInstitution_WhenTheDatabaseRefusesForAnotherReason_IsNot409()
    {
        var caseId = await factory.OpenUnlinkedCaseAsync();
        var shop = await factory.InstitutionAsync("huimin-service-shop");
        await RefuseInsertsIntoCaseInstitutionsAsync();

        var civil = await factory.ClientForAsync("demo-civil-affairs");
        var response = await civil.PostAsync($"/api/v1/cases/{caseId}/institutions", JsonContent.Create(new { organisationId = shop, reason = "家属选择" }));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    /// <summary>A trigger that fails every insert with an error that is not a unique violation (a check-like abort).</summary>
    private async Task RefuseInsertsIntoCaseInstitutionsAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        if (db.IsPostgres)
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE FUNCTION test_refuse_insert() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused by test'; END $$;");
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER test_refuse_insert BEFORE INSERT ON sharing_case_institutions FOR EACH ROW EXECUTE FUNCTION test_refuse_insert();");
        }
        else
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER test_refuse_insert BEFORE INSERT ON sharing_case_institutions BEGIN SELECT RAISE(ABORT, 'refused by test'); END;");
        }
    }
}
