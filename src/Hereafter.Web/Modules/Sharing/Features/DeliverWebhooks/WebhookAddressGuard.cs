using System.Net;
using System.Net.Sockets;
using Hereafter.Domain.Messages;

namespace Hereafter.Web.Modules.Sharing.Features.DeliverWebhooks;

/// <summary>
/// Keeps webhook callbacks off internal networks (SSRF): outside Development a callback must be https and
/// must not reach loopback, link-local, private, shared (CGNAT), unspecified or multicast addresses.
/// Checked when subscribing and again at every connection (DNS answers can change).
/// </summary>
public static class WebhookAddressGuard
{
    private static readonly (IPAddress Network, int Prefix)[] Blocked =
    [
        (IPAddress.Parse("0.0.0.0"), 8), (IPAddress.Parse("10.0.0.0"), 8), (IPAddress.Parse("100.64.0.0"), 10),
        (IPAddress.Parse("127.0.0.0"), 8), (IPAddress.Parse("169.254.0.0"), 16), (IPAddress.Parse("172.16.0.0"), 12),
        (IPAddress.Parse("192.0.0.0"), 24), (IPAddress.Parse("192.168.0.0"), 16), (IPAddress.Parse("198.18.0.0"), 15),
        (IPAddress.Parse("224.0.0.0"), 4), (IPAddress.Parse("240.0.0.0"), 4),
        (IPAddress.Parse("::"), 128), (IPAddress.Parse("::1"), 128), (IPAddress.Parse("fc00::"), 7),
        (IPAddress.Parse("fe80::"), 10), (IPAddress.Parse("ff00::"), 8), (IPAddress.Parse("64:ff9b::"), 96),
    ];

    /// <summary>True when the address is not a public unicast address.</summary>
    public static bool IsBlocked(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        var bytes = address.GetAddressBytes();
        foreach (var (network, prefix) in Blocked)
        {
            if (network.AddressFamily != address.AddressFamily) continue;
            var net = network.GetAddressBytes();
            var full = prefix / 8;
            var match = bytes.AsSpan(0, full).SequenceEqual(net.AsSpan(0, full));
            if (match && prefix % 8 != 0)
            {
                var mask = (byte)(0xFF << (8 - prefix % 8));
                match = (bytes[full] & mask) == (net[full] & mask);
            }
            if (match) return true;
        }
        return false;
    }

    /// <summary>Null when the URL may be used; otherwise the reason it may not.</summary>
    public static async Task<Message?> CheckAsync(string? url, bool development, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return new Message("sharing.callback-url.not-absolute");
        if (uri.Scheme != Uri.UriSchemeHttps && !(development && uri.Scheme == Uri.UriSchemeHttp))
            return new Message("sharing.callback-url.not-https");
        if (!string.IsNullOrEmpty(uri.UserInfo)) return new Message("sharing.callback-url.has-credentials");
        if (!string.IsNullOrEmpty(uri.Fragment)) return new Message("sharing.callback-url.has-fragment");
        if (development) return null;
        IPAddress[] addresses;
        if (IPAddress.TryParse(uri.IdnHost, out var literal)) addresses = [literal];
        else
        {
            try { addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, ct); }
            catch (SocketException) { return DoesNotResolve(uri); }
            if (addresses.Length == 0) return DoesNotResolve(uri);
        }
        var blocked = addresses.FirstOrDefault(IsBlocked);
        return blocked is null ? null
            : new Message("sharing.callback-url.internal-address").With("address", blocked);
    }

    private static Message DoesNotResolve(Uri uri) => new Message("sharing.callback-url.does-not-resolve").With("host", uri.Host);

    /// <summary>
    /// Connects only to addresses allowed by <see cref="IsBlocked"/> (unless Development), so a name that resolves
    /// to an internal address after subscribing is refused at delivery.
    /// </summary>
    public static SocketsHttpHandler CreateHandler(bool development) => new()
    {
        UseProxy = false,
        AllowAutoRedirect = false,
        UseCookies = false,
        PooledConnectionLifetime = TimeSpan.FromMinutes(2),
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ConnectCallback = async (context, ct) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
            if (!development)
            {
                addresses = addresses.Where(a => !IsBlocked(a)).ToArray();
                if (addresses.Length == 0)
                    throw new HttpRequestException($"Refused to connect: {host} resolves only to internal addresses.");
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        },
    };
}
