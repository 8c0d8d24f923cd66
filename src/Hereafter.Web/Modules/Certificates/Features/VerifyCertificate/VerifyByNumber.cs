using Hereafter.Domain.Identity;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.LookupCertificate;
using Hereafter.Web.Platform.Audit;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.VerifyCertificate;

/// <summary>
/// The public's check of a certificate on paper without its QR code: by its number and the deceased's name (民政
/// 部门、银行柜台、殡葬服务机构 verifying what a family shows them). The answer is only valid, superseded (corrected:
/// check the paper is the latest version), revoked or not found, with the masked name and the issuer; a number whose
/// name does not match is "not found", so a number alone reveals nothing. Each lookup is audited (by the number's
/// hash, never the number) and the form is rate-limited per client address (<c>RateLimits:VerifyLookup</c>).
/// </summary>
public sealed class VerifyByNumberHandler(HereafterDbContext db, AuditLog audit)
{
    public static readonly VerificationResult NotFound = new(VerificationStatus.NotFound.ToCode(), null, null, null, null);

    public async Task<VerificationResult> HandleAsync(string number, string name, CancellationToken ct)
    {
        var normalized = number.Trim().ToUpperInvariant();
        var nameKey = DecedentNameKey.Of(name.Trim());
        var row = normalized.Length is 0 or > 40 || nameKey.Length is 0 or > 100 ? null : await (
                from c in db.Set<Certificate>().AsNoTracking()
                join o in db.Set<Organisation>() on c.IssuerOrganisationId equals o.Id
                where c.Number == normalized
                orderby c.ActiveNumber != null descending, c.CertifiedAt descending
                select new { c.Status, c.Corrected, c.NameKey, c.DecedentName, c.Number, c.NumberKind, c.DeathAt, Issuer = o.Name, IssuerCode = o.Code })
            .FirstOrDefaultAsync(ct);
        var status = row is null || !string.Equals(row.NameKey, nameKey, StringComparison.Ordinal) ? VerificationStatus.NotFound : row.Status switch
        {
            CertificateStatus.Issued when row.Corrected => VerificationStatus.Superseded,
            CertificateStatus.Issued => VerificationStatus.Valid,
            CertificateStatus.Revoked => VerificationStatus.Revoked,
            _ => VerificationStatus.NotFound,
        };
        await audit.RecordAsync(null, "certificate.public-lookup", $"certificate-number-hash:{CertificateLookups.Hash(normalized)}",
            "public-verification", status.ToCode(), ct);
        if (status == VerificationStatus.NotFound || row is null) return NotFound;
        return new VerificationResult(status.ToCode(),
            PersonalDataMask.Name(row.DecedentName),
            row.NumberKind == CertificateNumberKind.Unidentified ? null : PersonalDataMask.IdNumber(row.Number),
            ChinaTime.Date(row.DeathAt),
            row.Issuer) { IssuerCode = row.IssuerCode };
    }
}

/// <summary>
/// Settings of section <c>Verification:Contact</c>: whom the public verification pages tell people to contact when a
/// certificate is invalid, revoked or not found. The issuer's phone when known, else the civil-affairs help desk.
/// </summary>
public sealed class VerificationContactOptions
{
    public const string Section = "Verification:Contact";

    /// <summary>The civil-affairs help desk's name in Chinese, e.g. 贵阳市民政局.</summary>
    public string HelpDesk { get; set; } = "";
    /// <summary>The same in English.</summary>
    public string HelpDeskEnglish { get; set; } = "";
    /// <summary>Its phone, e.g. the 12345 government service hotline.</summary>
    public string HelpPhone { get; set; } = "";
    /// <summary>Phones of issuing organisations by organisation code.</summary>
    public Dictionary<string, string> IssuerPhones { get; set; } = new(StringComparer.Ordinal);
}
