using Hereafter.Domain.Messages;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Figures;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Platform.Organisations;

/// <summary>A district (区县) the bureau's figures can be filtered by: its six-digit region code and its name.</summary>
public sealed record District(string Code, string Name);

/// <summary>
/// The districts that have organisations on the platform, from their <see cref="Organisation.RegionCode"/>. City-level
/// bodies (a code ending in 00, 市本级) are no district: a figure is placed in a district by the organisation that made
/// it (the certificate's issuer, the funeral home, the cemetery).
/// </summary>
public sealed class DistrictDirectory(HereafterDbContext db)
{
    public async Task<IReadOnlyList<District>> ListAsync(CancellationToken ct)
    {
        var rows = await db.Set<Organisation>().AsNoTracking()
            .Where(o => o.RegionCode.Length == 6 && !o.RegionCode.EndsWith("00"))
            .Select(o => new { o.RegionCode, o.District }).Distinct().ToListAsync(ct);
        return [.. rows.GroupBy(r => r.RegionCode).Select(g => new District(g.Key, g.Select(r => r.District).Min(StringComparer.Ordinal) ?? g.Key))
            .OrderBy(d => d.Code, StringComparer.Ordinal)];
    }

    /// <summary>
    /// <see cref="FigureFilter.Parse"/> and then the check of <see cref="OfAsync"/>: the filter of a figure or of the list behind it,
    /// with the district it names (null for the whole city) and every district to choose from.
    /// </summary>
    public async Task<(FigureFilter Filter, District? District, IReadOnlyList<District> Districts)> ParseAsync(
        string? from, string? to, string? district, TimeProvider clock, CancellationToken ct)
    {
        var filter = FigureFilter.Parse(from, to, district, clock);
        var all = await ListAsync(ct);
        return (filter, Known(all, filter.District), all);
    }

    /// <summary>
    /// The district a parsed filter names (null for the whole city), for the lists behind the figures: 400 with the field
    /// error <c>figures.district-unknown</c> when the code is no district with organisations.
    /// </summary>
    public async Task<District?> OfAsync(FigureFilter filter, CancellationToken ct) =>
        filter.District is null ? null : Known(await ListAsync(ct), filter.District);

    private static District? Known(IReadOnlyList<District> all, string? code) =>
        code is null ? null : all.FirstOrDefault(d => d.Code == code)
            ?? throw new FieldValidationException("district", new Message("figures.district-unknown").With("code", code));
}
