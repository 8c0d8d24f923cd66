using System.Globalization;

namespace Hereafter.Domain.Messages;

/// <summary>
/// Something the platform says to a person: a stable <see cref="Key"/> into the message catalogue of each
/// language (<c>Messages/zh-CN.json</c>, <c>Messages/en.json</c>) and the named values its text shows.
/// The key is also the code an API client matches on, so it never changes once published.
/// </summary>
public sealed record Message
{
    public Message(string key) => Key = key;

    /// <summary>Lower-case words joined by dots and hyphens, e.g. <c>reconciliation.effective-month.invalid-format</c>.</summary>
    public string Key { get; }

    /// <summary>The values of the text's <c>{name}</c> placeholders, formatted with the invariant culture.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values { get; private init; } = [];

    /// <summary>This message with one more placeholder value.</summary>
    public Message With(string name, object? value) =>
        this with { Values = [.. Values, new(name, value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "")] };

    public string Chinese => MessageCatalogue.Chinese.Text(this);

    public string English => MessageCatalogue.English.Text(this);

    /// <summary>The text in English or, by default, Chinese.</summary>
    public string In(bool english) => english ? English : Chinese;

    public override string ToString() => Key;
}
