namespace Hereafter.Domain.Identity;

/// <summary>Why a text is not a valid citizen ID number (居民身份证号码).</summary>
public enum IdNumberError
{
    None,
    Missing,
    BadLength,
    BadCharacters,
    UnknownRegion,
    BadBirthDate,
    WrongCheckCharacter,
}
