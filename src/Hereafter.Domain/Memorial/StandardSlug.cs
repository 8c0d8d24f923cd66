namespace Hereafter.Domain.Memorial;

/// <summary>What is wrong with a standards page's address; one problem at a time, the most basic first.</summary>
public enum StandardSlugProblem
{
    None,
    Missing,
    TooLong,
    /// <summary>Latin capitals: the lower-case form would do.</summary>
    UpperCase,
    /// <summary>Anything but a–z, 0–9 and the hyphen (Chinese characters, spaces, underscores, dots…).</summary>
    InvalidCharacter,
    /// <summary>Starts or ends with a hyphen.</summary>
    EdgeHyphen,
    DoubleHyphen,
    /// <summary>An address the site uses itself under <c>/standards/</c>.</summary>
    Reserved,
}

/// <summary>The outcome of <see cref="StandardSlug.Check"/>: the problem and, for an invalid character, the first one.</summary>
public readonly record struct StandardSlugCheck(StandardSlugProblem Problem, string? Character = null)
{
    public bool Ok => Problem == StandardSlugProblem.None;
}

/// <summary>
/// The address of a simplified-funeral standards page (丧事简办), <c>/standards/{slug}</c>: lower-case latin letters,
/// digits and single hyphens inside, so that it reads the same in every link, print-out and QR code and never needs
/// escaping. It is chosen once, when the page is created, and never changes (links to it must keep working).
/// </summary>
public static class StandardSlug
{
    public const int MaxLength = 60;

    /// <summary>Paths of the site's own pages under <c>/standards/</c>.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal) { "manage", "new" };

    public static StandardSlugCheck Check(string? slug)
    {
        if (string.IsNullOrEmpty(slug)) return new(StandardSlugProblem.Missing);
        if (slug.Length > MaxLength) return new(StandardSlugProblem.TooLong);
        foreach (var rune in slug.EnumerateRunes())
            if (rune.Value is not (>= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '-'))
                return new(StandardSlugProblem.InvalidCharacter, rune.ToString());
        if (slug.Any(char.IsAsciiLetterUpper)) return new(StandardSlugProblem.UpperCase);
        if (slug[0] == '-' || slug[^1] == '-') return new(StandardSlugProblem.EdgeHyphen);
        if (slug.Contains("--", StringComparison.Ordinal)) return new(StandardSlugProblem.DoubleHyphen);
        if (Reserved.Contains(slug)) return new(StandardSlugProblem.Reserved);
        return new(StandardSlugProblem.None);
    }
}
