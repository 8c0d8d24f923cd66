using Hereafter.Domain.Reconciliation;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.ReportFigures;

/// <summary>Reads <see cref="BookingFigures"/>: one grouped query per visit date (dates are China dates already).</summary>
public sealed class BookingFiguresReader(HereafterDbContext db) : IBookingFigures
{
    public async Task<BookingFigures> ForAsync(FigureFilter filter, CancellationToken ct)
    {
        var (first, last) = (filter.FirstDate, filter.LastDate);
        var sites = SitesIn(db, filter.District);
        var days = await (
            from b in db.Set<MemorialBooking>().AsNoTracking()
            join o in sites on b.InstitutionId equals o.Id
            where b.Date >= first && b.Date <= last && b.CancelledAt == null
            group b by b.Date into g
            select new
            {
                Date = g.Key, Bookings = g.Count(), People = g.Sum(b => b.PartySize),
                Visits = g.Count(b => b.CheckedInAt != null), Visitors = g.Sum(b => b.CheckedInAt != null ? b.PartySize : 0),
            }).ToListAsync(ct);
        var byMonth = days.GroupBy(d => YearMonth.Of(d.Date)).ToDictionary(g => g.Key);
        var months = filter.Months.Select(m => byMonth.TryGetValue(m, out var g)
            ? new BookingMonthFigures(m.ToString(), g.Sum(d => d.Bookings), g.Sum(d => d.People), g.Sum(d => d.Visits), g.Sum(d => d.Visitors))
            : new BookingMonthFigures(m.ToString(), 0, 0, 0, 0)).ToList();
        return new BookingFigures(months.Sum(m => m.Bookings), months.Sum(m => m.People), months.Sum(m => m.Visits), months.Sum(m => m.Visitors), months);
    }

    /// <summary>The sites (cemeteries, columbaria) whose bookings count for a district (all when null): the site's own region code.</summary>
    public static IQueryable<Organisation> SitesIn(HereafterDbContext db, string? district) =>
        db.Set<Organisation>().AsNoTracking().Where(o => district == null || o.RegionCode == district);
}
