using Hereafter.Web.Components.Forms;
using Hereafter.Web.Platform.Errors;
using Hereafter.Domain.Time;
using System.Globalization;
using System.Text.RegularExpressions;
using Hereafter.Domain.Certificates;

namespace Hereafter.Web.Modules.Certificates.Features.IssueCertificate;

/// <summary>
/// What the certificate form posts: strings exactly as typed, so a re-rendered form after an error
/// shows the user's own input, including what did not parse. <see cref="ToData"/> turns it into the
/// handler's <see cref="CertificateData"/>, dropping the rows the user left empty.
/// </summary>
public sealed partial class CertificateForm
{
    public const int PartILines = 4;
    public const int PartIIRows = 3;

    public DecedentForm Decedent { get; set; } = new();
    public DeathForm Death { get; set; } = new();
    public CausesForm Causes { get; set; } = new();
    public InvestigationForm Investigation { get; set; } = new();
    public InformantForm Informant { get; set; } = new();
    public CertifierForm Certifier { get; set; } = new();

    public sealed class DecedentForm
    {
        public string? Name { get; set; }
        public string? Sex { get; set; }
        public string? Ethnicity { get; set; }
        public string? Nationality { get; set; } = "中国";
        public string? IdType { get; set; } = "1";
        public string? IdNumber { get; set; }
        public string? BirthDate { get; set; }
        public string? MaritalStatus { get; set; }
        public string? Education { get; set; }
        public string? Occupation { get; set; }
        public string? WorkUnit { get; set; }
        public string? HouseholdAddress { get; set; }
        public string? ResidenceAddress { get; set; }
    }

    public sealed class DeathForm
    {
        /// <summary>As <c>&lt;input type=datetime-local&gt;</c> posts it: <c>2026-11-20T08:30</c>, China time.</summary>
        public string? DateTime { get; set; }
        public string? PlaceType { get; set; }
        public string? PlaceName { get; set; }
        public string? PregnancyStatus { get; set; }
    }

    public sealed class CausesForm
    {
        public List<CauseLineForm> PartI { get; set; } = [];
        public List<OtherConditionForm> PartII { get; set; } = [];
        public string? UnderlyingCauseIcd10 { get; set; }
        public string? DiagnosisBasis { get; set; }
        public string? HighestDiagnosisLevel { get; set; }
        public string? Manner { get; set; }
    }

    public sealed class CauseLineForm
    {
        public string? Text { get; set; }
        public string? IntervalValue { get; set; }
        public string? IntervalUnit { get; set; }
        public string? Icd10 { get; set; }

        public bool IsEmpty => Blank(Text) && Blank(IntervalValue) && Blank(Icd10);
    }

    public sealed class OtherConditionForm
    {
        public string? Text { get; set; }
        public string? Icd10 { get; set; }

        public bool IsEmpty => Blank(Text) && Blank(Icd10);
    }

    public sealed class InvestigationForm
    {
        public string? History { get; set; }
        public string? InformantName { get; set; }
        public string? InferredCause { get; set; }
        public string? Investigator { get; set; }
        public string? Date { get; set; }

        public bool IsEmpty => Blank(History) && Blank(InformantName) && Blank(InferredCause) && Blank(Investigator) && Blank(Date);
    }

    public sealed class InformantForm
    {
        public string? Name { get; set; }
        public string? Relationship { get; set; }
        public string? Phone { get; set; }
        public string? Address { get; set; }
    }

    public sealed class CertifierForm
    {
        public string? Name { get; set; }
        public string? LicenseNumber { get; set; }
    }

    /// <summary>Pads the cause rows to the form's fixed number of lines (the post carries only what was rendered).</summary>
    public CertificateForm Padded()
    {
        while (Causes.PartI.Count < PartILines) Causes.PartI.Add(new CauseLineForm());
        while (Causes.PartII.Count < PartIIRows) Causes.PartII.Add(new OtherConditionForm());
        return this;
    }

    /// <summary>
    /// The handler's input. Empty cause rows and an untouched investigation section are dropped; the
    /// returned maps give, for each kept row, the form row it came from, so errors land on the right row.
    /// Values that do not parse (an interval of "abc") are sent empty and reported by <paramref name="unparsed"/>.
    /// </summary>
    public CertificateData ToData(out int[] partIRows, out int[] partIIRows, out IReadOnlyList<string> unparsed)
    {
        var bad = new List<string>();
        var lines = new List<CauseLine>();
        var lineRows = new List<int>();
        for (var i = 0; i < Causes.PartI.Count && i < PartILines; i++)
        {
            var row = Causes.PartI[i];
            if (row.IsEmpty) continue;
            decimal? value = null;
            if (!Blank(row.IntervalValue))
            {
                if (decimal.TryParse(row.IntervalValue!.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var v)) value = v;
                else bad.Add($"causes.partI[{i}].interval.value");
            }
            lines.Add(new CauseLine
            {
                Line = ((char)('a' + i)).ToString(),
                Text = Trim(row.Text),
                Interval = new CauseInterval { Value = value, Unit = Trim(row.IntervalUnit) },
                Icd10 = Trim(row.Icd10),
            });
            lineRows.Add(i);
        }

        var others = new List<OtherCondition>();
        var otherRows = new List<int>();
        for (var i = 0; i < Causes.PartII.Count && i < PartIIRows; i++)
        {
            var row = Causes.PartII[i];
            if (row.IsEmpty) continue;
            others.Add(new OtherCondition { Text = Trim(row.Text), Icd10 = Trim(row.Icd10) });
            otherRows.Add(i);
        }

        partIRows = [.. lineRows];
        partIIRows = [.. otherRows];
        unparsed = bad;
        return new CertificateData
        {
            Decedent = new DecedentData
            {
                Name = Trim(Decedent.Name), Sex = Trim(Decedent.Sex), Ethnicity = Trim(Decedent.Ethnicity),
                Nationality = Trim(Decedent.Nationality), IdType = Trim(Decedent.IdType), IdNumber = Trim(Decedent.IdNumber)?.ToUpperInvariant(),
                BirthDate = Trim(Decedent.BirthDate), MaritalStatus = Trim(Decedent.MaritalStatus), Education = Trim(Decedent.Education),
                Occupation = Trim(Decedent.Occupation), WorkUnit = Trim(Decedent.WorkUnit),
                HouseholdAddress = Trim(Decedent.HouseholdAddress), ResidenceAddress = Trim(Decedent.ResidenceAddress),
            },
            Death = new DeathData
            {
                DateTime = WithChinaOffset(Trim(Death.DateTime)), PlaceType = Trim(Death.PlaceType),
                PlaceName = Trim(Death.PlaceName), PregnancyStatus = Trim(Death.PregnancyStatus),
            },
            Causes = new CausesData
            {
                PartI = lines, PartII = others,
                UnderlyingCauseIcd10 = Trim(Causes.UnderlyingCauseIcd10)?.ToUpperInvariant(),
                DiagnosisBasis = Trim(Causes.DiagnosisBasis), HighestDiagnosisLevel = Trim(Causes.HighestDiagnosisLevel),
                Manner = Trim(Causes.Manner),
            },
            Informant = new InformantData
            {
                Name = Trim(Informant.Name), Relationship = Trim(Informant.Relationship),
                Phone = Trim(Informant.Phone), Address = Trim(Informant.Address),
            },
            Certifier = new CertifierData { Name = Trim(Certifier.Name), LicenseNumber = Trim(Certifier.LicenseNumber) },
            Investigation = Investigation.IsEmpty ? null : new InvestigationData
            {
                History = Trim(Investigation.History), InformantName = Trim(Investigation.InformantName),
                InferredCause = Trim(Investigation.InferredCause), Investigator = Trim(Investigation.Investigator),
                Date = Trim(Investigation.Date),
            },
        };
    }

    /// <summary>The form prefilled from stored content, for a correction.</summary>
    public static CertificateForm From(CertificateData data)
    {
        var form = new CertificateForm
        {
            Decedent = new DecedentForm
            {
                Name = data.Decedent.Name, Sex = data.Decedent.Sex, Ethnicity = data.Decedent.Ethnicity, Nationality = data.Decedent.Nationality,
                IdType = data.Decedent.IdType, IdNumber = data.Decedent.IdNumber, BirthDate = data.Decedent.BirthDate,
                MaritalStatus = data.Decedent.MaritalStatus, Education = data.Decedent.Education, Occupation = data.Decedent.Occupation,
                WorkUnit = data.Decedent.WorkUnit, HouseholdAddress = data.Decedent.HouseholdAddress, ResidenceAddress = data.Decedent.ResidenceAddress,
            },
            Death = new DeathForm
            {
                DateTime = ToLocalInput(data.Death.DateTime), PlaceType = data.Death.PlaceType,
                PlaceName = data.Death.PlaceName, PregnancyStatus = data.Death.PregnancyStatus,
            },
            Causes = new CausesForm
            {
                PartI = data.Causes.PartI.Select(l => new CauseLineForm
                {
                    Text = l.Text, IntervalValue = l.Interval?.Value?.ToString(CultureInfo.InvariantCulture),
                    IntervalUnit = l.Interval?.Unit, Icd10 = l.Icd10,
                }).ToList(),
                PartII = data.Causes.PartII.Select(o => new OtherConditionForm { Text = o.Text, Icd10 = o.Icd10 }).ToList(),
                UnderlyingCauseIcd10 = data.Causes.UnderlyingCauseIcd10, DiagnosisBasis = data.Causes.DiagnosisBasis,
                HighestDiagnosisLevel = data.Causes.HighestDiagnosisLevel, Manner = data.Causes.Manner,
            },
            Informant = new InformantForm
            {
                Name = data.Informant.Name, Relationship = data.Informant.Relationship, Phone = data.Informant.Phone, Address = data.Informant.Address,
            },
            Certifier = new CertifierForm { Name = data.Certifier.Name, LicenseNumber = data.Certifier.LicenseNumber },
            Investigation = data.Investigation is not { } inv ? new InvestigationForm() : new InvestigationForm
            {
                History = inv.History, InformantName = inv.InformantName, InferredCause = inv.InferredCause,
                Investigator = inv.Investigator, Date = inv.Date,
            },
        };
        return form.Padded();
    }

    /// <summary>
    /// Maps a validation path of the handler's data back to the form's path: kept rows are renumbered
    /// to the rows the user typed them in.
    /// </summary>
    public static string FormPath(string path, int[] partIRows, int[] partIIRows)
    {
        var match = RowPath().Match(path);
        if (!match.Success) return path;
        var index = int.Parse(match.Groups["index"].Value, CultureInfo.InvariantCulture);
        var rows = match.Groups["part"].Value == "partI" ? partIRows : partIIRows;
        var row = index < rows.Length ? rows[index] : index;
        return $"causes.{match.Groups["part"].Value}[{row}]{match.Groups["rest"].Value}";
    }

    private static readonly HashSet<string> ScalarFields = new(StringComparer.Ordinal)
    {
        "decedent.name", "decedent.sex", "decedent.ethnicity", "decedent.nationality", "decedent.idType", "decedent.idNumber",
        "decedent.birthDate", "decedent.maritalStatus", "decedent.education", "decedent.occupation", "decedent.workUnit",
        "decedent.householdAddress", "decedent.residenceAddress",
        "death.dateTime", "death.placeType", "death.placeName", "death.pregnancyStatus",
        "causes.partI", "causes.partII", "causes.underlyingCauseIcd10", "causes.diagnosisBasis", "causes.highestDiagnosisLevel", "causes.manner",
        "investigation", "investigation.history", "investigation.informantName", "investigation.inferredCause", "investigation.investigator", "investigation.date",
        "informant.name", "informant.relationship", "informant.phone", "informant.address",
        "certifier.name", "certifier.licenseNumber",
    };

    /// <summary>Whether the form shows errors of this path next to a field (else the page lists them at the top).</summary>
    public static bool HasField(string path) =>
        ScalarFields.Contains(path) || (RowPath().Match(path) is { Success: true } m
            && int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) < (m.Groups["part"].Value == "partI" ? PartILines : PartIIRows)
            && (m.Groups["part"].Value == "partI"
                ? m.Groups["rest"].Value is ".line" or ".text" or ".interval.value" or ".interval.unit" or ".icd10"
                : m.Groups["rest"].Value is ".text" or ".icd10"));

    private static readonly HashSet<string> GroupFields = new(StringComparer.Ordinal) { "causes.partI", "causes.partII", "investigation" };

    /// <summary>Where the error summary's link for a path lands: the input, the error text of a group of inputs, or
    /// nowhere (null) when the form shows the path only in the summary.</summary>
    public static string? SummaryTarget(string path) =>
        !HasField(path) ? null
        : GroupFields.Contains(path) || path.EndsWith(".line", StringComparison.Ordinal) ? FormIds.ErrorOf(Id(path))
        : Id(path);

    /// <summary>The handler's errors placed on the form's rows; unparsable input gets its own message.</summary>
    public static FormErrors Errors(FieldValidationException e, int[] partIRows, int[] partIIRows,
        IReadOnlyList<string> unparsed, string notANumber)
    {
        var errors = FormErrors.FromValidation(e, path => FormPath(path, partIRows, partIIRows));
        foreach (var path in unparsed) errors.Replace(path, notANumber);
        return errors;
    }

    /// <summary>An HTML id for a field path: <c>causes.partI[0].icd10</c> → <c>causes-partI-0-icd10</c>.</summary>
    public static string Id(string path) => path.Replace("].", "-").Replace('.', '-').Replace('[', '-').Replace("]", "");

    /// <summary>The <c>name</c> a field posts under: the page's form parameter is called <c>Form</c>.</summary>
    public static string Name(string path) => "Form." + string.Join('.', path.Split('.').Select(Pascal));

    private static string Pascal(string segment) => segment.Length == 0 ? segment : char.ToUpperInvariant(segment[0]) + segment[1..];

    private static string? WithChinaOffset(string? local)
    {
        if (local is null) return null;
        // datetime-local posts yyyy-MM-ddTHH:mm (seconds only when set); anything else goes through for the validator to report.
        return DateTime.TryParseExact(local, ["yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? new DateTimeOffset(at, ChinaTime.Offset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)
            : local;
    }

    private static string? ToLocalInput(string? iso) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
            ? ChinaTime.ToChina(at).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)
            : iso;

    private static bool Blank(string? s) => string.IsNullOrWhiteSpace(s);
    private static string? Trim(string? s) => Blank(s) ? null : s!.Trim();

    [GeneratedRegex(@"^causes\.(?<part>partI|partII)\[(?<index>\d+)\](?<rest>.*)$")]
    private static partial Regex RowPath();
}
