using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Time;

namespace Hereafter.Domain.Certificates;

/// <summary>
/// Validates a 居民死亡医学证明 before it is issued (DOMAIN.md §3): every hard error is reported at once
/// with its JSON path and a user-facing message, and data-quality warnings are collected alongside.
/// </summary>
public static class CertificateValidator
{
    /// <summary>Error codes carried in <see cref="FieldError.Code"/>.</summary>
    public static class Codes
    {
        public const string Required = "required";
        public const string TooLong = "too-long";
        public const string TooMany = "too-many";
        public const string InvalidCharacters = "invalid-characters";
        public const string Markup = "markup";
        public const string NotInList = "not-in-list";
        public const string InvalidDate = "invalid-date";
        public const string InvalidFormat = "invalid-format";
        public const string OffsetRequired = "offset-required";
        public const string InFuture = "in-future";
        public const string BeforeBirth = "before-birth";
        public const string BeforeDeath = "before-death";
        public const string AgeTooHigh = "age-too-high";
        public const string UnidentifiedName = "unidentified-name";
        public const string NotExpected = "not-expected";
        public const string IdLength = "id-length";
        public const string IdCharacters = "id-characters";
        public const string IdRegion = "id-region";
        public const string IdBirthDate = "id-birth-date";
        public const string IdCheckCharacter = "id-check-character";
        public const string BirthDateMismatch = "birth-date-mismatch";
        public const string SexMismatch = "sex-mismatch";
        public const string PassportFormat = "passport-format";
        public const string OtherIdFormat = "other-id-format";
        public const string LineOrder = "line-order";
        public const string MustBePositive = "must-be-positive";
        public const string IcdFormat = "icd-format";
        public const string PoliceOnly = "police-only";
        public const string PhoneFormat = "phone-format";
        public const string LicenseFormat = "license-format";
        public const string IntervalChainNotIncreasing = "interval-chain-not-increasing";
    }

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

    private sealed class Run(CertificateData data, CertificateContext context)
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

        private (string Kind, string? Number, IdNumber? Card) Identity(string? idType, string? idNumber, bool unidentified)
        {
            if (unidentified)
            {
                return ("unidentified", null, null);
            }

            if (idType is null)
            {
                Error("decedent.idType", Codes.Required, "填写了证件号码时须选择证件类型", "Choose the ID type for the ID number");
                return ("other", idNumber, null);
            }

            if (!CodeLists.Contains(CodeLists.IdType, idType))
            {
                NotInList("decedent.idType", idType, "证件类型", "ID type");
                return ("other", idNumber, null);
            }

            if (idNumber is null)
            {
                Error("decedent.idNumber", Codes.Required, "请填写证件号码", "ID number is required");
                return (KindOf(idType), null, null);
            }

            switch (idType)
            {
                case "1":
                    if (IdNumber.TryParse(idNumber, today.AddDays(1), out var card, out var error))
                    {
                        return ("citizen-id", card.Value, card);
                    }

                    IdError(error);
                    return ("citizen-id", idNumber, null);
                case "2":
                    var passport = idNumber.ToUpperInvariant();
                    if (!Passport.IsMatch(passport))
                    {
                        Error("decedent.idNumber", Codes.PassportFormat, "护照号码应为5–20位字母或数字", "Passport number must be 5–20 letters or digits");
                    }

                    return ("passport", passport, null);
                default:
                    if (!OtherId.IsMatch(idNumber))
                    {
                        Error("decedent.idNumber", Codes.OtherIdFormat, "证件号码应为1–30位字母、数字或连字符", "ID number must be 1–30 letters, digits or hyphens");
                    }

                    return ("other", idNumber, null);
            }
        }

        private static string KindOf(string idType) => idType switch { "1" => "citizen-id", "2" => "passport", _ => "other" };

        private void IdError(IdNumberError error)
        {
            const string path = "decedent.idNumber";
            switch (error)
            {
                case IdNumberError.BadLength:
                    Error(path, Codes.IdLength, "身份证号码应为18位（或15位旧号码）", "Citizen ID number must have 18 characters (or 15 digits for an old card)");
                    break;
                case IdNumberError.BadCharacters:
                    Error(path, Codes.IdCharacters, "身份证号码只能包含数字，最后一位可为X", "Citizen ID number may contain only digits, with X allowed last");
                    break;
                case IdNumberError.UnknownRegion:
                    Error(path, Codes.IdRegion, "身份证号码前6位不是有效的行政区划代码", "The first 6 digits of the ID number are not a known region code");
                    break;
                case IdNumberError.BadBirthDate:
                    Error(path, Codes.IdBirthDate, "身份证号码中的出生日期无效", "The birth date inside the ID number is not a valid date");
                    break;
                case IdNumberError.WrongCheckCharacter:
                    Error(path, Codes.IdCheckCharacter, "身份证号码校验位错误", "ID number check character is wrong");
                    break;
                default:
                    Error(path, Codes.Required, "请填写证件号码", "ID number is required");
                    break;
            }
        }

        private DateTimeOffset? DeathTime(string? raw)
        {
            const string path = "death.dateTime";
            var text = Clean(raw);
            if (text is null)
            {
                Error(path, Codes.Required, "请填写死亡日期和时间", "Date and time of death are required");
                return null;
            }

            if (!DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var at)
                && !DateTimeOffset.TryParseExact(text, UtcFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
            {
                if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                {
                    Error(path, Codes.OffsetRequired, "死亡时间须带时区（如 2026-11-20T08:30:00+08:00）",
                        "Time of death needs a UTC offset, e.g. 2026-11-20T08:30:00+08:00");
                }
                else
                {
                    Error(path, Codes.InvalidFormat, "死亡时间格式错误，应如 2026-11-20T08:30:00+08:00",
                        "Time of death must look like 2026-11-20T08:30:00+08:00");
                }

                return null;
            }

            if (at > context.Now + ClockSkew)
            {
                Error(path, Codes.InFuture, "死亡时间不能晚于当前时间", "Time of death cannot be in the future");
            }

            return at;
        }

        private void Pregnancy(string? raw, string? sex, int? age)
        {
            const string path = "death.pregnancyStatus";
            var status = Clean(raw);
            if (sex == "1" && status is not null)
            {
                Error(path, Codes.NotExpected, "男性死者不应填写妊娠情况", "Pregnancy status does not apply to a male decedent");
                return;
            }

            var required = sex == "2" && age is >= 10 and <= 60;
            Coded(path, raw, CodeLists.PregnancyStatus, "妊娠情况（10–60岁女性必填）", "Pregnancy status (required for women aged 10–60)", required);
        }

        private void Causes(CausesData causes)
        {
            var partI = causes.PartI ?? [];
            if (partI.Count == 0)
            {
                Error("causes.partI", Codes.Required, "请填写第一部分直接死亡原因(a)", "Part I needs at least line (a), the immediate cause");
            }
            else if (partI.Count > Lines.Length)
            {
                Error("causes.partI", Codes.TooMany, "第一部分最多填写(a)至(d)四行", "Part I has at most four lines, (a) to (d)");
            }

            for (var i = 0; i < partI.Count; i++)
            {
                var line = partI[i] ?? new CauseLine();
                var prefix = $"causes.partI[{i}]";
                var letter = Clean(line.Line)?.ToLowerInvariant();
                if (i < Lines.Length && letter != Lines[i].ToString())
                {
                    Error(prefix + ".line", Codes.LineOrder, $"第{i + 1}行应为({Lines[i]})行，各行须从(a)起依次填写",
                        $"Line {i + 1} must be ({Lines[i]}); lines run from (a) without gaps or repeats");
                }

                FreeText(prefix + ".text", line.Text, "死亡原因", "Cause text", 100, required: true);
                if (line.Interval?.Value is not { } value)
                {
                    Error(prefix + ".interval.value", Codes.Required, "请填写发病至死亡的大概间隔", "Interval from onset to death is required");
                }
                else if (value <= 0)
                {
                    Error(prefix + ".interval.value", Codes.MustBePositive, "发病至死亡间隔须大于0", "Interval must be greater than 0");
                }

                Coded(prefix + ".interval.unit", line.Interval?.Unit, CodeLists.IntervalUnit, "间隔单位", "Interval unit", required: true);
                Icd(prefix + ".icd10", line.Icd10, required: false);
            }

            var partII = causes.PartII ?? [];
            if (partII.Count > 10)
            {
                Error("causes.partII", Codes.TooMany, "第二部分最多填写10项", "Part II has at most 10 conditions");
            }

            for (var i = 0; i < partII.Count; i++)
            {
                var condition = partII[i] ?? new OtherCondition();
                FreeText($"causes.partII[{i}].text", condition.Text, "其他疾病诊断", "Other condition", 200, required: true);
                Icd($"causes.partII[{i}].icd10", condition.Icd10, required: false);
            }

            Icd("causes.underlyingCauseIcd10", causes.UnderlyingCauseIcd10, required: true);
            Coded("causes.diagnosisBasis", causes.DiagnosisBasis, CodeLists.DiagnosisBasis, "诊断依据", "Basis of diagnosis", required: true);
            Coded("causes.highestDiagnosisLevel", causes.HighestDiagnosisLevel, CodeLists.HighestDiagnosisLevel, "最高诊断单位", "Highest diagnosing institution", required: true);
            Coded("causes.manner", causes.Manner, CodeLists.Manner, "死亡方式", "Manner of death", required: true);
        }

        private void Investigation(InvestigationData investigation, bool required, DateOnly? deathDate)
        {
            FreeText("investigation.history", investigation.History, "死者生前病史及症状体征", "Medical history and symptoms", 2000, required, multiline: true);
            PersonName("investigation.informantName", investigation.InformantName, "被调查者姓名", "Informant interviewed", required);
            FreeText("investigation.inferredCause", investigation.InferredCause, "死因推断", "Inferred cause", 200, required);
            PersonName("investigation.investigator", investigation.Investigator, "调查者姓名", "Investigator", required);
            var date = Date("investigation.date", investigation.Date, "调查日期", "Investigation date", required);
            if (date is { } d && deathDate is { } died && d < died)
            {
                Error("investigation.date", Codes.BeforeDeath, "调查日期不能早于死亡日期", "Investigation date cannot be before the date of death");
            }
            else if (date > today)
            {
                Error("investigation.date", Codes.InFuture, "调查日期不能晚于今天", "Investigation date cannot be in the future");
            }
        }

        private static IEnumerable<QualityWarning> IntervalChain(IReadOnlyList<CauseLine>? partI)
        {
            if (partI is null)
            {
                yield break;
            }

            for (var i = 1; i < partI.Count && i < Lines.Length; i++)
            {
                var upper = IntervalInMinutes(partI[i - 1]?.Interval);
                var lower = IntervalInMinutes(partI[i]?.Interval);
                if (upper is not null && lower is not null && lower < upper)
                {
                    yield return new QualityWarning(Codes.IntervalChainNotIncreasing, $"causes.partI[{i}].interval",
                        $"({Lines[i]})行的发病至死亡间隔短于({Lines[i - 1]})行，引起上一行的疾病应更早发生，请核对因果顺序",
                        $"Line ({Lines[i]}) has a shorter interval than line ({Lines[i - 1]}); a cause should start before its consequence");
                }
            }
        }

        private void Icd(string path, string? raw, bool required)
        {
            var text = Clean(raw);
            if (text is null)
            {
                if (required)
                {
                    Error(path, Codes.Required, "请填写根本死因ICD-10编码", "Underlying cause ICD-10 code is required");
                }

                return;
            }

            if (!IcdCode.TryNormalize(text, out _))
            {
                Error(path, Codes.IcdFormat, $"ICD-10编码“{Shorten(text)}”格式错误，应为字母加两位数字，可带小数点和一至两位（如 I21.9）",
                    $"ICD-10 code '{Shorten(text)}' is malformed; use a letter, two digits and optionally a dot and one or two characters (e.g. I21.9)");
            }
        }

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

    /// <summary>Canonical copy of valid data: trimmed strings (blank → null), the normalised ID, upper-case ICD codes.</summary>
    private static CertificateData Normalize(CertificateData data, string? idNumber)
    {
        var d = data.Decedent;
        var c = data.Causes;
        return new CertificateData
        {
            Decedent = new DecedentData
            {
                Name = Clean(d.Name),
                Sex = Clean(d.Sex),
                Ethnicity = Clean(d.Ethnicity),
                Nationality = Clean(d.Nationality),
                IdType = Clean(d.IdType),
                IdNumber = idNumber,
                BirthDate = Clean(d.BirthDate),
                MaritalStatus = Clean(d.MaritalStatus),
                Education = Clean(d.Education),
                Occupation = Clean(d.Occupation),
                WorkUnit = Clean(d.WorkUnit),
                HouseholdAddress = Clean(d.HouseholdAddress),
                ResidenceAddress = Clean(d.ResidenceAddress),
            },
            Death = new DeathData
            {
                DateTime = Clean(data.Death.DateTime),
                PlaceType = Clean(data.Death.PlaceType),
                PlaceName = Clean(data.Death.PlaceName),
                PregnancyStatus = Clean(data.Death.PregnancyStatus),
            },
            Causes = new CausesData
            {
                PartI = c.PartI.Select(l => new CauseLine
                {
                    Line = Clean(l.Line)?.ToLowerInvariant(),
                    Text = Clean(l.Text),
                    Interval = new CauseInterval { Value = l.Interval?.Value, Unit = Clean(l.Interval?.Unit) },
                    Icd10 = IcdOrNull(l.Icd10),
                }).ToList(),
                PartII = c.PartII.Select(o => new OtherCondition { Text = Clean(o.Text), Icd10 = IcdOrNull(o.Icd10) }).ToList(),
                UnderlyingCauseIcd10 = IcdOrNull(c.UnderlyingCauseIcd10),
                DiagnosisBasis = Clean(c.DiagnosisBasis),
                HighestDiagnosisLevel = Clean(c.HighestDiagnosisLevel),
                Manner = Clean(c.Manner),
            },
            Informant = new InformantData
            {
                Name = Clean(data.Informant.Name),
                Relationship = Clean(data.Informant.Relationship),
                Phone = Clean(data.Informant.Phone),
                Address = Clean(data.Informant.Address),
            },
            Certifier = new CertifierData { Name = Clean(data.Certifier.Name), LicenseNumber = Clean(data.Certifier.LicenseNumber) },
            Investigation = data.Investigation is not { } i
                ? null
                : new InvestigationData
                {
                    History = Clean(i.History),
                    InformantName = Clean(i.InformantName),
                    InferredCause = Clean(i.InferredCause),
                    Investigator = Clean(i.Investigator),
                    Date = Clean(i.Date),
                },
        };
    }

    private static string? IcdOrNull(string? raw) => IcdCode.TryNormalize(raw, out var code) ? code : null;
}
