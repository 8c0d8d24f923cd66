using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates.Features.ReadCertificate;

[EnglishStrings]
internal static class ReadCertificateStrings
{
    public static readonly IReadOnlyDictionary<string, string> Strings = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["本机构出具的证明会列在这里；请用上方的按钮填写第一份。"] = "Certificates your organisation issues are listed here: start with the button above.",
    };
}
