using Hl7.Fhir.Serialization;
using Microsoft.Net.Http.Headers;

namespace Hereafter.Web.Modules.Certificates.Features.ExportFhirDocument;

/// <summary>The two FHIR serialisations the export speaks.</summary>
public enum FhirFormat
{
    Json,
    Xml,
}

/// <summary>
/// FHIR content negotiation as the specification's RESTful API describes it: the <c>_format</c> query parameter
/// wins over <c>Accept</c>; <c>Accept</c> is read by quality (q=0 refuses a type); JSON is the default when neither
/// says otherwise; a request that accepts neither JSON nor XML (or another FHIR version) is answered 406.
/// </summary>
public static class FhirFormats
{
    public const string JsonContentType = "application/fhir+json";
    public const string XmlContentType = "application/fhir+xml";

    /// <summary>The FHIR version this export speaks, as the <c>fhirVersion</c> media-type parameter names it.</summary>
    private static readonly string[] FhirVersions = ["4.0", "4.0.1"];

    public static string ContentType(FhirFormat format) => format == FhirFormat.Xml ? XmlContentType : JsonContentType;

    public static string Serialize(Hl7.Fhir.Model.Resource resource, FhirFormat format) => format == FhirFormat.Xml
        ? new FhirXmlSerializer().SerializeToString(resource)
        : new FhirJsonSerializer().SerializeToString(resource);

    /// <summary>
    /// The format to answer in, or null when the request accepts none (406). <paramref name="format"/> is the
    /// <c>_format</c> parameter (json, xml or a media type); <paramref name="accept"/> the request's Accept values.
    /// </summary>
    public static FhirFormat? Negotiate(string? format, IReadOnlyList<string> accept)
    {
        if (!string.IsNullOrWhiteSpace(format))
            return format.Trim().ToLowerInvariant() switch
            {
                "json" => FhirFormat.Json,
                "xml" => FhirFormat.Xml,
                var other => MediaTypeHeaderValue.TryParse(other, out var type) ? Of(type) : null,
            };

        if (!MediaTypeHeaderValue.TryParseList(accept.ToList(), out var values) || values.Count == 0) return FhirFormat.Json;
        var refused = values.Where(v => v.Quality == 0).Select(Of).OfType<FhirFormat>().ToHashSet();
        foreach (var value in values.Where(v => v.Quality is not 0).OrderByDescending(v => v.Quality ?? 1))
        {
            if (value.MediaType.Equals("*/*", StringComparison.Ordinal) || value.MediaType.Equals("application/*", StringComparison.OrdinalIgnoreCase))
            {
                if (!FromVersion(value)) continue;
                if (!refused.Contains(FhirFormat.Json)) return FhirFormat.Json;
                if (!refused.Contains(FhirFormat.Xml)) return FhirFormat.Xml;
                continue;
            }
            if (Of(value) is { } chosen && !refused.Contains(chosen)) return chosen;
        }
        return null;
    }

    /// <summary>The format a media type names, or null for any other type or FHIR version.</summary>
    private static FhirFormat? Of(MediaTypeHeaderValue type)
    {
        if (!FromVersion(type)) return null;
        return type.MediaType.Value?.ToLowerInvariant() switch
        {
            JsonContentType or "application/json" or "text/json" => FhirFormat.Json,
            XmlContentType or "application/xml" or "text/xml" => FhirFormat.Xml,
            _ => null,
        };
    }

    private static bool FromVersion(MediaTypeHeaderValue type)
    {
        var version = type.Parameters.FirstOrDefault(p => p.Name.Equals("fhirVersion", StringComparison.OrdinalIgnoreCase));
        return version is null || FhirVersions.Contains(version.Value.Value?.Trim('"'));
    }
}
