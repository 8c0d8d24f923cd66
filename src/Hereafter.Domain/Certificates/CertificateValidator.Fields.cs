using System.Globalization;
using System.Text;

namespace Hereafter.Domain.Certificates;

// Rules shared by every field: code lists, dates, names, free text, and the text checks they use.
public static partial class CertificateValidator
{
    private sealed partial class Run
    {
        private string? Coded(string path, string? raw, IReadOnlyList<CodeEntry> list, string chinese, string english, bool required)
        {
            var code = Clean(raw);
            if (code is null)
            {
                if (required)
                {
                    Error(path, Codes.Required, $"请选择{chinese}", $"{english} is required");
                }

                return null;
            }

            if (!CodeLists.Contains(list, code))
            {
                NotInList(path, code, chinese, english);
                return null;
            }

            return code;
        }

        private void NotInList(string path, string code, string chinese, string english) =>
            Error(path, Codes.NotInList, $"{chinese}代码“{Shorten(code)}”不在代码表中", $"{english} code '{Shorten(code)}' is not in the code list");

        private DateOnly? Date(string path, string? raw, string chinese, string english, bool required)
        {
            var text = Clean(raw);
            if (text is null)
            {
                if (required)
                {
                    Error(path, Codes.Required, $"请填写{chinese}", $"{english} is required");
                }

                return null;
            }

            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Error(path, Codes.InvalidDate, $"{chinese}应为有效日期，格式如 1950-03-07", $"{english} must be a real date written yyyy-MM-dd");
                return null;
            }

            return date;
        }

        /// <summary>
        /// A name: 1–50 characters of CJK ideographs (basic, extensions A–H, compatibility), 〇, letters,
        /// spaces, middle dots (· ・ • ‧ ･), hyphens and apostrophes, with at least one letter or ideograph.
        /// </summary>
        private string? PersonName(string path, string? raw, string chinese, string english, bool required = true)
        {
            var text = Clean(raw);
            if (text is null)
            {
                if (required)
                {
                    Error(path, Codes.Required, $"请填写{chinese}", $"{english} is required");
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
                Error(path, Codes.InvalidCharacters, $"{chinese}只能包含汉字、字母、空格、间隔号（·）、连字符和撇号",
                    $"{english} may contain only Chinese characters, letters, spaces, middle dots, hyphens and apostrophes");
                return null;
            }

            if (length > 50)
            {
                Error(path, Codes.TooLong, $"{chinese}不能超过50个字", $"{english} must be at most 50 characters");
                return null;
            }

            return text;
        }

        /// <summary>
        /// Free text: no control or format characters (line breaks only where <paramref name="multiline"/>),
        /// no markup (a '&lt;' followed by a letter, '/', '!' or '?'), at most <paramref name="max"/> characters.
        /// </summary>
        private string? FreeText(string path, string? raw, string chinese, string english, int max, bool required, bool multiline = false)
        {
            var text = Clean(raw);
            if (text is null)
            {
                if (required)
                {
                    Error(path, Codes.Required, $"请填写{chinese}", $"{english} is required");
                }

                return null;
            }

            if (HasLoneSurrogate(text) || text.EnumerateRunes().Any(r => IsForbiddenControl(r, multiline)))
            {
                Error(path, Codes.InvalidCharacters, $"{chinese}含有不可见的控制字符", $"{english} contains control characters");
                return null;
            }

            if (HasMarkup(text))
            {
                Error(path, Codes.Markup, $"{chinese}不能包含网页标记（如 <script>）", $"{english} must not contain markup such as <script>");
                return null;
            }

            if (text.EnumerateRunes().Count() > max)
            {
                Error(path, Codes.TooLong, $"{chinese}不能超过{max}个字", $"{english} must be at most {max} characters");
                return null;
            }

            return text;
        }

        private void Error(string path, string code, string chinese, string english) => errors.Add(new FieldError(path, code, chinese, english));
    }

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
