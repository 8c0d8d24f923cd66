using System.Collections.Frozen;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Hereafter.Domain.Messages;

/// <summary>
/// Every message the platform says, one catalogue per language: a flat JSON object from key to text, embedded
/// in this assembly. Rules, API answers and pages all take their sentences from here.
/// </summary>
public sealed partial class MessageCatalogue
{
    public static MessageCatalogue Chinese { get; } = Load("zh-CN");

    public static MessageCatalogue English { get; } = Load("en");

    private MessageCatalogue(string language, FrozenDictionary<string, string> texts)
    {
        Language = language;
        Texts = texts;
    }

    /// <summary><c>zh-CN</c> or <c>en</c>.</summary>
    public string Language { get; }

    /// <summary>Every key and its text, placeholders unfilled.</summary>
    public IReadOnlyDictionary<string, string> Texts { get; }

    /// <summary>The message's text with its placeholders filled.</summary>
    /// <exception cref="KeyNotFoundException">The key is not in this catalogue.</exception>
    /// <exception cref="InvalidOperationException">A placeholder of the text has no value.</exception>
    public string Text(Message message)
    {
        if (!Texts.TryGetValue(message.Key, out var text))
            throw new KeyNotFoundException($"The {Language} message catalogue has no '{message.Key}'.");
        // One pass over the text: a value that itself looks like a placeholder (a name typed by a person) is shown as it is.
        return Placeholder().Replace(text, placeholder =>
        {
            foreach (var (name, value) in message.Values)
                if (name == placeholder.Groups[1].Value) return value;
            throw new InvalidOperationException($"Message '{message.Key}' needs a value for {placeholder.Value}.");
        });
    }

    /// <summary>The placeholders a text expects, e.g. <c>{max}</c>.</summary>
    public static IReadOnlySet<string> PlaceholdersOf(string text) =>
        Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\{([a-zA-Z][a-zA-Z0-9]*)\}")]
    private static partial Regex Placeholder();

    private static MessageCatalogue Load(string language)
    {
        var name = $"Hereafter.Domain.Messages.{language}.json";
        using var stream = typeof(MessageCatalogue).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The message catalogue {name} is not embedded.");
        var texts = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"The message catalogue {name} is empty.");
        return new MessageCatalogue(language, texts.ToFrozenDictionary(StringComparer.Ordinal));
    }
}
