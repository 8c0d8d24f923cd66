using System.Net;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Platform;

/// <summary>
/// The schema is one regenerated "Initial" migration until the first production release, so a data folder made by
/// an older build holds a migration this build does not know: Development recreates its demo database; elsewhere
/// (and always on PostgreSQL) start-up stops with a message that says what is wrong instead of a SQL error.
/// </summary>
public sealed class ForeignSchemaTests
{
    private sealed class Restartable : HereafterFactory
    {
        public Restartable() { }
        public Restartable(HereafterFactory previous, string environment) : base(previous) => EnvironmentName = environment;
    }

    [Fact]
    public async Task ADatabaseFromAnOlderSchema_IsRecreatedInDevelopment_OrRefusedClearly()
    {
        var first = new Restartable { KeepStorage = true };
        try
        {
            _ = first.Server;
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('20200101000000_Initial', '10.0.0')");
        }
        finally
        {
            first.Dispose();
        }

        if (HereafterFactory.OnPostgres)
        {
            using var refused = new Restartable(first, "Development");
            var e = Assert.Throws<InvalidOperationException>(() => refused.Server);
            Assert.Contains("20200101000000_Initial", e.Message);
            Assert.Contains("another schema", e.Message);
            return;
        }

        using (var production = new Restartable(first, "Production") { KeepStorage = true })
        {
            var e = Assert.Throws<InvalidOperationException>(() => production.Server);
            Assert.Contains("20200101000000_Initial", e.Message);
        }

        using var development = new Restartable(first, "Development");
        var client = development.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        using var check = development.Services.CreateScope();
        var fresh = check.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.DoesNotContain("20200101000000_Initial", await fresh.Database.GetAppliedMigrationsAsync());
        Assert.Contains("doctor.wang", await client.GetStringAsync("/signin")); // demo data seeded again
    }
}
