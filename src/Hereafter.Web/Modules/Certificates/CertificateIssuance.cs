using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Data;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>What becoming issued does to a certificate, whether at once or after review.</summary>
public static class CertificateIssuance
{
    /// <summary>Marks the certificate issued at <paramref name="now"/> and records the time limits of DOMAIN §3.</summary>
    public static void MarkIssued(Certificate certificate, DateTimeOffset now)
    {
        certificate.Status = CertificateStatus.Issued;
        certificate.ActiveNumber = certificate.Number;
        certificate.ReportedAt = now;
        var deathDay = ChinaTime.DateOf(certificate.DeathAt);
        var reportDay = ChinaTime.DateOf(now);
        certificate.ReportedLate = WorkingDays.Between(deathDay, reportDay) > 5;
    }
}
