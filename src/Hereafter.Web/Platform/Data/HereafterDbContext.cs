using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hereafter.Web.Platform.Data;

/// <summary>
/// The one database of the platform. Each module configures its own tables through
/// <see cref="IEntityTypeConfiguration{TEntity}"/> classes in its Data folder. Two derived
/// contexts exist only so that each provider keeps its own migrations set.
/// </summary>
public abstract class HereafterDbContext(DbContextOptions options) : DbContext(options)
{
    public abstract bool IsPostgres { get; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // OpenIddict's applications, authorizations, scopes and tokens (tables renamed in Platform/Auth/OidcTables).
        modelBuilder.UseOpenIddict();
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(HereafterDbContext).Assembly,
            t => t.Namespace is not null && !t.Namespace.Contains(".Migrations", StringComparison.Ordinal));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every state and kind is an enum stored as its code (ADR 0013): no per-property converter.
        configurationBuilder.StoreEnumsAsCodes();

        // SQLite cannot order or compare DateTimeOffset natively; store an orderable long there.
        // PostgreSQL stores timestamptz; every DateTimeOffset we write is UTC.
        if (!IsPostgres)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}

public sealed class SqliteHereafterDbContext(DbContextOptions<SqliteHereafterDbContext> options) : HereafterDbContext(options)
{
    public override bool IsPostgres => false;
}

public sealed class PostgresHereafterDbContext(DbContextOptions<PostgresHereafterDbContext> options) : HereafterDbContext(options)
{
    public override bool IsPostgres => true;
}
