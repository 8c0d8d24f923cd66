using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hereafter.Bench;

/// <summary>
/// The real application on Kestrel on a free loopback port, as the browser tests host it: Development
/// (so the demo organisations and API clients are seeded), its own temporary data folder, SQLite by
/// default or a fresh PostgreSQL database created on the given server and dropped afterwards.
/// Logging is turned down to Warning so the console does not become part of what is measured.
/// </summary>
public sealed class BenchHost : WebApplicationFactory<Program>
{
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;
    private string? _baseUrl;

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "hereafter-bench", Guid.NewGuid().ToString("n"));

    public string DatabaseDescription => _postgresDatabase is null ? "SQLite (WAL) in a temp folder" : $"PostgreSQL database {_postgresDatabase}";

    private readonly IDictionary<string, string?> _extra;

    public BenchHost(string? postgresServer, IDictionary<string, string?>? extraSettings = null)
    {
        _extra = extraSettings ?? new Dictionary<string, string?>();
        Directory.CreateDirectory(DataDirectory);
        _postgresServer = postgresServer;
        if (postgresServer is not null)
        {
            _postgresDatabase = "hereafter_bench_" + Guid.NewGuid().ToString("n")[..12];
            // The app's start-up migration takes an advisory lock on a connection first: the database must exist.
            using var conn = new NpgsqlConnection(postgresServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {_postgresDatabase}", conn);
            cmd.ExecuteNonQuery();
        }
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts Kestrel on first use; like <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl
    {
        get
        {
            if (_baseUrl is not null) return _baseUrl;
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                ?? throw new InvalidOperationException("Kestrel reported no addresses.");
            return _baseUrl = addresses.First().TrimEnd('/');
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseContentRoot(WebContentRoot());
        var settings = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = DataDirectory,
            ["Database:Provider"] = _postgresDatabase is null ? "Sqlite" : "Postgres",
            ["ConnectionStrings:Postgres"] = _postgresDatabase is null ? null
                : new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString,
            ["Platform:PublicBaseUrl"] = "http://localhost",
            // Development's static-asset fallback route stats the disk per request; production has none.
            ["DisableStaticAssetNotFoundRuntimeFallback"] = "true",
            // All load comes from one loopback address, far above a city's per-address limits: the limits are raised
            // out of reach rather than turned off, so the limiter's own cost per request stays in what is measured.
            ["RateLimits:Verify:PermitLimit"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:Token:PermitLimit"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:TokenPerAddress:PermitLimit"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RateLimits:PriceCalculator:PermitLimit"] = int.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",
        };
        foreach (var (k, v) in _extra) settings[k] = v;
        // Program.cs reads configuration before Build(): UseSetting reaches it in time (see HereafterFactory).
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(settings));
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>
    /// src/Hereafter.Web, from the manifest the testing package writes next to this program. The factory
    /// looks for that manifest in the current directory only (the repository root under <c>dotnet run</c>)
    /// and then guesses <c>{solution}/Hereafter.Web</c>, which does not exist.
    /// </summary>
    private static string WebContentRoot()
    {
        var manifest = Path.Combine(AppContext.BaseDirectory, "MvcTestingAppManifest.json");
        var entries = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(manifest))
            ?? throw new InvalidOperationException($"{manifest} is empty.");
        return entries.First(e => e.Key.StartsWith("Hereafter.Web,", StringComparison.Ordinal)).Value;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        try { Directory.Delete(DataDirectory, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            using var conn = new NpgsqlConnection(_postgresServer);
            conn.Open();
            using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", conn);
            // FORCE may not end an autovacuum worker (another role's process) busy in the database after heavy writes
            // (42501); it finishes within seconds, so try again.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    cmd.ExecuteNonQuery();
                    break;
                }
                catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.ObjectInUse && attempt < 30)
                {
                    Thread.Sleep(1000);
                }
            }
        }
    }
}
