using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>
/// The <see cref="CertificateChanged"/> payload: written to the outbox with each change, and read back as the
/// certificate stands for <see cref="ICertificateContent"/>.
/// </summary>
public sealed class CertificateChangedEvents(HereafterDbContext db, Platform.Outbox.Outbox outbox, CertificateFinder finder) : ICertificateContent
{
    /// <summary>Writes the integration event for this change into the same unit of work.</summary>
    public async Task PublishAsync(string type, Certificate certificate, string? previousNumber, string? reason, CancellationToken ct)
    {
        var json = await db.Set<CertificateVersion>().Where(v => v.CertificateId == certificate.Id && v.Version == certificate.CurrentVersion)
            .Select(v => v.DataJson).FirstAsync(ct); // saved by the caller in this transaction
        outbox.Add(type, await PayloadAsync(certificate, json, previousNumber, reason, ct), CertificateEventTypes.OrderingKey(certificate.Id));
    }

    /// <summary>The event payload describing a certificate as it stands.</summary>
    public async Task<CertificateChanged?> CurrentAsync(Guid certificateId, CancellationToken ct)
    {
        var certificate = await db.Set<Certificate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == certificateId, ct);
        if (certificate is null) return null;
        var json = await db.Set<CertificateVersion>().AsNoTracking()
            .Where(v => v.CertificateId == certificate.Id && v.Version == certificate.CurrentVersion).Select(v => v.DataJson).FirstAsync(ct);
        return await PayloadAsync(certificate, json, null, null, ct);
    }

    private async Task<CertificateChanged> PayloadAsync(Certificate certificate, string json, string? previousNumber, string? reason, CancellationToken ct)
    {
        var issuer = await finder.OrganisationAsync(certificate.IssuerOrganisationId, ct);
        return new CertificateChanged(certificate.Id, certificate.Number, previousNumber, certificate.CurrentVersion, certificate.Status.ToCode(),
            issuer.Id, issuer.Name, certificate.CertifiedAt, CertificateJson.Deserialize<CertificateData>(json), reason);
    }
}
