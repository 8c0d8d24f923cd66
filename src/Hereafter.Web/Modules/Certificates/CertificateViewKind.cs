using System.Text.Json.Serialization;

namespace Hereafter.Web.Modules.Certificates;

/// <summary>
/// What an organisation reads of a certificate (<see cref="CertificateAccess.ViewFor"/>): copy 1, 2 or 4 (联), or the
/// death notice without medical data. Sent and audited as its code (<c>copy-1</c>, …, <c>death-notice</c>).
/// </summary>
public enum CertificateViewKind
{
    [JsonStringEnumMemberName("copy-1")] Copy1,
    [JsonStringEnumMemberName("copy-2")] Copy2,
    [JsonStringEnumMemberName("copy-4")] Copy4,
    DeathNotice,
}
