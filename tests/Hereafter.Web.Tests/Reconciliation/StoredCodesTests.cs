using System.Net;
using System.Net.Http.Json;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Reconciliation.Features.DownloadResults;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>The module's states are enums in the code and the same strings as before in the tables, JSON and URLs.</summary>
public sealed class StoredCodesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public void Codes_AreTheStringsTheTablesAndApiAlwaysHeld()
    {
        Assert.Equal(["uploading", "queued", "running", "completed", "failed", "cancelled"], Enum.GetValues<JobStatus>().Select(EnumCodes<JobStatus>.Code));
        Assert.Equal(["pending", "confirmed", "dismissed"], Enum.GetValues<ReviewDecision>().Select(EnumCodes<ReviewDecision>.Code));
        Assert.Equal(["exact", "review"], Enum.GetValues<StopOrigin>().Select(EnumCodes<StopOrigin>.Code));
        Assert.Equal(["id-match-name-differs", "id-near-match", "name-and-birth-date"], Enum.GetValues<ReviewReason>().Select(EnumCodes<ReviewReason>.Code));
        Assert.Equal(["stops", "review", "rejected"], Enum.GetValues<ResultKind>().Select(EnumCodes<ResultKind>.Code));
        Assert.All(Enum.GetValues<JobStatus>(), s => Assert.Equal(s, EnumCodes<JobStatus>.Parse(EnumCodes<JobStatus>.Code(s))));
        Assert.False(EnumCodes<JobStatus>.TryParse("Completed", out _));
    }

    [Fact]
    public async Task ACompletedAndFollowedUpRoll_StoresItsStatesAsTheirCodes()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var clerk = await factory.ClientForAsync("demo-social-security");
        var id = await clerk.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        await clerk.WaitFinishedAsync(id);
        var basePath = $"/api/v1/reconciliation/rolls/{id}";
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsync($"{basePath}/review/8/confirmation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clerk.PostAsJsonAsync($"{basePath}/review/3/dismissal", new { reason = "户籍核实为在世" })).StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        // Other rolls (demo data) may share the database: each column holds only codes, and this roll's among them.
        await AssertCodesAsync("reconciliation_jobs", "Status", ["uploading", "queued", "running", "completed", "failed", "cancelled"], ["completed"]);
        await AssertCodesAsync("reconciliation_stops", "Origin", ["exact", "review"], ["exact", "review"]);
        await AssertCodesAsync("reconciliation_review", "Reason", ["id-match-name-differs", "id-near-match", "name-and-birth-date"], ["id-match-name-differs", "id-near-match"]);
        await AssertCodesAsync("reconciliation_review", "Decision", ["pending", "confirmed", "dismissed"], ["confirmed", "dismissed"]);

        async Task AssertCodesAsync(string table, string column, string[] codes, string[] present)
        {
            var sql = $"SELECT DISTINCT \"{column}\" AS \"Value\" FROM {table}"; // the test's own constants
            var values = await db.Database.SqlQueryRaw<string>(sql).ToListAsync();
            Assert.All(values, v => Assert.Contains(v, codes));
            Assert.All(present, p => Assert.Contains(p, values));
        }
    }
}
