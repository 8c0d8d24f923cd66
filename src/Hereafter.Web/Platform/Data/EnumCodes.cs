using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hereafter.Web.Platform.Data;

/// <summary>
/// The one home of typed states and kinds (ADR 0013). A state is a plain enum in code and its code everywhere else
/// (columns, JSON, files, URLs): the member's name in kebab case (<c>PendingReview</c> ↔ <c>pending-review</c>), or
/// the name given with <see cref="JsonStringEnumMemberNameAttribute"/> where the stored string is another one.
/// </summary>
public static class EnumCodes<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Codes =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => EnumCodes.CodeOf(typeof(TEnum), v.ToString()));

    // Throws on first use if two members share a code, so a clash cannot reach the database.
    private static readonly FrozenDictionary<string, TEnum> Values =
        Codes.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>Every member, in declaration order.</summary>
    public static IReadOnlyList<TEnum> All { get; } = Enum.GetValues<TEnum>();

    public static string Code(TEnum value) =>
        Codes.TryGetValue(value, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    /// <summary>The member with this exact code (codes are case-sensitive), for request input.</summary>
    public static bool TryParse(string? code, out TEnum value) => Values.TryGetValue(code ?? "", out value);

    public static TEnum Parse(string code) =>
        TryParse(code, out var value) ? value : throw new FormatException($"'{code}' is not a {typeof(TEnum).Name} code.");
}

public static class EnumCodes
{
    /// <summary>
    /// The enums stored and sent as codes: every enum of the platform and of the domain except flag sets, which are
    /// combinations rather than states.
    /// </summary>
    public static IReadOnlyList<Type> CodedEnums { get; } =
    [
        .. new[] { typeof(EnumCodes).Assembly, typeof(Hereafter.Domain.Reconciliation.ReviewReason).Assembly }
            .SelectMany(a => a.GetTypes())
            .Where(t => t.IsEnum && !t.IsDefined(typeof(FlagsAttribute), false))
            .OrderBy(t => t.FullName, StringComparer.Ordinal),
    ];

    /// <summary>The code of a member: its <see cref="JsonStringEnumMemberNameAttribute"/>, else its name in kebab case.</summary>
    public static string CodeOf(Type enumType, string memberName) =>
        enumType.GetField(memberName, BindingFlags.Public | BindingFlags.Static)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? JsonNamingPolicy.KebabCaseLower.ConvertName(memberName);

    /// <summary>The one EF registration: every property of a <see cref="CodedEnums"/> type is stored as its code.</summary>
    public static ModelConfigurationBuilder StoreEnumsAsCodes(this ModelConfigurationBuilder builder)
    {
        foreach (var type in CodedEnums)
            builder.Properties(type).HaveConversion(typeof(EnumCodeConverter<>).MakeGenericType(type));
        return builder;
    }
}

/// <summary>Stores an enum as its <see cref="EnumCodes{TEnum}"/> code; an unknown stored code fails with a <see cref="FormatException"/>.</summary>
public sealed class EnumCodeConverter<TEnum>() : ValueConverter<TEnum, string>(v => EnumCodes<TEnum>.Code(v), s => EnumCodes<TEnum>.Parse(s))
    where TEnum : struct, Enum;

/// <summary>
/// The one JSON converter of enums, registered in <see cref="Json.PlatformJson"/>: writes a member as its
/// <see cref="EnumCodes{TEnum}"/> code (same naming rule and overrides) and never as a number. Being the framework's
/// string-enum converter, the OpenAPI document describes such properties as strings with their codes.
/// </summary>
public sealed class EnumCodeJsonConverter() : JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false);

public static class EnumCodeExtensions
{
    /// <summary>The code stored and served for this member (<see cref="EnumCodes{TEnum}"/>).</summary>
    public static string ToCode<TEnum>(this TEnum value) where TEnum : struct, Enum => EnumCodes<TEnum>.Code(value);
}
