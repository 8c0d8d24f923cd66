namespace Hereafter.Domain.Certificates;

public static partial class CertificateValidator
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
}
