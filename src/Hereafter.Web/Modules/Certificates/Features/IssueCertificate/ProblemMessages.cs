using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates.Features.IssueCertificate;

/// <summary>
/// The pages' own words for a handler's refusal: each page situation gets its catalogue message, in the page's language.
/// </summary>
public static class ProblemMessages
{
    public static string ForIssue(ProblemException e, Texts t) => e.Status switch
    {
        403 => t[new Message("certificates.page.issue-forbidden")],
        409 => t[new Message("certificates.page.duplicate")],
        _ => t[new Message("certificates.page.failed")],
    };

    public static string ForRead(ProblemException e, Texts t) => e.Status switch
    {
        403 => t[new Message("certificates.page.read-forbidden")],
        404 => t[new Message("certificates.page.not-found")],
        _ => t[new Message("certificates.page.failed")],
    };

    public static string ForCorrection(ProblemException e, Texts t) => e switch
    {
        { Status: 403 } => t[new Message("certificates.page.correction-forbidden")],
        { Status: 404 } => t[new Message("certificates.page.not-found")],
        { Status: 409, ProblemType: not null } when e.ProblemType.EndsWith("correction-used", StringComparison.Ordinal) => t[new Message("certificates.page.already-corrected")],
        { Status: 409, ProblemType: not null } when e.ProblemType.EndsWith("duplicate-certificate", StringComparison.Ordinal) => t[new Message("certificates.page.duplicate")],
        { Status: 409 } => t[new Message("certificates.page.correction-not-issued")],
        _ => t[new Message("certificates.page.failed")],
    };

    public static string ForReissue(ProblemException e, Texts t) => e switch
    {
        { Status: 403 } => t[new Message("certificates.page.reissue-forbidden")],
        { Status: 409, ProblemType: not null } when e.ProblemType.EndsWith("reissue-used", StringComparison.Ordinal) => t[new Message("certificates.page.already-reissued")],
        { Status: 409 } => t[new Message("certificates.page.reissue-not-issued")],
        _ => t[new Message("certificates.page.failed")],
    };

    public static string ForRevoke(ProblemException e, Texts t) => e.Status switch
    {
        403 => t[new Message("certificates.page.revocation-forbidden")],
        409 => t[new Message("certificates.page.already-closed")],
        _ => t[new Message("certificates.page.failed")],
    };
}
