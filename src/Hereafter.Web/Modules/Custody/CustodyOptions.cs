using Hereafter.Domain.Custody;
using Hereafter.Web.Platform.Data;

namespace Hereafter.Web.Modules.Custody;

/// <summary>Settings of section <c>Custody</c> (docs/configuration.md).</summary>
public sealed class CustodyOptions
{
    public const string Section = "Custody";

    /// <summary>Days a body is stored after arrival before it counts as over the limit without an extension (通常不超过 3 天).</summary>
    public int StorageDays { get; set; } = 3;

    /// <summary>Days after the ashes' release without a confirmed placement before the reminder and the township notice (default 90).</summary>
    public int PlacementFollowUpDays { get; set; } = 90;

    /// <summary>Days ashes stay stored and unclaimed before they enter the 无主骨灰 procedure (default a year).</summary>
    public int UnclaimedAfterDays { get; set; } = 365;

    /// <summary>How often the follow-up job (letters, 无主骨灰) runs: once per this many minutes across all nodes.</summary>
    public int FollowUpIntervalMinutes { get; set; } = 60;

    /// <summary>
    /// The document set of "一证三书一函" shown on every record as a checklist, as codes (<c>cremation-certificate</c>,
    /// <c>cremation-consent</c>, <c>ashes-agreement</c>, <c>ashes-undertaking</c>, <c>township-notice</c>); the DOMAIN §7
    /// default when empty. An unknown code stops the start with its name.
    /// </summary>
    public List<string> Documents { get; set; } = [];

    public IReadOnlyList<CustodyDocument> DocumentSet =>
        Documents.Count > 0 ? [.. Documents.Select(EnumCodes<CustodyDocument>.Parse).Distinct()] : CustodyDocuments.DefaultSet;
}
