using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hereafter.Web.Platform.Data;

/// <summary>
/// The stored and wire code of an enum member: its name in kebab case (<c>PendingReview</c> ↔ <c>pending-review</c>),
/// so a state is a type in code and the same string as before in the database and in JSON.
/// </summary>
public static class EnumCodes<TEnum> where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<TEnum, string> Codes =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => JsonNamingPolicy.KebabCaseLower.ConvertName(v.ToString()));

    private static readonly FrozenDictionary<string, TEnum> Values =
        Codes.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static string Code(TEnum value) =>
        Codes.TryGetValue(value, out var code) ? code : throw new ArgumentOutOfRangeException(nameof(value), value, null);

    public static bool TryParse(string? code, out TEnum value) => Values.TryGetValue(code ?? "", out value);

    public static TEnum Parse(string code) =>
        TryParse(code, out var value) ? value : throw new FormatException($"'{code}' is not a {typeof(TEnum).Name} code.");
}

/// <summary>Stores an enum as its <see cref="EnumCodes{TEnum}"/> code.</summary>
public sealed class EnumCodeConverter<TEnum>() : ValueConverter<TEnum, string>(v => EnumCodes<TEnum>.Code(v), s => EnumCodes<TEnum>.Parse(s))
    where TEnum : struct, Enum;

public static class EnumCodeExtensions
{
    /// <summary>The code stored and served for this member (<see cref="EnumCodes{TEnum}"/>).</summary>
    public static string ToCode<TEnum>(this TEnum value) where TEnum : struct, Enum => EnumCodes<TEnum>.Code(value);
}
