using Hereafter.Domain.Messages;

namespace Hereafter.Domain.Certificates;

/// <summary>
/// ICD-10 data-quality edits as mortality statisticians apply them. They produce warnings: the
/// certificate may still be issued, but the finding is shown to the certifier and recorded.
/// Codes that do not pass <see cref="IcdCode.TryNormalize"/> are skipped (format is a hard error elsewhere).
/// </summary>
public static class IcdQuality
{
    public const string IllDefinedUnderlyingCause = "ill-defined-underlying-cause";
    public const string SexSpecificCode = "sex-specific-code";
    public const string PerinatalCodeAfterFirstYear = "perinatal-code-after-first-year";
    public const string InjuryMannerWithoutExternalCause = "injury-manner-without-external-cause";
    public const string UnderlyingCauseNotLowestLine = "underlying-cause-not-lowest-line";

    /// <summary>
    /// Ill-defined ("garbage") underlying causes: R00–R99 symptoms and signs; I46.x cardiac arrest;
    /// I95.9 hypotension unspecified; J96.x respiratory failure; I50.9 heart failure unspecified;
    /// A41.9 sepsis unspecified; I51.6 cardiovascular disease unspecified; I51.9 heart disease
    /// unspecified; C76.x ill-defined sites; C80.x cancer of unspecified site; C97 multiple primary
    /// sites; X59.x exposure to unspecified factor; Y10–Y34 events of undetermined intent.
    /// </summary>
    public static bool IsIllDefined(string code) =>
        InRange(code, "R00", "R99") || InRange(code, "I46", "I46") || InRange(code, "J96", "J96")
        || InRange(code, "C76", "C76") || InRange(code, "C80", "C80") || InRange(code, "C97", "C97")
        || InRange(code, "X59", "X59") || InRange(code, "Y10", "Y34")
        || IsSubcategory(code, "I95.9") || IsSubcategory(code, "I50.9") || IsSubcategory(code, "A41.9")
        || IsSubcategory(code, "I51.6") || IsSubcategory(code, "I51.9");

    /// <summary>
    /// The only sex a code can apply to: "2" female for O00–O99, C51–C58, N70–N98, D25–D28, D06;
    /// "1" male for C60–C63, N40–N51, D29; null otherwise.
    /// </summary>
    public static string? RequiredSex(string code)
    {
        if (InRange(code, "O00", "O99") || InRange(code, "C51", "C58") || InRange(code, "N70", "N98")
            || InRange(code, "D25", "D28") || InRange(code, "D06", "D06"))
        {
            return "2";
        }

        if (InRange(code, "C60", "C63") || InRange(code, "N40", "N51") || InRange(code, "D29", "D29"))
        {
            return "1";
        }

        return null;
    }

    /// <summary>P00–P96: conditions originating in the perinatal period.</summary>
    public static bool IsPerinatal(string code) => InRange(code, "P00", "P96");

    /// <summary>V01–Y98 external causes or S00–T98 injuries and poisonings.</summary>
    public static bool IsExternalCauseOrInjury(string code) => InRange(code, "V01", "Y98") || InRange(code, "S00", "T98");

    /// <summary>
    /// Runs every edit over a certificate. <paramref name="ageYears"/> is the age at death in completed
    /// years, when known. The sex edit applies to every code on the certificate and only when sex is
    /// "1" or "2". The lowest-line edit compares the underlying cause with the code of the last Part I line
    /// that has text; codes where one is a prefix of the other (I21 vs I21.9) are treated as agreeing.
    /// </summary>
    public static IReadOnlyList<QualityWarning> Check(CertificateData data, int? ageYears)
    {
        ArgumentNullException.ThrowIfNull(data);
        var warnings = new List<QualityWarning>();
        var causes = data.Causes ?? new CausesData();
        var sex = data.Decedent?.Sex?.Trim();
        IcdCode.TryNormalize(causes.UnderlyingCauseIcd10, out var underlying);
        const string underlyingPath = "causes.underlyingCauseIcd10";

        if (underlying.Length > 0 && IsIllDefined(underlying))
        {
            warnings.Add(new(IllDefinedUnderlyingCause, underlyingPath,
                new Message("certificates.icd.ill-defined-underlying-cause").With("code", underlying)));
        }

        foreach (var (path, code) in AllCodes(causes))
        {
            if (sex is "1" or "2" && RequiredSex(code) is { } required && required != sex)
            {
                warnings.Add(new(SexSpecificCode, path,
                    new Message(required == "2" ? "certificates.icd.female-only" : "certificates.icd.male-only").With("code", code)));
            }

            if (ageYears >= 1 && IsPerinatal(code))
            {
                warnings.Add(new(PerinatalCodeAfterFirstYear, path,
                    new Message("certificates.icd.perinatal-code-after-first-year").With("code", code)));
            }
        }

        if (underlying.Length > 0 && causes.Manner?.Trim() is "2" or "3" or "4" && !IsExternalCauseOrInjury(underlying))
        {
            var key = causes.Manner.Trim() switch
            {
                "2" => "certificates.icd.injury-manner-without-external-cause.accident",
                "3" => "certificates.icd.injury-manner-without-external-cause.suicide",
                _ => "certificates.icd.injury-manner-without-external-cause.homicide",
            };
            warnings.Add(new(InjuryMannerWithoutExternalCause, underlyingPath, new Message(key).With("code", underlying)));
        }

        var lowest = (causes.PartI ?? []).LastOrDefault(line => !string.IsNullOrWhiteSpace(line?.Text));
        if (underlying.Length > 0 && lowest is not null && IcdCode.TryNormalize(lowest.Icd10, out var lowestCode)
            && !underlying.StartsWith(lowestCode, StringComparison.Ordinal) && !lowestCode.StartsWith(underlying, StringComparison.Ordinal))
        {
            warnings.Add(new(UnderlyingCauseNotLowestLine, underlyingPath,
                new Message("certificates.icd.underlying-cause-not-lowest-line").With("code", underlying).With("lowest", lowestCode)));
        }

        return warnings;
    }

    private static IEnumerable<(string Path, string Code)> AllCodes(CausesData causes)
    {
        var partI = causes.PartI ?? [];
        for (var i = 0; i < partI.Count; i++)
        {
            if (IcdCode.TryNormalize(partI[i]?.Icd10, out var code))
            {
                yield return ($"causes.partI[{i}].icd10", code);
            }
        }

        var partII = causes.PartII ?? [];
        for (var i = 0; i < partII.Count; i++)
        {
            if (IcdCode.TryNormalize(partII[i]?.Icd10, out var code))
            {
                yield return ($"causes.partII[{i}].icd10", code);
            }
        }

        if (IcdCode.TryNormalize(causes.UnderlyingCauseIcd10, out var underlying))
        {
            yield return ("causes.underlyingCauseIcd10", underlying);
        }
    }

    /// <summary>Whether the code's three-character category lies in [first, last]; letter + two digits compare ordinally.</summary>
    private static bool InRange(string code, string first, string last)
    {
        if (code.Length < 3)
        {
            return false;
        }

        var category = code.AsSpan(0, 3);
        return category.CompareTo(first, StringComparison.Ordinal) >= 0 && category.CompareTo(last, StringComparison.Ordinal) <= 0;
    }

    private static bool IsSubcategory(string code, string subcategory) => code.StartsWith(subcategory, StringComparison.Ordinal);
}
