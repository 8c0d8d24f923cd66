using Hereafter.Domain.Identity;

namespace Hereafter.Domain.Certificates;

// Identity rules: the ID type and number, citizen-ID checks against birth date and sex.
public static partial class CertificateValidator
{
    private sealed partial class Run
    {
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
    }
}
