using Hereafter.Domain.Time;
using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Signing;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;

/// <summary>
/// Public verification of a scanned QR token: the SM2 signature must verify, the version must exist and
/// its content digest must match the signed one; then the status is valid, superseded or revoked.
/// Only masked data is returned. Nothing personal is in the token itself.
/// </summary>
public sealed class VerifyCertificateHandler(
    HereafterDbContext db, CertificateTokens tokens, VerificationCache cache, TimeProvider clock, IEnumerable<ICremationCertificateVerification> cremations)
{
    public static readonly VerificationResult Invalid = new(VerificationStatus.Invalid.ToCode(), null, null, null, null);

    private static readonly System.Text.Json.JsonSerializerOptions Json = Platform.Json.PlatformJson.Options;
    private static readonly CachedVerification InvalidAnswer = new(Invalid, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(Invalid, Json));

    public async Task<VerificationResult> HandleAsync(string token, CancellationToken ct) => (await AnswerAsync(token, ct)).Result;

    private Task<CachedVerification> AnswerAsync(string token, CancellationToken ct)
    {
        _ = ct; // a verification started for one caller is shared with others: it is not cancelled with it
        if (string.IsNullOrWhiteSpace(token) || token.Length > 512) return Task.FromResult(InvalidAnswer);
        return cache.GetOrVerifyAsync(token, clock.GetUtcNow(), async () =>
        {
            var result = await VerifyAsync(token, CancellationToken.None);
            return result == Invalid ? InvalidAnswer : new CachedVerification(result, System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(result, Json));
        });
    }

    /// <summary>
    /// The endpoint's path: a cache hit answers with the stored JSON, without a request scope, this handler
    /// (and its DbContext) or serialising again. <paramref name="cache"/> and <paramref name="clock"/> are singletons.
    /// </summary>
    public static async Task<byte[]> AnswerJsonAsync(string token, HttpContext http, VerificationCache cache, TimeProvider clock)
    {
        if (cache.TryGet(token, clock.GetUtcNow(), out var cached)) return cached.Json;
        return (await http.RequestServices.GetRequiredService<VerifyCertificateHandler>().AnswerAsync(token, http.RequestAborted)).Json;
    }

    private async Task<VerificationResult> VerifyAsync(string token, CancellationToken ct)
    {
        // A signature never changes its verdict: it is remembered longer than the status.
        var check = await cache.CheckSignatureAsync(token, () => tokens.VerifyAsync(token));
        if (!check.Valid || check.Payload is null) return Invalid;
        if (check.Payload.Format == CertificateTokens.CremationFormat)
        {
            // A 火化证明 (ADR 0029): the module that issues it answers, masked like a certificate's answer.
            foreach (var cremation in cremations)
            {
                if (await cremation.VerifyAsync(check.Payload.VersionId, check.Payload.ContentDigest, token, ct) is { } answer) return answer;
            }
            return Invalid;
        }
        if (check.Payload.Format != CertificateTokens.Format) return Invalid;
        var row = await (from v in db.Set<CertificateVersion>().AsNoTracking()
                         join c in db.Set<Certificate>() on v.CertificateId equals c.Id
                         join o in db.Set<Platform.Organisations.Organisation>() on c.IssuerOrganisationId equals o.Id
                         where v.Id == check.Payload.VersionId
                         select new { v.Version, v.ContentDigest, v.Token, c.CurrentVersion, c.Status, c.DecedentName, c.Number, c.NumberKind, c.DeathAt, Issuer = o.Name, IssuerCode = o.Code })
            .FirstOrDefaultAsync(ct);
        if (row is null || row.Token is null) return Invalid;
        if (!string.Equals(row.ContentDigest, Convert.ToHexStringLower(check.Payload.ContentDigest), StringComparison.Ordinal)) return Invalid;
        var status = row.Status switch
        {
            CertificateStatus.Revoked => VerificationStatus.Revoked,
            CertificateStatus.Issued when row.Version < row.CurrentVersion => VerificationStatus.Superseded,
            CertificateStatus.Issued => VerificationStatus.Valid,
            _ => VerificationStatus.Invalid,
        };
        if (status == VerificationStatus.Invalid) return Invalid;
        return new VerificationResult(status.ToCode(),
            PersonalDataMask.Name(row.DecedentName),
            row.NumberKind == CertificateNumberKind.Unidentified ? null : PersonalDataMask.IdNumber(row.Number),
            ChinaTime.Date(row.DeathAt),
            row.Issuer) { IssuerCode = row.IssuerCode };
    }
}
