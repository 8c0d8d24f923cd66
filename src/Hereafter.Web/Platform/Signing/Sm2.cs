using System.Text;
using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace Hereafter.Web.Platform.Signing;

/// <summary>SM2 (GB/T 32918) signatures with SM3 (GB/T 32905) over curve sm2p256v1, plain r||s encoding.</summary>
internal static class Sm2
{
    /// <summary>The default user identity of GB/T 35276, used by every verifier.</summary>
    public static readonly byte[] UserId = Encoding.ASCII.GetBytes("1234567812345678");
    public const int SignatureLength = 64;

    // CustomNamedCurves has the optimised field arithmetic for sm2p256v1 (GMNamedCurves is the generic curve, ~10x slower).
    private static readonly X9ECParameters Curve = Org.BouncyCastle.Crypto.EC.CustomNamedCurves.GetByName("sm2p256v1");
    public static readonly ECDomainParameters Domain = new(Curve.Curve, Curve.G, Curve.N, Curve.H, Curve.GetSeed());
    private static readonly SecureRandom Random = new();

    public static ECPrivateKeyParameters NewPrivateKey()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Domain, Random));
        return (ECPrivateKeyParameters)generator.GenerateKeyPair().Private;
    }

    public static ECPrivateKeyParameters PrivateKeyFromHex(string hex)
    {
        var d = new BigInteger(1, Convert.FromHexString(hex));
        if (d.SignValue <= 0 || d.CompareTo(Domain.N.Subtract(BigInteger.One)) >= 0)
            throw new FormatException("The SM2 private key is out of range.");
        return new ECPrivateKeyParameters(d, Domain);
    }

    public static string PrivateKeyHex(ECPrivateKeyParameters key) => Convert.ToHexStringLower(key.D.ToByteArrayUnsigned().PadLeft(32));

    public static ECPublicKeyParameters PublicKeyOf(ECPrivateKeyParameters key) =>
        new(Domain.G.Multiply(key.D).Normalize(), Domain);

    public static byte[] EncodePublicKey(ECPublicKeyParameters key) => key.Q.GetEncoded(false);

    /// <summary>Throws <see cref="FormatException"/> unless the hex is a valid point on the curve.</summary>
    public static ECPublicKeyParameters PublicKeyFromHex(string hex)
    {
        try
        {
            var point = Domain.Curve.DecodePoint(Convert.FromHexString(hex)).Normalize();
            if (!point.IsValid() || point.IsInfinity) throw new FormatException("Not a point on sm2p256v1.");
            return new ECPublicKeyParameters(point, Domain);
        }
        catch (ArgumentException e)
        {
            throw new FormatException("Not an SM2 public key.", e);
        }
    }

    /// <summary>Key id: first 8 bytes of SM3 over the uncompressed public key, as 16 lowercase hex characters.</summary>
    public static string KeyIdOf(ECPublicKeyParameters key) => Convert.ToHexStringLower(Sm3(EncodePublicKey(key)).AsSpan(0, 8));

    public static byte[] Sm3(ReadOnlySpan<byte> data)
    {
        var digest = new SM3Digest();
        var output = new byte[digest.GetDigestSize()];
        digest.BlockUpdate(data);
        digest.DoFinal(output, 0);
        return output;
    }

    public static byte[] Sign(ECPrivateKeyParameters key, ReadOnlySpan<byte> message)
    {
        var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(key, Random), UserId));
        signer.BlockUpdate(message);
        return signer.GenerateSignature();
    }

    /// <summary>False for a wrong or malformed signature; never throws for bad input.</summary>
    public static bool Verify(ECPublicKeyParameters key, ReadOnlySpan<byte> message, byte[] signature)
    {
        if (signature.Length != SignatureLength) return false;
        try
        {
            var signer = new SM2Signer(PlainDsaEncoding.Instance, new SM3Digest());
            signer.Init(false, new ParametersWithID(key, UserId));
            signer.BlockUpdate(message);
            return signer.VerifySignature(signature);
        }
        catch (Exception e) when (e is ArgumentException or CryptoException or InvalidOperationException)
        {
            return false;
        }
    }

    private static byte[] PadLeft(this byte[] bytes, int length)
    {
        if (bytes.Length >= length) return bytes;
        var padded = new byte[length];
        bytes.CopyTo(padded, length - bytes.Length);
        return padded;
    }
}
