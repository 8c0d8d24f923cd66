using Hereafter.Domain.Identity;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Custody.Features.VerifyCremationCertificate;

/// <summary>
/// Answers a scanned 火化证明 QR code for the public verification page (ADR 0029): the certificate the signed token names
/// must exist with the signed content digest; the paper holding the current token is <c>valid</c> (<c>written-off</c>
/// once the ashes were placed), one replaced by a reissue <c>superseded</c>. Masked name and ID only, with the funeral home as the issuer.
/// </summary>
public sealed class CremationCertificateVerification(HereafterDbContext db) : ICremationCertificateVerification
{
    public async Task<VerificationResult?> VerifyAsync(Guid cremationCertificateId, byte[] contentDigest, string token, CancellationToken ct)
    {
        var row = await (from c in db.Set<CremationCertificate>().AsNoTracking()
                         join r in db.Set<CustodyRecord>() on c.CustodyId equals r.Id
                         join o in db.Set<Organisation>() on c.FuneralHomeId equals o.Id
                         where c.Id == cremationCertificateId
                         select new { c.Token, c.ContentDigest, c.Number, c.WrittenOffAt, r.DecedentName, r.DecedentIdNumber, r.DeathAt, r.CrematedAt, Home = o.Name, o.Code })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.Token is null) return null;
        var current = string.Equals(row.Token, token, StringComparison.Ordinal);
        // The signature is already checked: a genuine older token of this certificate is the paper a reissue replaced.
        if (current && !string.Equals(row.ContentDigest, Convert.ToHexStringLower(contentDigest), StringComparison.Ordinal)) return null;
        // The paper that was used for the burial stays genuine proof of the cremation, marked as spent.
        var status = !current ? "superseded" : row.WrittenOffAt is null ? "valid" : "written-off";
        return new VerificationResult(status,
            PersonalDataMask.Name(row.DecedentName),
            row.DecedentIdNumber is null ? null : PersonalDataMask.IdNumber(row.DecedentIdNumber),
            ChinaTime.Date(row.DeathAt), row.Home)
        {
            IssuerCode = row.Code,
            Document = VerifiedDocuments.CremationCertificate,
            Number = row.Number,
            DateOfCremation = row.CrematedAt is { } at ? ChinaTime.Date(at) : null,
        };
    }
}
