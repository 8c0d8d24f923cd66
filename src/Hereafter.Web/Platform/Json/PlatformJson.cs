using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Hereafter.Web.Platform.Data;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Hereafter.Web.Platform.Json;

/// <summary>
/// The one home of the platform's JSON settings (ADR 0008): camelCase web defaults, enums as their codes, Chinese written as characters
/// rather than <c>\uXXXX</c> escapes, and null members left out. Certificate content is signed byte for byte as
/// serialised with <see cref="Options"/>: a change here changes the bytes of certificates issued after it.
/// </summary>
public static class PlatformJson
{
    /// <summary>Writes every character as itself except what JSON or HTML must escape.</summary>
    public static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);

    /// <summary>API bodies, department events and stored certificate content.</summary>
    public static readonly JsonSerializerOptions Options = Apply(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>As <see cref="Options"/> but writing null members: outbox payloads keep every member they had.</summary>
    public static readonly JsonSerializerOptions WithNulls = new(JsonSerializerDefaults.Web) { Encoder = Encoder, Converters = { new EnumCodeJsonConverter() } };

    /// <summary>Puts the settings of <see cref="Options"/> on options the framework owns.</summary>
    public static JsonSerializerOptions Apply(JsonSerializerOptions options)
    {
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.Encoder = Encoder;
        // Enums are written as their codes (ADR 0013), the strings the API has always sent.
        options.Converters.Add(new EnumCodeJsonConverter());
        return options;
    }

    /// <summary>API bodies as <see cref="Options"/>; pages write Chinese text as UTF-8 characters, not numeric entities.</summary>
    public static IServiceCollection AddPlatformJson(this IServiceCollection services)
    {
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // API bodies leave out what a caller may not see rather than sending nulls (a copy 4 has no "causes").
        services.ConfigureHttpJsonOptions(o => Apply(o.SerializerOptions));
        // The OpenAPI document lists an enum's codes; say too that they are strings, as the API sends them.
        services.ConfigureAll<OpenApiOptions>(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            if (context.JsonTypeInfo.Type.IsEnum) schema.Type = JsonSchemaType.String;
            return Task.CompletedTask;
        }));
        return services;
    }
}
