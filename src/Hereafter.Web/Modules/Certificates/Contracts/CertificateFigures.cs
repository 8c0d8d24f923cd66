using Hereafter.Web.Platform.Figures;

namespace Hereafter.Web.Modules.Certificates.Contracts;

/// <summary>A count under a key (an issuer type code, a warning code).</summary>
public sealed record KeyedCount(string Key, int Count);

/// <summary>
/// One China month of certificates, by the month they were certified in. <see cref="Issued"/> counts certificates
/// that were issued (held ones once the review issued them; rejected ones never); <see cref="CertifiedWithinDay"/>
/// those certified within a day of the death, <see cref="ReportedInTime"/> those reported within five working days;
/// <see cref="DuplicatesReviewed"/> the possible duplicates whose review was decided in the month (by the date of the
/// decision); <see cref="WithWarnings"/> the issued ones that carry at least one data-quality warning.
/// </summary>
public sealed record CertificateMonthFigures(string Month, int Issued, int CertifiedWithinDay, int ReportedInTime, int DuplicatesReviewed, int WithWarnings);

/// <summary>The certificates' figures for a <see cref="FigureFilter"/>: totals, by issuer type and by warning kind, and per month.</summary>
public sealed record CertificateFigures(
    int Issued, int CertifiedWithinDay, int ReportedInTime, int DuplicatesReviewed, int DuplicatesPending, int WithWarnings,
    IReadOnlyList<KeyedCount> ByIssuerType, IReadOnlyList<KeyedCount> WarningsByKind, IReadOnlyList<CertificateMonthFigures> Months)
{
    /// <summary>Share of issued certificates certified within a day, in percent (null when none was issued).</summary>
    public decimal? CertifiedWithinDayPercent => Percent(CertifiedWithinDay, Issued);
    public decimal? ReportedInTimePercent => Percent(ReportedInTime, Issued);

    public static decimal? Percent(int part, int whole) => whole == 0 ? null : Math.Round(100m * part / whole, 1);
}

/// <summary>
/// How other modules (the bureau's dashboard) read the certificates' figures: by certification month (China time) and
/// the issuer's district (its organisation's region code). Counts only, no personal data.
/// </summary>
public interface ICertificateFigures
{
    Task<CertificateFigures> ForAsync(FigureFilter filter, CancellationToken ct);

    /// <summary>
    /// The ids of certificates whose issuer is in <paramref name="district"/>, as a query other modules compose into
    /// their own (a death case lies in the district of its certificate's issuer).
    /// </summary>
    IQueryable<Guid> CertificateIdsIssuedIn(string district);

    /// <summary>
    /// The citizen ID numbers of the people whose issued certificate's issuer is in <paramref name="district"/> (the
    /// certificate number, as the death register for 应停未停 gives it), as a query other modules compose into their own
    /// (a benefit stop lies in the district of its death certificate's issuer). A revoked certificate places nobody.
    /// </summary>
    IQueryable<string> DecedentIdNumbersIssuedIn(string district);
}
