using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates.Features.IssueCertificate;

/// <summary>
/// The pages' own words for a handler's refusal: <see cref="ProblemException"/> titles are English API text,
/// so each page situation gets a Chinese sentence (translated by <see cref="Texts"/> when the page is English).
/// </summary>
public static class ProblemMessages
{
    public static string ForIssue(ProblemException e, Texts t) => e.Status switch
    {
        403 => t["您所在的机构或您的账号无权出具死亡医学证明"],
        409 => t["该人员已有有效的死亡医学证明，不能重复出具"],
        _ => t["操作未能完成，请稍后重试"],
    };

    public static string ForRead(ProblemException e, Texts t) => e.Status switch
    {
        403 => t["无权查看该死亡医学证明"],
        404 => t["未找到该死亡医学证明"],
        _ => t["操作未能完成，请稍后重试"],
    };

    public static string ForCorrection(ProblemException e, Texts t) => e switch
    {
        { Status: 403 } => t["只有出具单位的医师可以更正该证明"],
        { Status: 404 } => t["未找到该死亡医学证明"],
        { Status: 409, ProblemType: not null } when e.ProblemType.EndsWith("correction-used", StringComparison.Ordinal) => t["该证明已更正过一次，不能再次更正"],
        { Status: 409, ProblemType: not null } when e.ProblemType.EndsWith("duplicate-certificate", StringComparison.Ordinal) => t["该人员已有有效的死亡医学证明，不能重复出具"],
        { Status: 409 } => t["只有已出具的证明可以更正"],
        _ => t["操作未能完成，请稍后重试"],
    };

    public static string ForReissue(ProblemException e, Texts t) => e switch
    {
        { Status: 403 } => t["只有出具单位的医师可以补发该证明"],
        { Status: 409, ProblemType: not null } when e.ProblemType.EndsWith("reissue-used", StringComparison.Ordinal) => t["该证明已补发过一次"],
        { Status: 409 } => t["只有已出具的证明可以补发"],
        _ => t["操作未能完成，请稍后重试"],
    };

    public static string ForRevoke(ProblemException e, Texts t) => e.Status switch
    {
        403 => t["只有出具单位的医师可以撤销该证明"],
        409 => t["该证明已撤销或已驳回"],
        _ => t["操作未能完成，请稍后重试"],
    };
}
