using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Infrastructure;

public sealed class HereafterFactoryTests
{
    [Fact]
    public void EachFactory_UsesItsOwnDatabase_NotTheDevelopmentOne()
    {
        using var factory = new HereafterFactory();
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var connection = db.Database.GetConnectionString() ?? "";

        Assert.Equal(HereafterFactory.OnPostgres, db.IsPostgres);
        if (HereafterFactory.OnPostgres) Assert.Contains(factory.PostgresConnectionString!.Split(';').First(p => p.StartsWith("Database=", StringComparison.OrdinalIgnoreCase)), connection);
        else Assert.Contains(factory.DataDirectory, connection);
    }
}
