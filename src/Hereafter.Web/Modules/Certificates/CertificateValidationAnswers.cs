using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>How a validation of certificate content is answered: its field errors, its warnings.</summary>
public static class CertificateValidationAnswers
{
    /// <summary>
    /// Throws the 400 of DOMAIN §3: each field's messages in the request's language, keyed by JSON path, with
    /// their catalogue keys as <c>errorCodes</c>.
    /// </summary>
    public static NormalizedCertificate RequireValid(CertificateValidation validation)
    {
        if (validation.IsValid && validation.Normalized is not null) return validation.Normalized;
        throw new FieldValidationException(validation.Errors.Select(e => new FieldMessage(e.Path, e.Message)).ToList());
    }

    public static IReadOnlyList<WarningDto> Warnings(IEnumerable<QualityWarning> warnings) =>
        warnings.Select(w => new WarningDto(w.Code, w.Path, Texts.Of(w.Message))).ToList();
}
