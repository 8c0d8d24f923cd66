using System.Net;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hereafter.Web.Tests.Certificates;

/// <summary>
/// Two amendments of one certificate at the same moment on PostgreSQL: one wins, the other is told 409 with a
/// message; a revoked certificate never keeps the person's ID, and the departments' feeds follow the winner.
/// The test holds the certificate's row lock while both requests run, so both have read the certificate
/// before either may write: the race happens every time, whatever the machine's load.
/// </summary>
public sealed class AmendmentRaceTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [PostgresOnlyFact]
    public async Task CorrectionAgainstRevocation_OneWins_TheOtherGets409_AndTheStateIsConsistent()
    {
        var person = People.Next();
        await factory.IssueAsync(person);
        var hospital = await factory.ClientForAsync("demo-hospital");
        var codes = await RaceAsync(person.IdNumber,
            () => hospital.CorrectAsync(person, "贵州省贵阳市南明区遵义路3号"),
            () => hospital.RevokeAsync(person.IdNumber));
        await AssertOneWinnerAsync(person, codes, winnerTypes: codes[1] == HttpStatusCode.OK ? "certificate.revoked" : "certificate.corrected");
    }

    [PostgresOnlyFact]
    public async Task ReissueAgainstRevocation_OneWins_TheOtherGets409_AndTheStateIsConsistent()
    {
        var person = People.Next();
        await factory.IssueAsync(person);
        var hospital = await factory.ClientForAsync("demo-hospital");
        var codes = await RaceAsync(person.IdNumber,
            () => hospital.ReissueAsync(person.IdNumber),
            () => hospital.RevokeAsync(person.IdNumber));
        await AssertOneWinnerAsync(person, codes, winnerTypes: codes[1] == HttpStatusCode.OK ? "certificate.revoked" : null);
    }

    [PostgresOnlyFact]
    public async Task TwoRevocations_OneWins()
    {
        var person = People.Next();
        await factory.IssueAsync(person);
        var hospital = await factory.ClientForAsync("demo-hospital");
        var codes = await RaceAsync(person.IdNumber, () => hospital.RevokeAsync(person.IdNumber), () => hospital.RevokeAsync(person.IdNumber));
        Assert.Single(codes, c => c == HttpStatusCode.OK);
        Assert.Single(codes, c => c == HttpStatusCode.Conflict);
    }

    /// <summary>Runs both requests while the test holds the certificate row; releases it once both wait on it.</summary>
    private async Task<HttpStatusCode[]> RaceAsync(string number, params Func<Task<HttpResponseMessage>>[] requests)
    {
        await using var holder = new NpgsqlConnection(factory.PostgresConnectionString);
        await holder.OpenAsync();
        await using var tx = await holder.BeginTransactionAsync();
        await using (var lockRow = new NpgsqlCommand("""SELECT 1 FROM certificates WHERE "Number" = @n FOR UPDATE""", holder, tx))
        {
            lockRow.Parameters.AddWithValue("n", number);
            Assert.NotNull(await lockRow.ExecuteScalarAsync());
        }
        var running = requests.Select(r => Task.Run(r)).ToList();
        await EventOrderSteps.WaitForAsync(async () =>
        {
            await using var conn = new NpgsqlConnection(factory.PostgresConnectionString);
            await conn.OpenAsync();
            await using var count = new NpgsqlCommand(
                """
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%certificate%'
                """, conn);
            return (long)(await count.ExecuteScalarAsync())! >= requests.Length;
        }, "both requests to wait on the certificate", TimeSpan.FromSeconds(60));
        await tx.RollbackAsync();
        var responses = await Task.WhenAll(running);
        foreach (var response in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.JsonAsync();
            Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        }
        return responses.Select(r => r.StatusCode).ToArray();
    }

    private async Task AssertOneWinnerAsync(People.Person person, HttpStatusCode[] codes, string? winnerTypes)
    {
        Assert.Single(codes, c => (int)c is >= 200 and < 300);
        Assert.Single(codes, c => c == HttpStatusCode.Conflict);
        await factory.WaitUntilQuietAsync(TimeSpan.FromSeconds(60));
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var certificate = await db.Set<Certificate>().AsNoTracking().SingleAsync(c => c.Number == person.IdNumber);
            Assert.Equal(certificate.Status == CertificateStatus.Revoked ? null : person.IdNumber, certificate.ActiveNumber);
            Assert.Equal(winnerTypes == "certificate.revoked", certificate.Status == CertificateStatus.Revoked);
        }
        var expected = winnerTypes is null ? new List<string> { "certificate.issued" } : ["certificate.issued", winnerTypes];
        Assert.Equal(expected, (await (await factory.ClientForAsync("demo-police")).ReadFeedAsync(500)).TypesOf(person.IdNumber));
        if (winnerTypes == "certificate.revoked")
        {
            // The ID is free again: the person can be certified anew.
            var again = await factory.IssueAsync(person);
            Assert.Equal(person.IdNumber, again);
        }
    }
}
