using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hereafter.Web.Tests.Platform;

/// <summary>
/// PostgreSQL statements are prepared automatically unless the operator's connection string says otherwise, and the
/// context options are built once per process (ADR 0035).
/// </summary>
public sealed class DatabaseConnectionTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Theory]
    [InlineData("Host=db;Database=hereafter;Username=app", 50)]
    [InlineData("Host=db;Database=hereafter;Username=app;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=hereafter;Username=app;Max Auto Prepare=10", 10)]
    public void AutoPrepare_IsOnUnlessTheConnectionStringSetsIt(string configured, int expected)
    {
        var effective = new NpgsqlConnectionStringBuilder(DataModule.WithAutoPrepare(configured));

        Assert.Equal(expected, effective.MaxAutoPrepare);
        Assert.Equal("db", effective.Host);
        Assert.Equal("hereafter", effective.Database);
    }

    [Fact]
    public void TheAppsContexts_ShareOneOptionsInstance_AndUseAutoPrepareOnPostgres()
    {
        using var first = factory.Services.CreateScope();
        using var second = factory.Services.CreateScope();
        var a = first.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var b = second.ServiceProvider.GetRequiredService<HereafterDbContext>();

        Assert.NotSame(a, b);
        var optionsType = typeof(DbContextOptions<>).MakeGenericType(a.GetType());
        Assert.Same(first.ServiceProvider.GetRequiredService(optionsType), second.ServiceProvider.GetRequiredService(optionsType));
        if (a.IsPostgres)
            Assert.Equal(DataModule.DefaultMaxAutoPrepare, new NpgsqlConnectionStringBuilder(a.Database.GetConnectionString()).MaxAutoPrepare);
    }
}
