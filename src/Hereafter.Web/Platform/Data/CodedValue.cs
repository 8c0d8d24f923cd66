using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hereafter.Web.Platform.Data;

/// <summary>
/// A state or kind out of a small closed set, stored in the database and written to JSON as its code (the exact
/// strings the API and the tables have always used), and compared in code as a value, never as a string.
/// </summary>
public interface ICodedValue<TSelf> where TSelf : struct, ICodedValue<TSelf>
{
    /// <summary>The code as stored and sent, e.g. <c>not-applicable</c>.</summary>
    string Code { get; }

    /// <summary>Every defined value.</summary>
    static abstract IReadOnlyList<TSelf> All { get; }

    /// <summary>The value of a stored code; an unknown code is kept as it is rather than lost.</summary>
    static abstract TSelf FromCode(string code);
}

public static class CodedValue
{
    /// <summary>The defined value with this code, if there is one (for request input).</summary>
    public static bool TryParse<T>(string? code, out T value) where T : struct, ICodedValue<T>
    {
        foreach (var candidate in T.All)
            if (candidate.Code == code)
            {
                value = candidate;
                return true;
            }
        value = default;
        return false;
    }
}

/// <summary>Stores a <see cref="ICodedValue{TSelf}"/> as its code.</summary>
public sealed class CodedValueConverter<T>() : ValueConverter<T, string>(v => v.Code, code => FromCode(code))
    where T : struct, ICodedValue<T>
{
    // An expression tree cannot call a static abstract member directly.
    private static T FromCode(string code) => T.FromCode(code);
}

/// <summary>Writes a <see cref="ICodedValue{TSelf}"/> as its code string and reads it back.</summary>
public sealed class CodedValueJsonConverter<T> : JsonConverter<T> where T : struct, ICodedValue<T>
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        T.FromCode(reader.GetString() ?? throw new JsonException($"A {typeof(T).Name} is a string."));

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}
