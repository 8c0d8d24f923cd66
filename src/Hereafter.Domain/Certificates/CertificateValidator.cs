using System.Text.RegularExpressions;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;

namespace Hereafter.Domain.Certificates;

/// <summary>
/// Validates a 居民死亡医学证明 before it is issued (DOMAIN.md §3): every hard error is reported at once
/// with its JSON path and a user-facing message, and data-quality warnings are collected alongside.
/// </summary>
public static partial class CertificateValidator
{
    /// <summary>Unidentified decedents (no ID at all) carry this name on the form.</summary>
    public const string UnidentifiedName = "无";

    private const int MaxAgeYears = 130;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] PlacesRequiringName = ["1", "2", "4", "9"];
    private static readonly string[] PlacesOutsideInstitution = ["3", "4", "9", "0"];
    private static readonly string[] UnnaturalManners = ["2", "3", "4", "5"];
    private const string Lines = "abcd";

    private static readonly Regex Passport = new("^[A-Z0-9]{5,20}$", RegexOptions.CultureInvariant);
    private static readonly Regex OtherId = new("^[A-Za-z0-9-]{1,30}$", RegexOptions.CultureInvariant);
    private static readonly Regex Phone = new("^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$", RegexOptions.CultureInvariant);
    private static readonly Regex License = new("^[A-Za-z0-9]{5,30}$", RegexOptions.CultureInvariant);

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    private static readonly string[] UtcFormats =
    [
        "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
    ];

    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss",
    ];

    public static CertificateValidation Validate(CertificateData data, CertificateContext context)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(context);
        return new Run(WithIdentityFromCitizenId(data, ChinaTime.DateOf(context.Now)), context).Execute();
    }

    /// <summary>
    /// Birth date and sex left blank are read from a valid resident ID (ID type 1), which states both (GB 11643):
    /// the certifier need not type them twice. A value the certifier did type is kept, so a disagreement is still
    /// reported with what the number says.
    /// </summary>
    public static CertificateData WithIdentityFromCitizenId(CertificateData data, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(data);
        var d = data.Decedent;
        if (d is null || Clean(d.IdType) != "1" || (Clean(d.BirthDate) is not null && Clean(d.Sex) is not null)
            || !IdNumber.TryParse(Clean(d.IdNumber), today.AddDays(1), out var card, out _))
        {
            return data;
        }

        return data with { Decedent = d with { BirthDate = Clean(d.BirthDate) ?? Iso(card.BirthDate), Sex = Clean(d.Sex) ?? card.Sex } };
    }

    /// <summary>
    /// Interval from onset to death in minutes, exact in decimal: a month counts 30 days, a year 365.25 days.
    /// Null when the value is missing or not positive or the unit is unknown.
    /// </summary>
    public static decimal? IntervalInMinutes(CauseInterval? interval)
    {
        if (interval?.Value is not { } value || value <= 0)
        {
            return null;
        }

        decimal? factor = interval.Unit?.Trim() switch
        {
            "minutes" => 1m,
            "hours" => 60m,
            "days" => 1440m,
            "months" => 30m * 1440m,
            "years" => 365.25m * 1440m,
            _ => null,
        };
        return factor * value;
    }

    private sealed partial class Run(CertificateData data, CertificateContext context)
    {
        private readonly List<FieldError> errors = [];
        // "Today" is the China date whatever offset the caller's clock carries (a UTC clock is a day behind from 16:00 UTC).
        private readonly DateOnly today = ChinaTime.DateOf(context.Now);

        public CertificateValidation Execute()
        {
            var decedent = data.Decedent ?? new DecedentData();
            var death = data.Death ?? new DeathData();
            var causes = data.Causes ?? new CausesData();

            // Decedent and identity.
            var name = PersonName("decedent.name", decedent.Name);
            var sex = Coded("decedent.sex", decedent.Sex, CodeLists.Sex, required: true);
            var idType = Clean(decedent.IdType);
            var idNumberRaw = Clean(decedent.IdNumber);
            var unidentified = idType is null && idNumberRaw is null;
            if (unidentified && name is not null && name != UnidentifiedName)
            {
                Error("decedent.name", Codes.UnidentifiedName, new Message("certificates.decedent.name.unidentified-name"));
            }
            else if (!unidentified && name == UnidentifiedName)
            {
                Error("decedent.idNumber", Codes.NotExpected, new Message("certificates.decedent.id-number.not-expected"));
            }

            var (numberKind, idNumber, idFromCard) = Identity(idType, idNumberRaw, unidentified);

            var birthDate = Date("decedent.birthDate", decedent.BirthDate, required: !unidentified);
            if (birthDate > today)
            {
                Error("decedent.birthDate", Codes.InFuture, new Message("certificates.decedent.birth-date.in-future"));
            }

            if (idFromCard is { } card)
            {
                if (birthDate is { } birth && birth != card.BirthDate)
                {
                    Error("decedent.birthDate", Codes.BirthDateMismatch,
                        new Message("certificates.decedent.birth-date.birth-date-mismatch").With("date", Iso(card.BirthDate)));
                }

                if (sex is "1" or "2" && sex != card.Sex)
                {
                    Error("decedent.sex", Codes.SexMismatch, card.Sex == "1"
                        ? new Message("certificates.decedent.sex.sex-mismatch.male")
                        : new Message("certificates.decedent.sex.sex-mismatch.female"));
                }
            }

            FreeText("decedent.ethnicity", decedent.Ethnicity, 20, required: true);
            FreeText("decedent.nationality", decedent.Nationality, 20, required: true);
            Coded("decedent.maritalStatus", decedent.MaritalStatus, CodeLists.MaritalStatus, required: true);
            Coded("decedent.education", decedent.Education, CodeLists.Education, required: true);
            FreeText("decedent.occupation", decedent.Occupation, 50, required: true);
            FreeText("decedent.workUnit", decedent.WorkUnit, 100, required: false);
            FreeText("decedent.householdAddress", decedent.HouseholdAddress, 200, required: !unidentified);
            FreeText("decedent.residenceAddress", decedent.ResidenceAddress, 200, required: !unidentified);

            // Death.
            var deathAt = DeathTime(death.DateTime);
            var deathDate = deathAt is { } at ? ChinaTime.DateOf(at) : (DateOnly?)null;
            int? age = null;
            if (birthDate is { } born && deathDate is { } died)
            {
                if (died < born)
                {
                    Error("death.dateTime", Codes.BeforeBirth, new Message("certificates.death.date-time.before-birth"));
                }
                else
                {
                    age = CompletedYears(born, died);
                    if (age > MaxAgeYears)
                    {
                        Error("decedent.birthDate", Codes.AgeTooHigh,
                            new Message("certificates.decedent.birth-date.age-too-high").With("max", MaxAgeYears));
                    }
                }
            }

            var placeType = Coded("death.placeType", death.PlaceType, CodeLists.PlaceType, required: true);
            FreeText("death.placeName", death.PlaceName, 100, required: PlacesRequiringName.Contains(placeType));
            Pregnancy(death.PregnancyStatus, sex, age);

            // Causes.
            Causes(causes);
            var manner = Clean(causes.Manner);

            // Investigation: the back page, for deaths outside a medical institution.
            var outside = placeType is not null && PlacesOutsideInstitution.Contains(placeType);
            if (outside || data.Investigation is not null)
            {
                Investigation(data.Investigation ?? new InvestigationData(), outside, deathDate);
            }

            if (manner is not null && UnnaturalManners.Contains(manner) && placeType is not null && placeType is not ("1" or "2")
                && context.IssuerKind != "police")
            {
                Error("causes.manner", Codes.PoliceOnly, new Message(manner switch
                {
                    "2" => "certificates.causes.manner.police-only.accident",
                    "3" => "certificates.causes.manner.police-only.suicide",
                    "4" => "certificates.causes.manner.police-only.homicide",
                    _ => "certificates.causes.manner.police-only.pending-investigation",
                }));
            }

            // Informant and certifier.
            var informant = data.Informant ?? new InformantData();
            PersonName("informant.name", informant.Name);
            FreeText("informant.relationship", informant.Relationship, 20, required: true);
            var phone = FreeText("informant.phone", informant.Phone, 20, required: true);
            if (phone is not null && !Phone.IsMatch(phone))
            {
                Error("informant.phone", Codes.PhoneFormat, new Message("certificates.informant.phone.phone-format"));
            }

            FreeText("informant.address", informant.Address, 200, required: true);

            var certifier = data.Certifier ?? new CertifierData();
            PersonName("certifier.name", certifier.Name);
            var license = FreeText("certifier.licenseNumber", certifier.LicenseNumber, 30, required: true);
            if (license is not null && !License.IsMatch(license))
            {
                Error("certifier.licenseNumber", Codes.LicenseFormat, new Message("certificates.certifier.license-number.license-format"));
            }

            var warnings = new List<QualityWarning>(IcdQuality.Check(data, age));
            warnings.AddRange(IntervalChain(causes.PartI));

            NormalizedCertificate? normalized = null;
            if (errors.Count == 0)
            {
                normalized = new NormalizedCertificate(Normalize(data, idNumber), numberKind, idNumber, birthDate, deathAt!.Value, age, sex!);
            }

            return new CertificateValidation(errors, warnings, normalized);
        }
    }
}
