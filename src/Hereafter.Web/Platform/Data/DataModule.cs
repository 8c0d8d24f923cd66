using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Hereafter.Web.Platform.Data;

public static class DataModule
{
    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        var database = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        services.AddSingleton(database);
        if (database.IsPostgres)
        {
            var cs = configuration.GetConnectionString("Postgres")
                ?? throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            services.AddDbContext<HereafterDbContext, PostgresHereafterDbContext>(o => o.UseNpgsql(cs));
        }
        else
        {
            var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
            var file = Path.Combine(storage.ResolveDataDirectory(contentRoot), "hereafter.db");
            var cs = configuration.GetConnectionString("Sqlite") ?? $"Data Source={file};Default Timeout=60;Pooling=True";
            services.AddDbContext<HereafterDbContext, SqliteHereafterDbContext>(o => o
                .UseSqlite(cs)
                .AddInterceptors(new SqlitePragmaInterceptor()));
        }
        return services;
    }

    /// <summary>Applies the provider's migrations. Safe to run on every node at start.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        if (db.IsPostgres)
        {
            // Several web nodes may start together: one migrates at a time.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(727001)", ct);
                await db.Database.MigrateAsync(ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(727001)", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            await db.Database.MigrateAsync(ct);
        }
    }
}

/// <summary>WAL lets readers continue while one writer commits; foreign keys are off by default in SQLite.</summary>
internal sealed class SqlitePragmaInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000;";
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000;";
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}

/// <summary>Used only by <c>dotnet ef migrations add</c>.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteHereafterDbContext>
{
    public SqliteHereafterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteHereafterDbContext>().UseSqlite("Data Source=design.db").Options);
}

internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresHereafterDbContext>
{
    public PostgresHereafterDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresHereafterDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
