using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Signing;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>A certificate's content versions: creating one with its digest, signing it, reading the current one.</summary>
public sealed class CertificateVersions(HereafterDbContext db, CertificateTokens tokens, TimeProvider clock)
{
    /// <summary>Creates a version with its digest and, when the certificate is issued, its signed token.</summary>
    public async Task<CertificateVersion> AddAsync(Certificate certificate, NormalizedCertificate content,
        IReadOnlyList<QualityWarning> warnings, Actor actor, string? reason, CancellationToken ct)
    {
        var json = CertificateJson.Serialize(content.Data);
        var version = new CertificateVersion
        {
            Id = Guid.NewGuid(),
            CertificateId = certificate.Id,
            Version = certificate.CurrentVersion,
            DataJson = json,
            WarningsJson = CertificateJson.Serialize(warnings.Select(w => new { w.Code, w.Path, w.Chinese, w.English })),
            AgeYears = content.AgeYears,
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = actor.Name,
            Reason = reason,
        };
        version.ContentDigest = Convert.ToHexStringLower(CertificateTokens.Digest(Canonical(certificate.Number, version.Version, json)));
        if (certificate.Status == CertificateStatus.Issued) await SignAsync(version, ct);
        db.Add(version);
        return version;
    }

    public static string Canonical(string number, int version, string json) => $"{number}\n{version}\n{json}";

    public async Task SignAsync(CertificateVersion version, CancellationToken ct)
    {
        _ = ct;
        version.Token = await tokens.SignAsync(new CertificateTokenPayload(version.Id, Convert.FromHexString(version.ContentDigest), clock.GetUtcNow()));
    }

    /// <summary>The version the certificate stands at, read-only.</summary>
    public Task<CertificateVersion> CurrentAsync(Certificate certificate, CancellationToken ct) =>
        db.Set<CertificateVersion>().AsNoTracking()
            .FirstAsync(v => v.CertificateId == certificate.Id && v.Version == certificate.CurrentVersion, ct);
}
