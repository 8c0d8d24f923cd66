using Hereafter.Domain.Certificates;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Signing;

namespace Hereafter.Web.Modules.Custody.Features.IssueCremationCertificate;

/// <summary>
/// The fields of a 火化证明 (DOMAIN.md §7): name, sex, ID, death time, cremation time, number, seal (the funeral home's
/// name as the seal's text) and issue date; as printed, and as the canonical text whose SM3 digest the QR token signs.
/// </summary>
public sealed record CremationCertificateContent(
    string Number, string DecedentName, string Sex, string? IdNumber, DateTimeOffset DeathAt, DateTimeOffset CrematedAt,
    string FuneralHome, DateTimeOffset IssuedAt, bool Reissued)
{
    public static CremationCertificateContent Of(CustodyRecord record, CremationCertificate certificate, string funeralHome) => new(
        certificate.Number, record.DecedentName, record.Sex, record.DecedentIdNumber, record.DeathAt,
        record.CrematedAt ?? throw new InvalidOperationException("A 火化证明 is issued after the cremation."),
        funeralHome, certificate.ReissuedAt ?? certificate.IssuedAt, certificate.ReissuedAt is not null);

    /// <summary>性别 in words (the certificate's code list).</summary>
    public string SexWord(bool english = false) =>
        CodeLists.Sex.FirstOrDefault(e => e.Code == Sex)?.Label(english) ?? Sex;

    /// <summary>The issue date as printed (China date).</summary>
    public string IssueDate => ChinaTime.Date(IssuedAt);

    /// <summary>One line per field, in print order: what the token's digest covers.</summary>
    public string Canonical() => string.Join('\n',
        "火化证明", Number, DecedentName, Sex, IdNumber ?? "", ChinaTime.Minutes(DeathAt), ChinaTime.Minutes(CrematedAt), FuneralHome, IssueDate,
        Reissued ? "补发" : "");

    public byte[] Digest() => CertificateTokens.Digest(Canonical());
}
