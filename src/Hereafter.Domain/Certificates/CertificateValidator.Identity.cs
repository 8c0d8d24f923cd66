using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;

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
                Error("decedent.idType", Codes.Required, new Message("certificates.decedent.id-type.required"));
                return ("other", idNumber, null);
            }

            if (!CodeLists.Contains(CodeLists.IdType, idType))
            {
                NotInList("decedent.idType", idType);
                return ("other", idNumber, null);
            }

            if (idNumber is null)
            {
                Error("decedent.idNumber", Codes.Required, new Message("certificates.decedent.id-number.required"));
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
                        Error("decedent.idNumber", Codes.PassportFormat, new Message("certificates.decedent.id-number.passport-format"));
                    }

                    return ("passport", passport, null);
                default:
                    if (!OtherId.IsMatch(idNumber))
                    {
                        Error("decedent.idNumber", Codes.OtherIdFormat, new Message("certificates.decedent.id-number.other-id-format"));
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
                    Error(path, Codes.IdLength, new Message("certificates.decedent.id-number.id-length"));
                    break;
                case IdNumberError.BadCharacters:
                    Error(path, Codes.IdCharacters, new Message("certificates.decedent.id-number.id-characters"));
                    break;
                case IdNumberError.UnknownRegion:
                    Error(path, Codes.IdRegion, new Message("certificates.decedent.id-number.id-region"));
                    break;
                case IdNumberError.BadBirthDate:
                    Error(path, Codes.IdBirthDate, new Message("certificates.decedent.id-number.id-birth-date"));
                    break;
                case IdNumberError.WrongCheckCharacter:
                    Error(path, Codes.IdCheckCharacter, new Message("certificates.decedent.id-number.id-check-character"));
                    break;
                default:
                    Error(path, Codes.Required, new Message("certificates.decedent.id-number.required"));
                    break;
            }
        }
    }
}
