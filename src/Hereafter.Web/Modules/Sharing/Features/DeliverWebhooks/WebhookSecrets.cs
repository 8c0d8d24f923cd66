using Microsoft.AspNetCore.DataProtection;

namespace Hereafter.Web.Modules.Sharing.Features.DeliverWebhooks;

/// <summary>Webhook secrets are stored protected with this purpose and unprotected only to sign a delivery.</summary>
public static class WebhookSecrets
{
    public const string ProtectorPurpose = "Hereafter.Sharing.WebhookSecret.v1";

    public static IDataProtector Protector(IDataProtectionProvider provider) => provider.CreateProtector(ProtectorPurpose);
}
