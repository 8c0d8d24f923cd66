using Hereafter.Web.Platform.Figures;

namespace Hereafter.Web.Modules.Certificates.Contracts;

/// <summary>
/// Addresses of the certificate pages, for every module that links to a certificate. They carry the certificate's
/// opaque id, never its number: the number is usually the deceased's citizen ID, which must not land in browser
/// history, proxy logs or download folders (issue #10).
/// </summary>
public static class CertificatePages
{
    /// <summary>The issuing organisation's (and the supervisor's) page of one certificate.</summary>
    public static string Detail(Guid certificateId) => $"/certificates/{certificateId:N}";

    /// <summary>The issuer's correction form of one certificate.</summary>
    public static string Correct(Guid certificateId) => $"/certificates/{certificateId:N}/correct";

    /// <summary>A printed copy (联) as PDF, named by the certificate's opaque id and the copy, never its number.</summary>
    public static string Pdf(Guid certificateId, int copy) => $"/certificates/{certificateId:N}/pdf?copy={copy}";

    /// <summary>The copy a department may read for its duties (copy 2 for the police, 3 for the family, 4 for
    /// civil affairs), opened from a worklist without typing the number.</summary>
    public static string Copy(Guid certificateId) => $"/lookup/{certificateId:N}";

    /// <summary>The supervisor's certificate lists.</summary>
    public const string Supervision = "/supervision/certificates";

    /// <summary>
    /// The certificates one of the dashboard's figures counts for the filter: <paramref name="figure"/> is the figure's code
    /// (<c>issued</c>, <c>certified-within-day</c>, <c>reported-in-time</c>, <c>duplicates-reviewed</c>, <c>duplicates-pending</c>,
    /// <c>with-warnings</c>); <paramref name="warning"/> narrows it to one warning kind, <paramref name="issuerType"/> to one
    /// type of issuer.
    /// </summary>
    public static string SupervisionList(FigureFilter filter, string figure, string? warning = null, string? issuerType = null) =>
        $"{Supervision}?list={Uri.EscapeDataString(figure)}&{filter.Query}"
        + (warning is null ? "" : $"&warning={Uri.EscapeDataString(warning)}")
        + (issuerType is null ? "" : $"&issuerType={Uri.EscapeDataString(issuerType)}");
}
