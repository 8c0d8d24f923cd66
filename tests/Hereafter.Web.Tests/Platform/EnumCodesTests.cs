using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Json;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Platform;

/// <summary>
/// One mechanism for typed states (ADR 0013): every enum of the platform and the domain is its code in the tables,
/// in JSON and in the OpenAPI document, and the code comes back as the same member.
/// </summary>
public sealed partial class EnumCodesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    public enum Legacy
    {
        [JsonStringEnumMemberName("legacy_code")] Renamed,
        PlainName,
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();

    private static readonly MethodInfo RoundTripMethod = typeof(EnumCodesTests).GetMethod(nameof(RoundTrip), BindingFlags.NonPublic | BindingFlags.Static)!;

    [Fact]
    public void CodedEnums_AreTheEnumsOfThePlatformAndTheDomain_ButNotFlagSets()
    {
        Assert.Contains(typeof(JobStatus), EnumCodes.CodedEnums);
        Assert.Contains(typeof(ReviewReason), EnumCodes.CodedEnums);
        Assert.Contains(typeof(CaseTaskStatus), EnumCodes.CodedEnums);
        Assert.Contains(typeof(PriceChangeStatus), EnumCodes.CodedEnums);
        Assert.DoesNotContain(typeof(Hereafter.Domain.Input.FreeTextProblems), EnumCodes.CodedEnums);
    }

    [Fact]
    public void EveryCodedEnum_RoundTripsEveryMember_ThroughUniqueKebabCodes()
    {
        Assert.All(EnumCodes.CodedEnums, type => RoundTripMethod.MakeGenericMethod(type).Invoke(null, null));
    }

    private static void RoundTrip<TEnum>() where TEnum : struct, Enum
    {
        var codes = EnumCodes<TEnum>.All.Select(EnumCodes<TEnum>.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Matches(KebabCase(), code));
        var converter = new EnumCodeConverter<TEnum>();
        foreach (var value in EnumCodes<TEnum>.All)
        {
            var code = value.ToCode();
            Assert.Equal(value, EnumCodes<TEnum>.Parse(code));
            Assert.Equal(code, converter.ConvertToProvider(value));
            Assert.Equal(value, converter.ConvertFromProvider(code));
            Assert.Equal($"\"{code}\"", JsonSerializer.Serialize(value, PlatformJson.Options));
            Assert.Equal($"\"{code}\"", JsonSerializer.Serialize(value, PlatformJson.WithNulls));
            Assert.Equal(value, JsonSerializer.Deserialize<TEnum>($"\"{code}\"", PlatformJson.Options));
        }
    }

    [Fact]
    public void AnExplicitCode_ReplacesTheKebabName_InTheTablesAndInJson()
    {
        Assert.Equal("legacy_code", Legacy.Renamed.ToCode());
        Assert.Equal("plain-name", Legacy.PlainName.ToCode());
        Assert.Equal(Legacy.Renamed, EnumCodes<Legacy>.Parse("legacy_code"));
        Assert.Equal("legacy_code", new EnumCodeConverter<Legacy>().ConvertToProvider(Legacy.Renamed));
        Assert.Equal("{\"kind\":\"legacy_code\"}", JsonSerializer.Serialize(new { Kind = Legacy.Renamed }, PlatformJson.Options));
    }

    [Fact]
    public void AnUnknownStoredCode_FailsNamingTheCodeAndTheType()
    {
        var error = Assert.Throws<FormatException>(() => new EnumCodeConverter<JobStatus>().ConvertFromProvider("finished"));
        Assert.Equal("'finished' is not a JobStatus code.", error.Message);
        Assert.False(EnumCodes<JobStatus>.TryParse("Completed", out _)); // codes are exact, not case-insensitive names
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<JobStatus>("2", PlatformJson.Options)); // never a number
    }

    [Fact]
    public void Json_WritesStatesInsideBodiesAsTheirCodes()
    {
        var json = JsonSerializer.Serialize(new { Status = CaseTaskStatus.NotApplicable, Case = CaseStatus.Cancelled }, PlatformJson.Options);
        Assert.Equal("{\"status\":\"not-applicable\",\"case\":\"cancelled\"}", json);
    }

    [Fact]
    public void TheReasonCodeOfReviewCsv_IsTheStoredCodeOfEachReason()
    {
        Assert.All(Enum.GetValues<ReviewReason>(), r => Assert.Equal(ResultFilesSink.ReasonCode(r), r.ToCode()));
    }

    [Fact]
    public void EveryEnumPropertyOfTheModel_IsStoredAsItsCode()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var properties = db.Model.GetEntityTypes().SelectMany(e => e.GetProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType).IsEnum).ToList();
        Assert.Contains(properties, p => p.ClrType == typeof(CaseTaskStatus));
        Assert.All(properties, p =>
        {
            var converter = p.GetValueConverter();
            Assert.True(converter?.GetType() is { IsGenericType: true } t && t.GetGenericTypeDefinition() == typeof(EnumCodeConverter<>),
                $"{p.DeclaringType.DisplayName()}.{p.Name} has converter {converter?.GetType().Name ?? "none"}");
        });
    }

    [Fact]
    public async Task OpenApi_DescribesStatesAsStringsListingTheirCodes()
    {
        var document = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/openapi/v1.json"));
        var schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        foreach (var (name, codes) in new[]
        {
            ("CaseTaskStatus", new[] { "pending", "received", "done", "rejected", "not-applicable" }),
            ("CaseStatus", ["open", "cancelled"]),
            ("PriceChangeStatus", ["proposed", "approved", "rejected"]),
            ("WarningStatus", ["open", "closed"]),
        })
        {
            var schema = schemas.GetProperty(name);
            Assert.Equal("string", schema.GetProperty("type").GetString());
            Assert.Equal(codes, schema.GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        }
    }
}
