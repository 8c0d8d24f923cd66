using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Hereafter.Web.Platform.Data;

public static class DataModule
{
    public static IServiceCollection AddPlatformData(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        // Everything is read when first resolved, not here: hosts (and tests) may add configuration after this call.
        services.Configure<StorageOptions>(configuration.GetSection(StorageOptions.Section));
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions());
        // Pooled contexts (ADR 0035): the options are built once per process and each request leases a context that was
        // reset, instead of building options and a context per request (the booking profile's largest single cost,
        // bench/README.md). The options read only singletons (configuration, storage options). A context must therefore
        // keep no per-request state of its own beyond what EF Core resets (change tracker, connection, transaction).
        services.AddDbContextPool<PostgresHereafterDbContext>((sp, o) =>
        {
            var cs = sp.GetRequiredService<IConfiguration>().GetConnectionString("Postgres");
            if (string.IsNullOrWhiteSpace(cs))
                throw new InvalidOperationException("Database:Provider is Postgres but ConnectionStrings:Postgres is not set.");
            o.UseNpgsql(WithAutoPrepare(cs));
        });
        services.AddDbContextPool<SqliteHereafterDbContext>((sp, o) =>
        {
            var config = sp.GetRequiredService<IConfiguration>();
            var cs = config.GetConnectionString("Sqlite");
            if (string.IsNullOrWhiteSpace(cs))
            {
                var storage = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
                var file = Path.Combine(storage.ResolveDataDirectory(contentRoot), "hereafter.db");
                cs = $"Data Source={file};Default Timeout=60;Pooling=True";
            }
            o.UseSqlite(cs).AddInterceptors(new SqlitePragmaInterceptor());
        });
        services.AddScoped<HereafterDbContext>(sp => sp.GetRequiredService<DatabaseOptions>().IsPostgres
            ? sp.GetRequiredService<PostgresHereafterDbContext>()
            : sp.GetRequiredService<SqliteHereafterDbContext>());
        // The platform's own read of its organisations: every module that filters by district uses this one registration.
        services.AddScoped<DistrictDirectory>();
        return services;
    }

    /// <summary>Statements Npgsql prepares automatically per connection when the connection string does not say.</summary>
    public const int DefaultMaxAutoPrepare = 50;

    /// <summary>
    /// Npgsql's automatic preparation, on unless the connection string sets <c>Max Auto Prepare</c> itself: a statement used
    /// a few times on a pooled connection is prepared there, so PostgreSQL stops parsing and planning the hot queries on
    /// every request. EF Core sends the same SQL for the same LINQ, so the hot paths (booking, verification, worklists)
    /// reuse a handful of statements. Measured on the booking rush: 695 → 1,277 attempts/s (bench/README.md, ADR 0035).
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0 && !connectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
            && !connectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        return builder.ConnectionString;
    }

    /// <summary>The first applied migration this build does not know, if any.</summary>
    private static async Task<string?> HasForeignSchemaAsync(HereafterDbContext db, CancellationToken ct)
    {
        var known = db.Database.GetMigrations().ToHashSet(StringComparer.Ordinal);
        return (await db.Database.GetAppliedMigrationsAsync(ct)).FirstOrDefault(m => !known.Contains(m));
    }

    /// <summary>Applies the provider's migrations. Safe to run on every node at start.</summary>
    public static async Task MigrateDatabaseAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        if (db.IsPostgres)
        {
            var creator = db.GetService<Microsoft.EntityFrameworkCore.Storage.IRelationalDatabaseCreator>();
            if (!await creator.ExistsAsync(ct))
            {
                try { await creator.CreateAsync(ct); }
                catch (Npgsql.PostgresException e) when (e.SqlState == "42P04") { } // another node created it first
            }
            // Several web nodes may start together: one migrates at a time.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(727001)", ct);
                if (await HasForeignSchemaAsync(db, ct) is { } foreign)
                    throw new InvalidOperationException($"The database was created by another schema (migration '{foreign}' is not part of this build). Restore a matching build or use a new database.");
                await db.Database.MigrateAsync(ct);
                await db.Database.ExecuteSqlRawAsync(Audit.AuditModule.AppendOnlySql(postgres: true), ct);
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock(727001)", CancellationToken.None);
                await db.Database.CloseConnectionAsync();
            }
        }
        else
        {
            if (await HasForeignSchemaAsync(db, ct) is { } foreign)
            {
                // Until the first production release the schema is one regenerated "Initial" migration, so a
                // Development demo database made by an older build cannot be migrated: it holds only demo
                // data and is made again. Anywhere else the operator must decide.
                if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment())
                    throw new InvalidOperationException($"The database was created by another schema (migration '{foreign}' is not part of this build). Restore a matching build or point Storage:DataDirectory at a new folder.");
                services.GetRequiredService<ILoggerFactory>().CreateLogger("Hereafter.Data")
                    .LogWarning("The Development database was created by another schema (migration {Migration}); it is recreated with fresh demo data.", foreign);
                var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
                await db.Database.EnsureDeletedAsync(ct);
                foreach (var suffix in new[] { "-wal", "-shm" }) File.Delete(file + suffix);
            }
            await db.Database.MigrateAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.ExecuteSqlRawAsync(Audit.AuditModule.AppendOnlySql(postgres: false), ct);
        }
    }
}

/// <summary>WAL lets readers continue while one writer commits; foreign keys are off by default in SQLite.</summary>
internal sealed class SqlitePragmaInterceptor : Microsoft.EntityFrameworkCore.Diagnostics.DbConnectionInterceptor
{
    // journal_mode=WAL is persistent in the file and set once at migration.
    private const string Pragmas = "PRAGMA foreign_keys=ON; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=60000;";

    public override void ConnectionOpened(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragmas;
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
