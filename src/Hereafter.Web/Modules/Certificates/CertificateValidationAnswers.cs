using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>How a validation of certificate content is answered: its field errors, its warnings.</summary>
public static class CertificateValidationAnswers
{
    /// <summary>Throws the 400 of DOMAIN §3 with Chinese (or English) messages keyed by JSON path.</summary>
    public static NormalizedCertificate RequireValid(CertificateValidation validation)
    {
        if (validation.IsValid && validation.Normalized is not null) return validation.Normalized;
        var errors = validation.Errors
            .GroupBy(e => e.Path)
            .ToDictionary(g => g.Key, g => g.Select(e => Texts.IsEnglish ? e.English : e.Chinese).Distinct().ToArray());
        throw new FieldValidationException(errors);
    }

    public static IReadOnlyList<WarningDto> Warnings(IEnumerable<QualityWarning> warnings) =>
        warnings.Select(w => new WarningDto(w.Code, w.Path, Texts.IsEnglish ? w.English : w.Chinese)).ToList();
}
