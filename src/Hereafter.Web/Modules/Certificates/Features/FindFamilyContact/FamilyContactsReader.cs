using Hereafter.Domain.Certificates;
using Hereafter.Domain.Identity;
using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Data;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Certificates.Features.FindFamilyContact;

/// <summary>Reads active certificates and their informant for the family portal through <see cref="ICertificateFamilyContacts"/>.</summary>
internal sealed class FamilyContactsReader(HereafterDbContext db) : ICertificateFamilyContacts
{
    public async Task<CertificateFamilyContact?> FindActiveAsync(string certificateNumber, string decedentName, CancellationToken ct)
    {
        // The number as the certificate module stores it: no spaces or hyphens, full-width folded, upper case.
        var number = IdNumber.Normalize(certificateNumber).ToUpperInvariant();
        var name = RollNormalisation.NormalizeName(decedentName);
        if (number.Length is 0 or > 32 || name.Length is 0 or > 50) return null;
        var found = await (
                from c in db.Set<Certificate>().AsNoTracking()
                join v in db.Set<CertificateVersion>() on new { c.Id, V = c.CurrentVersion } equals new { Id = v.CertificateId, V = v.Version }
                where c.ActiveNumber == number && c.Status == CertificateStatus.Issued
                select new { c.Id, c.Number, c.DecedentName, v.DataJson })
            .FirstOrDefaultAsync(ct);
        if (found is null || !string.Equals(RollNormalisation.NormalizeName(found.DecedentName), name, StringComparison.Ordinal)) return null;
        var informant = CertificateJson.Deserialize<CertificateData>(found.DataJson).Informant;
        return new CertificateFamilyContact(found.Id, found.Number, found.DecedentName, informant.Name, informant.Phone);
    }
}
