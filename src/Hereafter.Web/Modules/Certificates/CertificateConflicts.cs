using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>The 409 answers that more than one certificate use case gives.</summary>
public static class CertificateConflicts
{
    public static ProblemException Duplicate() => ProblemException.Conflict(
        "An active certificate already exists for this person (one active certificate per person).",
        "https://hereafter.example/problems/duplicate-certificate");

    public static ProblemException ChangedMeanwhile() => ProblemException.Conflict(
        Texts.IsEnglish
            ? "This certificate was changed by someone else at the same moment; nothing was saved. Reload it and decide again."
            : "该证明刚刚被他人修改，本次操作未保存。请刷新后重新操作。",
        "https://hereafter.example/problems/certificate-changed");
}
