using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Platform.Auth;

/// <summary>
/// OAuth 2.0 scopes a department system's client may be granted. A token request without a <c>scope</c> parameter gets
/// every scope its client is granted; one that names scopes gets those (an ungranted one is refused with invalid_scope).
/// </summary>
public static class DepartmentScopes
{
    /// <summary>Certificates: issue, correct, revoke (certifiers) and look up or read (departments).</summary>
    public const string Certificates = "hereafter.certificates";
    /// <summary>The department's change feed of integration events.</summary>
    public const string Events = "hereafter.events";
    /// <summary>Create and manage webhook subscriptions (enforced: creating one needs it).</summary>
    public const string Subscriptions = "hereafter.subscriptions";
    /// <summary>Death cases: the department's tasks and their outcomes.</summary>
    public const string Cases = "hereafter.cases";
    /// <summary>Payee-roll reconciliation uploads and results.</summary>
    public const string Reconciliation = "hereafter.reconciliation";
    /// <summary>Price lists, price changes and bills of funeral-service institutions.</summary>
    public const string Pricing = "hereafter.pricing";

    public static readonly IReadOnlyList<string> All = [Certificates, Events, Subscriptions, Cases, Reconciliation, Pricing];

    /// <summary>The scopes a department system of an organisation type is granted by default (and every demo client has).</summary>
    public static IReadOnlyList<string> For(OrganisationType organisationType) => organisationType switch
    {
        OrganisationType.Hospital or OrganisationType.HealthCentre => [Certificates],
        OrganisationType.Police => [Certificates, Events, Subscriptions, Cases],
        OrganisationType.CivilAffairs => [Certificates, Events, Subscriptions, Cases, Reconciliation, Pricing],
        OrganisationType.SocialSecurity or OrganisationType.MedicalInsurance or OrganisationType.HousingFund or OrganisationType.Bank
            => [Certificates, Events, Subscriptions, Cases, Reconciliation],
        OrganisationType.TrafficPolice or OrganisationType.DisabledPersonsFederation => [Certificates, Events, Subscriptions, Cases],
        OrganisationType.FuneralHome => [Certificates, Events, Subscriptions, Cases, Pricing],
        OrganisationType.Cemetery or OrganisationType.Columbarium or OrganisationType.ServiceShop => [Certificates, Pricing],
        _ => [Certificates],
    };
}
