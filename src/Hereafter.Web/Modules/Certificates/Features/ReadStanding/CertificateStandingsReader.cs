using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Platform.Signing;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.ReadStanding;

/// <summary>Reads <see cref="CertificateStanding"/> for the closed loop of remains (ADR 0027).</summary>
public sealed class CertificateStandingsReader(HereafterDbContext db, CertificateTokens tokens) : ICertificateStandings
{
    public async Task<CertificateStanding?> ByNumberAsync(string number, CancellationToken ct)
    {
        var normalized = number.Trim().ToUpperInvariant();
        if (normalized.Length is 0 or > 40) return null;
        var id = await db.Set<Certificate>().AsNoTracking().Where(c => c.Number == normalized)
            .OrderByDescending(c => c.ActiveNumber != null).ThenByDescending(c => c.CertifiedAt)
            .Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return id is null ? null : await ByIdAsync(id.Value, ct);
    }

    public async Task<CertificateStanding?> ByScanAsync(string scanned, CancellationToken ct)
    {
        var token = scanned.Trim();
        // A scanner types the whole URL the QR code holds: {PublicBaseUrl}/verify/{token}.
        var slash = token.LastIndexOf('/');
        if (slash >= 0) token = token[(slash + 1)..];
        var check = await tokens.VerifyAsync(token, ct);
        // Only a death certificate's token (format 1): a 火化证明's QR code names no certificate version.
        if (!check.Valid || check.Payload is not { Format: CertificateTokens.Format }) return null;
        var version = await db.Set<CertificateVersion>().AsNoTracking().Where(v => v.Id == check.Payload.VersionId)
            .Select(v => new { v.CertificateId, v.Version, v.ContentDigest }).FirstOrDefaultAsync(ct);
        if (version is null || !string.Equals(version.ContentDigest, Convert.ToHexStringLower(check.Payload.ContentDigest), StringComparison.Ordinal))
            return null;
        var standing = await ByIdAsync(version.CertificateId, ct);
        if (standing is null) return null;
        var current = await db.Set<Certificate>().AsNoTracking().Where(c => c.Id == version.CertificateId).Select(c => c.CurrentVersion).FirstAsync(ct);
        return standing.Status == CertificateStandingStatus.Active && version.Version < current
            ? standing with { Status = CertificateStandingStatus.Superseded }
            : standing;
    }

    public async Task<CertificateStanding?> ByIdAsync(Guid certificateId, CancellationToken ct)
    {
        var row = await (from x in db.Set<Certificate>().AsNoTracking()
                         join o in db.Set<Organisation>() on x.IssuerOrganisationId equals o.Id
                         where x.Id == certificateId
                         select new { Certificate = x, Issuer = o.Name }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        var c = row.Certificate;
        var json = await db.Set<CertificateVersion>().AsNoTracking().Where(v => v.CertificateId == c.Id && v.Version == c.CurrentVersion)
            .Select(v => v.DataJson).FirstAsync(ct);
        var data = CertificateJson.Deserialize<CertificateData>(json);
        var status = c.Status switch
        {
            CertificateStatus.Issued => CertificateStandingStatus.Active,
            CertificateStatus.Revoked => CertificateStandingStatus.Revoked,
            _ => CertificateStandingStatus.NotIssued,
        };
        return new CertificateStanding(c.Id, c.Number, status, c.DecedentName, c.Sex,
            c.NumberKind == CertificateNumberKind.CitizenId ? c.Number : null, c.DeathAt, data.Decedent.HouseholdAddress, row.Issuer, c.RevocationReason);
    }
}
