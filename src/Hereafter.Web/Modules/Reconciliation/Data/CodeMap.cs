using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Hereafter.Web.Modules.Reconciliation.Data;

/// <summary>
/// The codes an enum is stored and shown as (<c>queued</c>, <c>id-match-name-differs</c>, …): the columns, JSON
/// and files keep the strings they always had while the code compares typed values.
/// </summary>
public sealed class CodeMap<TEnum> where TEnum : struct, Enum
{
    private readonly Dictionary<TEnum, string> _codes;
    private readonly Dictionary<string, TEnum> _values;

    public CodeMap(params (TEnum Value, string Code)[] pairs)
    {
        _codes = pairs.ToDictionary(p => p.Value, p => p.Code);
        _values = pairs.ToDictionary(p => p.Code, p => p.Value, StringComparer.Ordinal);
        if (_codes.Count != Enum.GetValues<TEnum>().Length) throw new ArgumentException($"Every {typeof(TEnum).Name} needs one code.", nameof(pairs));
    }

    public string Code(TEnum value) => _codes[value];

    public TEnum Parse(string code) =>
        _values.TryGetValue(code, out var value) ? value : throw new FormatException($"'{code}' is not a {typeof(TEnum).Name} code.");

    public bool TryParse(string? code, out TEnum value) => _values.TryGetValue(code ?? "", out value);

    /// <summary>Stores the value as its code.</summary>
    public ValueConverter<TEnum, string> Converter() => new(v => Code(v), c => Parse(c));
}
