using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>
/// Which copy (联) of a certificate an organisation reads and which copies it may print (DOMAIN §2–§3):
/// the issuer reads copy 1 and prints 1–4; the police read and print copy 2; funeral homes and
/// cemeteries read and print copy 4; civil affairs reads copy 1 for supervision; departments that
/// stop benefits or release assets read a death notice without any medical data.
/// </summary>
public static class CertificateAccess
{
    public static CertificateViewKind? ViewFor(Actor actor, Certificate certificate)
    {
        if (actor.OrganisationId == certificate.IssuerOrganisationId) return CertificateViewKind.Copy1;
        return actor.OrganisationType switch
        {
            OrganisationType.CivilAffairs => CertificateViewKind.Copy1,
            OrganisationType.Police => CertificateViewKind.Copy2,
            OrganisationType.FuneralHome or OrganisationType.Cemetery => CertificateViewKind.Copy4,
            OrganisationType.SocialSecurity or OrganisationType.MedicalInsurance or OrganisationType.HousingFund
                or OrganisationType.Bank or OrganisationType.TrafficPolice or OrganisationType.DisabledPersonsFederation => CertificateViewKind.DeathNotice,
            _ => null,
        };
    }

    public static IReadOnlyList<int> PrintableCopies(Actor actor, Certificate certificate)
    {
        if (actor.OrganisationId == certificate.IssuerOrganisationId) return [1, 2, 3, 4];
        return actor.OrganisationType switch
        {
            OrganisationType.CivilAffairs => [1],
            OrganisationType.Police => [2],
            OrganisationType.FuneralHome or OrganisationType.Cemetery => [4],
            _ => [],
        };
    }

    /// <summary>The certifier role of a certifying organisation (staff) or that organisation's system.</summary>
    public static bool CanCertify(Actor actor) =>
        actor.OrganisationType.CanCertify() && (actor.IsInRole(Roles.Certifier) || actor.IsInRole(Roles.System));

    public static bool CanReview(Actor actor) =>
        actor.OrganisationType == OrganisationType.CivilAffairs && (actor.IsInRole(Roles.Supervisor) || actor.IsInRole(Roles.System));

    public static bool CanSupervise(Actor actor) => actor.OrganisationType == OrganisationType.CivilAffairs;

    /// <summary>The purpose recorded in the audit log for a read by this organisation (PIPL).</summary>
    public static string ReadPurpose(Actor actor) => actor.OrganisationType switch
    {
        OrganisationType.CivilAffairs => "supervision",
        OrganisationType.Police => "household-registration-cancellation",
        OrganisationType.FuneralHome => "funeral-service",
        OrganisationType.Cemetery => "burial",
        OrganisationType.SocialSecurity or OrganisationType.MedicalInsurance => "benefit-stop",
        OrganisationType.HousingFund or OrganisationType.Bank => "asset-release-to-heirs",
        _ => "certification",
    };
}
