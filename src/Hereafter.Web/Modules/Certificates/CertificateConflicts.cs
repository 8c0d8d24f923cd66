using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Errors;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>The 409 answers that more than one certificate use case gives.</summary>
public static class CertificateConflicts
{
    public static ProblemException Duplicate() => ProblemException.Conflict(
        new Message("certificates.certificate.duplicate"),
        "https://hereafter.example/problems/duplicate-certificate");

    public static ProblemException ChangedMeanwhile() => ProblemException.Conflict(
        new Message("certificates.certificate.changed-meanwhile"),
        "https://hereafter.example/problems/certificate-changed");
}
