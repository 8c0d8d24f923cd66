using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hereafter.Web.Tests.Signing;

/// <summary>
/// A migrated platform database of its own, as one installation (all its web nodes) shares: a SQLite file,
/// or a fresh PostgreSQL database when <c>HEREAFTER_TEST_POSTGRES</c> is set. Built directly rather than
/// through the app host so that the key store is tested against the provider the run asks for.
/// </summary>
internal sealed class SigningDatabase : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "hereafter-tests", "signing-db-" + Guid.NewGuid().ToString("n"));
    private readonly string? _postgresDatabase;
    public ServiceProvider Services { get; }

    public SigningDatabase()
    {
        Directory.CreateDirectory(_folder);
        var services = new ServiceCollection();
        if (HereafterFactory.PostgresServer is { } server)
        {
            _postgresDatabase = "hereafter_signing_" + Guid.NewGuid().ToString("n")[..12];
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = _postgresDatabase }.ConnectionString;
            services.AddDbContext<HereafterDbContext, PostgresHereafterDbContext>(o => o.UseNpgsql(cs));
        }
        else
        {
            services.AddDbContext<HereafterDbContext, SqliteHereafterDbContext>(o =>
                o.UseSqlite($"Data Source={Path.Combine(_folder, "hereafter.db")};Pooling=False"));
        }
        Services = services.BuildServiceProvider();
        using var scope = Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Database.Migrate();
    }

    public bool IsPostgres => _postgresDatabase is not null;

    public void Dispose()
    {
        Services.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (_postgresDatabase is null) return;
        NpgsqlConnection.ClearAllPools();
        using var conn = new NpgsqlConnection(HereafterFactory.PostgresServer);
        conn.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", conn);
        cmd.ExecuteNonQuery();
    }
}
