using System.Text.RegularExpressions;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Messages;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Custody.Features.SignCremationConsent;

/// <summary>
/// The checks of a person's fields the cremation steps share (the person in charge, the 火化证明's collector): each adds
/// its problem to <see cref="FieldErrors"/> under the request's field name and returns the cleaned value.
/// </summary>
public static partial class PersonFields
{
    [GeneratedRegex("^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})$", RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern();

    /// <summary>The relationship codes accepted: the family portal's list.</summary>
    public static IReadOnlyList<Relationship> RelationshipOptions => EnumCodes<Relationship>.All;

    public static string Name(string? raw, FieldErrors errors)
    {
        var name = raw?.Trim() ?? "";
        if (name.Length == 0) errors.Add("name", new Message("custody.consent.name.required"));
        else if (name.Length > 50) errors.Add("name", new Message("custody.consent.name.too-long"));
        return name;
    }

    /// <summary>A citizen ID (checksum, region, birth date), upper-case; <paramref name="checkValidity"/> false only requires one.</summary>
    public static string IdNumber(string? raw, FieldErrors errors, bool checkValidity = true)
    {
        var normalized = Hereafter.Domain.Identity.IdNumber.Normalize(raw);
        if (normalized.Length == 0) errors.Add("idNumber", new Message("custody.consent.id-number.required"));
        else if (checkValidity && !Hereafter.Domain.Identity.IdNumber.TryParse(normalized, out _, out _))
            errors.Add("idNumber", new Message("custody.consent.id-number.invalid"));
        return normalized;
    }

    public static string Relationship(string? raw, FieldErrors errors)
    {
        var code = raw?.Trim() ?? "";
        if (code.Length == 0) errors.Add("relationship", new Message("custody.consent.relationship.required"));
        else if (!EnumCodes<Family.Contracts.Relationship>.TryParse(code, out _)) errors.Add("relationship", new Message("custody.consent.relationship.unknown"));
        return code;
    }

    public static string Phone(string? raw, FieldErrors errors)
    {
        var number = (raw ?? "").Trim().Replace(" ", "", StringComparison.Ordinal);
        if (number.Length == 0) errors.Add("phone", new Message("custody.consent.phone.required"));
        else if (!PhonePattern().IsMatch(number)) errors.Add("phone", new Message("custody.consent.phone.invalid"));
        return number;
    }
}
