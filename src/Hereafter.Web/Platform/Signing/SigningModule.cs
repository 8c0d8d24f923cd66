using Hereafter.Web.Platform.Data;
using Microsoft.Extensions.Options;

namespace Hereafter.Web.Platform.Signing;

public static class SigningModule
{
    /// <summary>
    /// SM2 signing keys (<see cref="SigningKeyStore"/>, keys in <c>{Storage:DataDirectory}/keys</c> or
    /// <c>Signing:PrivateKeyFile</c>) and <see cref="CertificateTokens"/>. Needs AddPlatformData and a TimeProvider.
    /// </summary>
    public static IServiceCollection AddPlatformSigning(this IServiceCollection services)
    {
        services.AddOptions<SigningOptions>().BindConfiguration(SigningOptions.Section);
        services.AddSingleton(sp =>
        {
            var contentRoot = sp.GetRequiredService<IHostEnvironment>().ContentRootPath;
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var signing = sp.GetRequiredService<IOptions<SigningOptions>>().Value;
            return new SigningKeyStore(
                Path.Combine(storage.ResolveDataDirectory(contentRoot), "keys"),
                signing.PrivateKeyFile is { Length: > 0 } f ? Path.GetFullPath(f, contentRoot) : null,
                sp.GetRequiredService<IServiceScopeFactory>(),
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                sp.GetRequiredService<ILogger<SigningKeyStore>>());
        });
        services.AddSingleton<CertificateTokens>();
        return services;
    }
}
