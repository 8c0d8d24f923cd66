namespace Hereafter.Web.Modules.Certificates;

/// <summary>The public verification address a signed token is printed and encoded in the QR code under.</summary>
public sealed class VerificationLinks(IConfiguration configuration)
{
    public string For(string token) =>
        $"{(configuration["Platform:PublicBaseUrl"] ?? throw new InvalidOperationException("Platform:PublicBaseUrl is not set.")).TrimEnd('/')}/verify/{token}";
}
