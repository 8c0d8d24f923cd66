namespace Hereafter.Domain.Input;

/// <summary>What is wrong with a piece of free text; several problems can hold at once.</summary>
[Flags]
public enum FreeTextProblems
{
    None = 0,
    /// <summary>Empty where the text is required (callers trim first, so white space alone is empty).</summary>
    Missing = 1,
    TooLong = 2,
    /// <summary>A control character (a line break in a one-line field) or an angle bracket, where the field forbids it.</summary>
    ForbiddenCharacter = 4,
}

/// <summary>
/// The one home of the rules for text a person types: reasons, notes, labels (ADR 0008). A field is checked for
/// being blank, for its length, and for control characters and angle brackets (text shown on pages, in exports and
/// in audit lines). Each field says which rules apply and keeps its own message for each problem.
/// </summary>
public static class FreeText
{
    /// <summary>The problems of <paramref name="text"/> as given: callers that store the trimmed text trim it first.</summary>
    public static FreeTextProblems Check(string? text, int maxLength, bool required = true,
        bool allowControlCharacters = false, bool allowAngleBrackets = false)
    {
        if (string.IsNullOrEmpty(text))
            return required ? FreeTextProblems.Missing : FreeTextProblems.None;
        var problems = FreeTextProblems.None;
        if (text.Length > maxLength) problems |= FreeTextProblems.TooLong;
        if ((!allowControlCharacters && text.Any(char.IsControl)) || (!allowAngleBrackets && text.AsSpan().IndexOfAny('<', '>') >= 0))
            problems |= FreeTextProblems.ForbiddenCharacter;
        return problems;
    }
}
