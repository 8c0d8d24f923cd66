using System.Text.Json;
using Hereafter.Web.Platform.Json;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>The one serialisation of certificate content: stored, digested and signed byte for byte.</summary>
public static class CertificateJson
{
    public static readonly JsonSerializerOptions Options = PlatformJson.Options;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
    public static T Deserialize<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new InvalidOperationException("Stored certificate JSON is empty.");
}
