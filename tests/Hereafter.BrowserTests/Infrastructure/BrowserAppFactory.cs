using System.Net;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.BrowserTests.Infrastructure;

/// <summary>
/// The real application on Kestrel, on a free loopback port, so a real browser can reach it.
/// Same database set-up as <see cref="HereafterFactory"/> (own SQLite file, or own PostgreSQL database).
/// The server starts on first use of <see cref="BaseUrl"/> or <c>Services</c>, so skipped tests start nothing.
/// </summary>
public sealed class BrowserAppFactory : HereafterFactory
{
    private readonly Lock _gate = new();
    private string? _baseUrl;

    public BrowserAppFactory() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    protected override bool InMemoryServer => false;

    /// <summary>Like <c>http://127.0.0.1:41234</c>, without a trailing slash.</summary>
    public string BaseUrl
    {
        get
        {
            lock (_gate)
            {
                if (_baseUrl is not null) return _baseUrl;
                StartServer();
                var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                    ?? throw new InvalidOperationException("Kestrel reported no addresses.");
                return _baseUrl = addresses.First().TrimEnd('/');
            }
        }
    }
}
