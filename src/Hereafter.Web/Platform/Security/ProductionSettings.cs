namespace Hereafter.Web.Platform.Security;

/// <summary>
/// Settings a deployment outside Development cannot run without. Start-up stops with one message that names every
/// missing key, instead of printing http://localhost into certificate QR codes or keeping the key ring in clear text.
/// Development and the tests run without them.
/// </summary>
public static class ProductionSettings
{
    public const string PublicBaseUrl = "Platform:PublicBaseUrl";
    public const string KeyRingCertificatePath = "Platform:DataProtection:CertificatePath";
    public const string KeyRingCertificatePassword = "Platform:DataProtection:CertificatePassword";
    public const string KeyRingKey = "Platform:DataProtection:Key";

    public static void Require(IConfiguration configuration, IHostEnvironment environment)
    {
        var problems = new List<string>();
        var baseUrl = configuration[PublicBaseUrl];
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            if (!environment.IsDevelopment())
                problems.Add($"{PublicBaseUrl} is not set: give the address people reach the platform at (e.g. https://hereafter.example.gov.cn); it is printed into certificate QR codes.");
        }
        else if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"{PublicBaseUrl} must be an absolute http(s) address, not '{baseUrl}'.");
        }

        var certificate = configuration[KeyRingCertificatePath];
        var key = configuration[KeyRingKey];
        if (!string.IsNullOrWhiteSpace(certificate))
        {
            if (!File.Exists(certificate)) problems.Add($"{KeyRingCertificatePath} names a file that does not exist: {certificate}.");
        }
        else if (!string.IsNullOrWhiteSpace(key))
        {
            if (KeyRingEncryption.ParseKey(key) is null) problems.Add($"{KeyRingKey} must be the base64 of 32 random bytes (e.g. openssl rand -base64 32).");
        }
        else if (!environment.IsDevelopment())
        {
            problems.Add($"{KeyRingCertificatePath} (with {KeyRingCertificatePassword}) or {KeyRingKey} is not set: the data-protection key ring, which protects webhook secrets and sign-in cookies, must be encrypted at rest.");
        }

        if (problems.Count > 0)
            throw new InvalidOperationException(
                $"Hereafter cannot start in the {environment.EnvironmentName} environment: " + string.Join(" ", problems)
                + " See docs/security-notes/sessions.md.");
    }
}
