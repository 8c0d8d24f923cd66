using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hereafter.Domain.Messages;

namespace Hereafter.Domain.Certificates;

// Rules shared by every field: code lists, dates, names, free text, and the text checks they use.
public static partial class CertificateValidator
{
    private sealed partial class Run
    {
        private string? Coded(string path, string? raw, IReadOnlyList<CodeEntry> list, bool required)
        {
            var code = Clean(raw);
            if (code is null)
            {
                if (required)
                {
                    Error(path, Codes.Required);
                }

                return null;
            }

            if (!CodeLists.Contains(list, code))
            {
                NotInList(path, code);
                return null;
            }

            return code;
        }

        private void NotInList(string path, string code) =>
            Error(path, Codes.NotInList, FieldMessage(path, Codes.NotInList).With("code", Shorten(code)));

        private DateOnly? Date(string path, string? raw, bool required)
        {
            var text = Clean(raw);
            if (text is null)
            {
                if (required)
                {
                    Error(path, Codes.Required);
                }

                return null;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Error(path, Codes.InvalidDate);
                return null;
            }

            return date;
        }

        /// <summary>
        /// A name: 1–50 characters of CJK ideographs (basic, extensions A–H, compatibility), 〇, letters,
        /// spaces, middle dots (· ・ • ‧ ･), hyphens and apostrophes, with at least one letter or ideograph.
        /// </summary>
        private string? PersonName(string path, string? raw, bool required = true)
        {
            var text = Clean(raw);
            if (text is null)
            {
                if (required)
                {
                    Error(path, Codes.Required);
                }

                return null;
            }

            var length = 0;
            var hasLetter = false;
            var allowed = !HasLoneSurrogate(text);
            foreach (var rune in text.EnumerateRunes())
            {
                length++;
                var isLetter = IsIdeograph(rune) || Rune.IsLetter(rune);
                hasLetter |= isLetter;
                allowed &= isLetter || rune.Value is ' ' or '·' or '・' or '•' or '‧' or '･' or '-' or '\'';
            }

            if (!allowed || !hasLetter)
            {
                Error(path, Codes.InvalidCharacters);
                return null;
            }

            if (length > 50)
            {
                Error(path, Codes.TooLong, FieldMessage(path, Codes.TooLong).With("max", 50));
                return null;
            }

            return text;
        }

        /// <summary>
        /// Free text: no control or format characters (line breaks only where <paramref name="multiline"/>),
        /// no markup (a '&lt;' followed by a letter, '/', '!' or '?'), at most <paramref name="max"/> characters.
        /// </summary>
        private string? FreeText(string path, string? raw, int max, bool required, bool multiline = false)
        {
            var text = Clean(raw);
            if (text is null)
            {
                if (required)
                {
                    Error(path, Codes.Required);
                }

                return null;
            }

            if (HasLoneSurrogate(text) || text.EnumerateRunes().Any(r => IsForbiddenControl(r, multiline)))
            {
                Error(path, Codes.InvalidCharacters);
                return null;
            }

            if (HasMarkup(text))
            {
                Error(path, Codes.Markup);
                return null;
            }

            if (text.EnumerateRunes().Count() > max)
            {
                Error(path, Codes.TooLong, FieldMessage(path, Codes.TooLong).With("max", max));
                return null;
            }

            return text;
        }

        private void Error(string path, string code, Message message) => errors.Add(new FieldError(path, code, message));

        /// <summary>An error of a rule many fields share, said by the field's own message (see <see cref="FieldMessage"/>).</summary>
        private void Error(string path, string code) => Error(path, code, FieldMessage(path, code));
    }

    /// <summary>
    /// The message of a rule many fields share (required, not in the list, too long…): one per field, keyed
    /// <c>certificates.{path}.{code}</c> with the path in lower case and hyphens and without indices, e.g.
    /// <c>causes.partI[2].text</c> → <c>certificates.causes.part-i.text.required</c>.
    /// </summary>
    public static Message FieldMessage(string path, string code) =>
        new($"certificates.{WordBoundary().Replace(Index().Replace(path, ""), "-").ToLowerInvariant()}.{code}");

    [GeneratedRegex(@"\[\d+\]")]
    private static partial Regex Index();

    [GeneratedRegex("(?<=[a-z0-9])(?=[A-Z])")]
    private static partial Regex WordBoundary();

    private static string? Clean(string? value)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static int CompletedYears(DateOnly birth, DateOnly death)
    {
        var years = death.Year - birth.Year;
        return death < birth.AddYears(years) ? years - 1 : years;
    }

    private static bool IsIdeograph(Rune rune) => rune.Value is
        (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF)
        or (>= 0x20000 and <= 0x323AF) or (>= 0x2F800 and <= 0x2FA1F) or 0x3007;

    private static bool IsForbiddenControl(Rune rune, bool multiline)
    {
        if (multiline && rune.Value is '\n' or '\r' or '\t')
        {
            return false;
        }

        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format;
    }

    private static bool HasMarkup(string text)
    {
        for (var i = 0; i < text.Length - 1; i++)
        {
            if (text[i] == '<' && (char.IsAsciiLetter(text[i + 1]) || text[i + 1] is '/' or '!' or '?'))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }
}
