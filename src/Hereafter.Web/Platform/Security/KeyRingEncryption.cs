using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Hereafter.Web.Platform.Security;

/// <summary>
/// Encrypts the data-protection key ring before it is stored (in the database, see DatabaseXmlRepository): with an
/// X.509 certificate from a PFX file (<see cref="ProductionSettings.KeyRingCertificatePath"/>), or else with AES-256-GCM
/// under a key from configuration (<see cref="ProductionSettings.KeyRingKey"/>). Without either, Development stores
/// the keys in clear text and every other environment refuses to start (<see cref="ProductionSettings"/>).
/// </summary>
public static class KeyRingEncryption
{
    public static IDataProtectionBuilder ProtectKeysFromConfiguration(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var path = configuration[ProductionSettings.KeyRingCertificatePath];
        if (!string.IsNullOrWhiteSpace(path))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[ProductionSettings.KeyRingCertificatePassword],
                X509KeyStorageFlags.EphemeralKeySet);
            if (!certificate.HasPrivateKey)
                throw new InvalidOperationException($"The certificate in {ProductionSettings.KeyRingCertificatePath} has no private key: the key ring could be written but never read.");
            // Also registers the certificate for decryption, so no certificate store is needed.
            return builder.ProtectKeysWithCertificate(certificate);
        }
        if (ParseKey(configuration[ProductionSettings.KeyRingKey]) is { } key)
        {
            builder.Services.AddSingleton(new AesGcmKeyRingKey(key));
            builder.Services.Configure<KeyManagementOptions>(o => o.XmlEncryptor = new AesGcmXmlEncryptor(key));
        }
        return builder;
    }

    public static byte[]? ParseKey(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        try
        {
            var bytes = Convert.FromBase64String(base64.Trim());
            return bytes.Length == 32 ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    internal static string KeyId(byte[] key) => Convert.ToHexStringLower(SHA256.HashData(key))[..16];
    internal static readonly byte[] AssociatedData = "Hereafter data-protection key ring v1"u8.ToArray();
}

/// <summary>The configured key-ring key, for <see cref="AesGcmXmlDecryptor"/> (which the key manager creates by type name).</summary>
public sealed record AesGcmKeyRingKey(byte[] Key);

internal sealed class AesGcmXmlEncryptor(byte[] key) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plaintext = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var tag = new byte[AesGcm.TagByteSizes.MaxSize];
        var ciphertext = new byte[plaintext.Length];
        using (var aes = new AesGcm(key, tag.Length)) aes.Encrypt(nonce, plaintext, ciphertext, tag, KeyRingEncryption.AssociatedData);
        CryptographicOperations.ZeroMemory(plaintext);
        var element = new XElement("aesGcmEncrypted",
            new XAttribute("keyId", KeyRingEncryption.KeyId(key)),
            new XAttribute("nonce", Convert.ToBase64String(nonce)),
            new XAttribute("tag", Convert.ToBase64String(tag)),
            Convert.ToBase64String(ciphertext));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}

/// <summary>Created by the key manager from the stored type name; gets the key from the application's services.</summary>
internal sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetService<AesGcmKeyRingKey>()?.Key
                  ?? throw new CryptographicException($"The data-protection key ring is encrypted with a key, but {ProductionSettings.KeyRingKey} is not set.");
        if ((string?)encryptedElement.Attribute("keyId") != KeyRingEncryption.KeyId(key))
            throw new CryptographicException($"The data-protection key ring was encrypted with another {ProductionSettings.KeyRingKey}.");
        var nonce = Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!);
        var tag = Convert.FromBase64String((string)encryptedElement.Attribute("tag")!);
        var ciphertext = Convert.FromBase64String(encryptedElement.Value);
        var plaintext = new byte[ciphertext.Length];
        using (var aes = new AesGcm(key, tag.Length)) aes.Decrypt(nonce, ciphertext, tag, plaintext, KeyRingEncryption.AssociatedData);
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plaintext));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}
