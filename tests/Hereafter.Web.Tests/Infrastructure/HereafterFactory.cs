using Hereafter.Web.Platform.Auth;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Hereafter.Web.Tests.Infrastructure;

/// <summary>
/// Hosts the real application for HTTP tests. Each factory gets its own empty database:
/// a SQLite file in a temporary data folder by default, or a fresh PostgreSQL database when
/// <c>HEREAFTER_TEST_POSTGRES</c> holds a connection string (CI sets it and runs the suite again).
/// </summary>
public class HereafterFactory : WebApplicationFactory<Program>
{
    public const string PostgresVariable = "HEREAFTER_TEST_POSTGRES";
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } v ? v : null;
    public static bool OnPostgres => PostgresServer is not null;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hereafter-tests", Guid.NewGuid().ToString("n"));
    private readonly string? _postgresDatabase;
    /// <summary>
    /// Outside Development the cookies are Secure, so clients of such a factory talk https (the test server does not
    /// care), and the platform's required settings get test values (<see cref="TestKeyRingKey"/>).
    /// </summary>
    public string EnvironmentName
    {
        get => _environmentName;
        init
        {
            _environmentName = value;
            if (value != "Development") ClientOptions.BaseAddress = new Uri("https://localhost/");
        }
    }
    private readonly string _environmentName = "Development";

    /// <summary>The key-ring encryption key of non-Development factories (base64 of 32 bytes; a test value only).</summary>
    public const string TestKeyRingKey = "dGVzdC1vbmx5LWtleS1yaW5nLWtleS0zMi1ieXRlcyE=";

    public HereafterFactory()
    {
        Directory.CreateDirectory(DataDirectory);
        if (OnPostgres)
        {
            _postgresDatabase = "hereafter_test_" + Guid.NewGuid().ToString("n")[..12];
            // The app's start-up migration opens a connection (for its advisory lock) before migrating,
            // so the database must already exist, as it does in a real deployment.
            using var conn = new NpgsqlConnection(PostgresServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", conn);
            cmd.ExecuteNonQuery();
        }
    }

    /// <summary>
    /// Another platform start on the same data folder and database as <paramref name="previous"/> (which must have
    /// been created with <see cref="KeepStorage"/>), as after a restart. The new factory deletes them when disposed.
    /// </summary>
    protected HereafterFactory(HereafterFactory previous)
    {
        DataDirectory = previous.DataDirectory;
        _postgresDatabase = previous._postgresDatabase;
        Directory.CreateDirectory(DataDirectory);
    }

    /// <summary>Leave the data folder and database in place on dispose, for a later factory to reuse.</summary>
    public bool KeepStorage { get; init; }

    public string? PostgresConnectionString => _postgresDatabase is null ? null
        : new NpgsqlConnectionStringBuilder(PostgresServer) { Database = _postgresDatabase }.ConnectionString;

    protected virtual IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Database:Provider"] = OnPostgres ? "Postgres" : "Sqlite",
            ["ConnectionStrings:Postgres"] = PostgresConnectionString,
            ["Platform:PublicBaseUrl"] = "http://localhost",
        };
        if (EnvironmentName != "Development") settings["Platform:DataProtection:Key"] = TestKeyRingKey;
        foreach (var (k, v) in ExtraSettings()) settings[k] = v;
        // Program.cs reads configuration before Build() (AddPlatformData picks the database there), and
        // ConfigureAppConfiguration callbacks only apply at Build(): UseSetting reaches the builder in time.
        // Without it every factory silently shared src/Hereafter.Web/data/hereafter.db, even with HEREAFTER_TEST_POSTGRES set.
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        // The family pages redeem codes from the platform's own demo identity provider: in memory, through this test server.
        if (InMemoryServer)
            builder.ConfigureTestServices(services => services.AddOptions<OpenIdConnectOptions>(FamilyIdentity.OidcScheme)
                .Configure(o => o.BackchannelHttpHandler = Server.CreateHandler()));
    }

    /// <summary>False for a factory on Kestrel (browser tests), whose back channel is a real socket.</summary>
    protected virtual bool InMemoryServer => true;

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing || KeepStorage) return;
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (_postgresDatabase is not null)
        {
            // Clean-up is not part of any test: retry a drop that races a closing connection, and at worst
            // leave a throwaway database behind rather than fail the run.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    NpgsqlConnection.ClearAllPools();
                    using var conn = new NpgsqlConnection(PostgresServer);
                    conn.Open();
                    using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", conn);
                    cmd.ExecuteNonQuery();
                    return;
                }
                catch (PostgresException e) when (attempt < 5)
                {
                    Console.Error.WriteLine($"Dropping test database {_postgresDatabase} failed ({e.SqlState}); retrying");
                    Thread.Sleep(200 * attempt);
                }
                catch (PostgresException e)
                {
                    Console.Error.WriteLine($"Test database {_postgresDatabase} left behind: {e.Message}");
                    return;
                }
            }
        }
    }
}
