namespace Hereafter.Domain.Custody;

/// <summary>A document of the loop's set (一证三书一函).</summary>
public enum CustodyDocument
{
    /// <summary>火化证明 (the 证).</summary>
    CremationCertificate,
    /// <summary>遗体火化确认书.</summary>
    CremationConsent,
    /// <summary>骨灰安放（葬）协议.</summary>
    AshesAgreement,
    /// <summary>骨灰去向承诺书 (only when the ashes are taken home).</summary>
    AshesUndertaking,
    /// <summary>骨灰去向告知函 to the township of household registration (only when a placement is overdue).</summary>
    TownshipNotice,
}

/// <summary>
/// Guiyang's "一证三书一函" is not published as a list (DOMAIN.md §7): the set is configuration, with this default —
/// 证 = 火化证明; 三书 = 遗体火化确认书, 骨灰安放（葬）协议, 骨灰去向承诺书; 函 = 骨灰去向告知函.
/// </summary>
public static class CustodyDocuments
{
    public static readonly IReadOnlyList<CustodyDocument> DefaultSet =
    [
        CustodyDocument.CremationCertificate, CustodyDocument.CremationConsent, CustodyDocument.AshesAgreement,
        CustodyDocument.AshesUndertaking, CustodyDocument.TownshipNotice,
    ];

    public static string ChineseName(this CustodyDocument document) => document switch
    {
        CustodyDocument.CremationCertificate => "火化证明",
        CustodyDocument.CremationConsent => "遗体火化确认书",
        CustodyDocument.AshesAgreement => "骨灰安放（葬）协议",
        CustodyDocument.AshesUndertaking => "骨灰去向承诺书",
        CustodyDocument.TownshipNotice => "骨灰去向告知函",
        _ => document.ToString(),
    };

    public static string EnglishName(this CustodyDocument document) => document switch
    {
        CustodyDocument.CremationCertificate => "Cremation certificate",
        CustodyDocument.CremationConsent => "Cremation consent",
        CustodyDocument.AshesAgreement => "Ashes placement agreement",
        CustodyDocument.AshesUndertaking => "Undertaking on the ashes' destination",
        CustodyDocument.TownshipNotice => "Notice to the township",
        _ => document.ToString(),
    };

    /// <summary>
    /// Whether the record needs this document now: the undertaking only for ashes taken home, the township notice only
    /// once a placement is overdue; the others always.
    /// </summary>
    public static bool Applies(CustodyDocument document, CustodyFacts facts, bool placementOverdue) => document switch
    {
        CustodyDocument.AshesUndertaking => facts.Destination == AshesDestination.TakenHome,
        CustodyDocument.TownshipNotice => placementOverdue,
        _ => true,
    };

    /// <summary>Whether the facts show the document done (the township notice is the follow-up's to tell).</summary>
    public static bool Done(CustodyDocument document, CustodyFacts facts) => document switch
    {
        CustodyDocument.CremationCertificate => facts.CremationCertificateIssued,
        CustodyDocument.CremationConsent => facts.Consent is not null,
        CustodyDocument.AshesAgreement => facts.Destination is not null,
        CustodyDocument.AshesUndertaking => facts.Undertaking,
        _ => false,
    };
}
