using System.Text.RegularExpressions;
using Hereafter.Domain.Identity;
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
        return new Run(data, context).Execute();
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
            var name = PersonName("decedent.name", decedent.Name, "死者姓名", "Decedent's name");
            var sex = Coded("decedent.sex", decedent.Sex, CodeLists.Sex, "性别", "Sex", required: true);
            var idType = Clean(decedent.IdType);
            var idNumberRaw = Clean(decedent.IdNumber);
            var unidentified = idType is null && idNumberRaw is null;
            if (unidentified && name is not null && name != UnidentifiedName)
            {
                Error("decedent.name", Codes.UnidentifiedName,
                    "未填写证件类型和号码时视为身份不明，姓名应填写“无”", "With no ID type and number the person is unidentified and the name must be 无");
            }
            else if (!unidentified && name == UnidentifiedName)
            {
                Error("decedent.idNumber", Codes.NotExpected,
                    "姓名为“无”（身份不明）时不应填写证件类型和号码", "The name 无 marks an unidentified person; leave the ID type and number empty");
            }

            var (numberKind, idNumber, idFromCard) = Identity(idType, idNumberRaw, unidentified);

            var birthDate = Date("decedent.birthDate", decedent.BirthDate, "出生日期", "Birth date", required: !unidentified);
            if (birthDate > today)
            {
                Error("decedent.birthDate", Codes.InFuture, "出生日期不能晚于今天", "Birth date cannot be in the future");
            }

            if (idFromCard is { } card)
            {
                if (birthDate is { } birth && birth != card.BirthDate)
                {
                    Error("decedent.birthDate", Codes.BirthDateMismatch,
                        $"出生日期与身份证号码不一致（身份证为 {Iso(card.BirthDate)}）", $"Birth date does not match the ID number ({Iso(card.BirthDate)})");
                }

                if (sex is "1" or "2" && sex != card.Sex)
                {
                    Error("decedent.sex", Codes.SexMismatch,
                        $"性别与身份证号码不一致（身份证为{CodeLists.Chinese(CodeLists.Sex, card.Sex)}性）",
                        $"Sex does not match the ID number ({CodeLists.English(CodeLists.Sex, card.Sex)})");
                }
            }

            FreeText("decedent.ethnicity", decedent.Ethnicity, "民族", "Ethnicity", 20, required: true);
            FreeText("decedent.nationality", decedent.Nationality, "国籍", "Nationality", 20, required: true);
            Coded("decedent.maritalStatus", decedent.MaritalStatus, CodeLists.MaritalStatus, "婚姻状况", "Marital status", required: true);
            Coded("decedent.education", decedent.Education, CodeLists.Education, "文化程度", "Education", required: true);
            FreeText("decedent.occupation", decedent.Occupation, "职业", "Occupation", 50, required: true);
            FreeText("decedent.workUnit", decedent.WorkUnit, "工作单位", "Work unit", 100, required: false);
            FreeText("decedent.householdAddress", decedent.HouseholdAddress, "户籍地址", "Household-registration address", 200, required: !unidentified);
            FreeText("decedent.residenceAddress", decedent.ResidenceAddress, "常住地址", "Usual residence", 200, required: !unidentified);

            // Death.
            var deathAt = DeathTime(death.DateTime);
            var deathDate = deathAt is { } at ? ChinaTime.DateOf(at) : (DateOnly?)null;
            int? age = null;
            if (birthDate is { } born && deathDate is { } died)
            {
                if (died < born)
                {
                    Error("death.dateTime", Codes.BeforeBirth, "死亡日期不能早于出生日期", "Date of death cannot be before the birth date");
                }
                else
                {
                    age = CompletedYears(born, died);
                    if (age > MaxAgeYears)
                    {
                        Error("decedent.birthDate", Codes.AgeTooHigh, $"死亡时年龄超过{MaxAgeYears}岁，请核对出生日期",
                            $"Age at death is over {MaxAgeYears} years; check the birth date");
                    }
                }
            }

            var placeType = Coded("death.placeType", death.PlaceType, CodeLists.PlaceType, "死亡地点类型", "Place of death", required: true);
            FreeText("death.placeName", death.PlaceName, "死亡地点名称", "Place name", 100, required: PlacesRequiringName.Contains(placeType));
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
                Error("causes.manner", Codes.PoliceOnly,
                    $"医疗机构外的{CodeLists.Chinese(CodeLists.Manner, manner)}死亡须由公安机关出具死亡证明",
                    $"A death outside a medical institution with manner '{CodeLists.English(CodeLists.Manner, manner)}' must be certified by the police");
            }

            // Informant and certifier.
            var informant = data.Informant ?? new InformantData();
            PersonName("informant.name", informant.Name, "家属姓名", "Informant's name");
            FreeText("informant.relationship", informant.Relationship, "与死者关系", "Relationship", 20, required: true);
            var phone = FreeText("informant.phone", informant.Phone, "联系电话", "Phone", 20, required: true);
            if (phone is not null && !Phone.IsMatch(phone))
            {
                Error("informant.phone", Codes.PhoneFormat, "联系电话格式错误，应为11位手机号或带区号的固定电话",
                    "Phone must be a mainland mobile number (11 digits) or a landline with area code");
            }

            FreeText("informant.address", informant.Address, "家属地址", "Informant's address", 200, required: true);

            var certifier = data.Certifier ?? new CertifierData();
            PersonName("certifier.name", certifier.Name, "医师姓名", "Certifier's name");
            var license = FreeText("certifier.licenseNumber", certifier.LicenseNumber, "执业证书编码", "Licence number", 30, required: true);
            if (license is not null && !License.IsMatch(license))
            {
                Error("certifier.licenseNumber", Codes.LicenseFormat, "执业证书编码应为5–30位字母或数字",
                    "Licence number must be 5–30 letters or digits");
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
