using Hereafter.Web.Platform.Figures;

namespace Hereafter.Web.Modules.Custody.Contracts;

/// <summary>The closed loop's page addresses (opaque ids only: never an ID number in a URL).</summary>
public static class CustodyPages
{
    /// <summary>The funeral home's counter: cases that chose it, pickup by scan or number, bodies in its care.</summary>
    public const string Counter = "/custody";

    /// <summary>One record: state, timeline, document checklist and the next step's form.</summary>
    public static string Record(Guid custodyId) => $"/custody/{custodyId:N}";

    /// <summary>The counter's entry of a signed paper 遗体火化确认书 (phone width).</summary>
    public static string Consent(Guid custodyId) => $"/custody/{custodyId:N}/consent";

    /// <summary>
    /// The person in charge's own phone page for signing the 遗体火化确认书 (family portal sign-in, ADR 0029), opened from
    /// the QR code on <see cref="Consent"/>: <paramref name="code"/> is a sealed, expiring code naming the record only.
    /// </summary>
    public static string PhoneConsent(string code) => $"/family/cremation-consent/{code}";

    /// <summary>Cremation and the 火化证明 (issue, collection, reissue).</summary>
    public static string Cremation(Guid custodyId) => $"/custody/{custodyId:N}/cremation";

    /// <summary>The 火化证明 as an A4 PDF.</summary>
    public static string CremationCertificatePdf(Guid custodyId) => $"/custody/{custodyId:N}/cremation-certificate.pdf";

    /// <summary>The ashes: agreement, destination, release.</summary>
    public static string Ashes(Guid custodyId) => $"/custody/{custodyId:N}/ashes";

    /// <summary>A cemetery's or columbarium's plot sales and burial records.</summary>
    public const string Burials = "/custody/burials";

    /// <summary>The bureau's view of the loop: counts by stage and institution, what is overdue and why.</summary>
    public const string Supervision = "/supervision/custody";

    /// <summary>
    /// The bureau's list of the records behind a figure of <see cref="CustodyFigures"/>: those that reached a step
    /// (<paramref name="dated"/>: picked-up, cremated or placed) in the filter's months, in its district.
    /// </summary>
    public static string SupervisionStep(FigureFilter filter, string dated) =>
        $"{Supervision}?overdue=false&dated={dated}&from={filter.FirstDate:yyyy-MM-dd}&to={filter.LastDate:yyyy-MM-dd}{District(filter)}#records";

    /// <summary>The bureau's list of the records overdue now for one reason (over-storage-limit, placement-overdue, unclaimed), in the filter's district.</summary>
    public static string SupervisionOverdue(FigureFilter filter, string reason) =>
        $"{Supervision}?overdue=true&reason={reason}{District(filter)}#records";

    private static string District(FigureFilter filter) => filter.District is { } d ? "&district=" + d : "";

    /// <summary>Follow-up letters (reminders, 骨灰去向告知函) listed for the bureau to send.</summary>
    public const string FollowUp = "/supervision/custody/follow-up";

    /// <summary>One follow-up letter as an A4 PDF (the bureau prints and sends it).</summary>
    public static string FollowUpLetterPdf(Guid letterId) => $"/supervision/custody/follow-up/letters/{letterId:N}.pdf";
}
