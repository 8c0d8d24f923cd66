using System.Globalization;
using Hereafter.Domain.Messages;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Errors;
using Hereafter.Web.Platform.Figures;
using Hereafter.Web.Modules.Memorial.Features.ReportFigures;
using Hereafter.Web.Platform.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Hereafter.Web.Modules.Memorial.Features.SuperviseMemorial;

/// <summary>The sums of some site-days' figures.</summary>
public sealed record FigureTotals(int Slots, int People, int Booked, int Bookings, int Cancelled, int Visits, int Visitors)
{
    public static FigureTotals Of(IEnumerable<SiteDayFigures> days)
    {
        int slots = 0, people = 0, booked = 0, bookings = 0, cancelled = 0, visits = 0, visitors = 0;
        foreach (var d in days)
        {
            slots += d.Slots;
            people += d.People;
            booked += d.Booked;
            bookings += d.Bookings;
            cancelled += d.Cancelled;
            visits += d.Visits;
            visitors += d.Visitors;
        }
        return new(slots, people, booked, bookings, cancelled, visits, visitors);
    }
}

/// <summary>One site's days in the period, with their sums.</summary>
public sealed record SiteFigures(Guid Site, string SiteName, IReadOnlyList<SiteDayFigures> Days, FigureTotals Totals);

/// <summary><c>GET /api/v1/memorial/figures</c>: every site-day with a published booking day in the period (China dates, both included), and the totals.</summary>
public sealed record MemorialFigures(DateOnly From, DateOnly To, IReadOnlyList<SiteDayFigures> Days, FigureTotals Totals)
{
    /// <summary>With the dashboard's filter (months): the months asked for, as the dashboard names them.</summary>
    public string? FromMonth { get; init; }
    public string? ToMonth { get; init; }
    /// <summary>The district of the sites counted, or null for the whole city.</summary>
    public District? District { get; init; }

    /// <summary>The days by site, sites in name order.</summary>
    public IReadOnlyList<SiteFigures> BySite() =>
        [.. Days.GroupBy(d => (d.Site, d.SiteName)).OrderBy(g => g.Key.SiteName, StringComparer.Ordinal)
            .Select(g => new SiteFigures(g.Key.Site, g.Key.SiteName, [.. g.OrderBy(d => d.Date)], FigureTotals.Of(g)))];
}

/// <summary>
/// The bureau's figures of tomb-sweeping bookings and visits per site and China date (预约祭扫统计), read straight from
/// the booking tables: slots and capacity from <c>memorial_slots</c>, people booked from the slots' counters (what the
/// capacity checks hold), bookings, cancellations and checked-in visits from <c>memorial_bookings</c>. Counts only: no
/// personal data, so the read is not audited. The period is days (<c>from</c>, <c>to</c> as YYYY-MM-DD) or, as the
/// dashboard's figures take it, China months (YYYY-MM, <see cref="FigureFilter"/>); <c>district</c> keeps the sites of one
/// district, by the same rule as the dashboard's (<see cref="BookingFiguresReader.SitesIn"/>).
/// </summary>
public sealed class MemorialFiguresHandler(HereafterDbContext db, TimeProvider clock, DistrictDirectory districts)
{
    /// <summary>Days shown before and after today when the period is not given.</summary>
    public const int DefaultDays = 14;
    public const int MaxDays = 366;

    public Task<MemorialFigures> HandleAsync(Actor actor, string? from, string? to, CancellationToken ct) => HandleAsync(actor, from, to, null, ct);

    public async Task<MemorialFigures> HandleAsync(Actor actor, string? from, string? to, string? district, CancellationToken ct)
    {
        if (!MemorialAccess.Supervises(actor)) throw ProblemException.Forbidden(new Message("memorial.figures.supervision-only"));
        DateOnly first, last;
        FigureFilter? months = null;
        if (IsMonth(from) || IsMonth(to))
        {
            months = FigureFilter.Parse(from, to, district, clock);
            (first, last) = (months.FirstDate, months.LastDate);
        }
        else
        {
            (first, last) = Period(from, to, ChinaTime.Today(clock));
            months = string.IsNullOrWhiteSpace(district) ? null : FigureFilter.Parse(null, null, district, clock);
        }
        var area = months is null ? null : await districts.OfAsync(months, ct);
        var inArea = BookingFiguresReader.SitesIn(db, area?.Code).Select(o => o.Id);

        var slots = await db.Set<MemorialSlot>().AsNoTracking().Where(s => s.Date >= first && s.Date <= last && inArea.Contains(s.InstitutionId))
            .GroupBy(s => new { s.InstitutionId, s.Date })
            .Select(g => new { g.Key.InstitutionId, g.Key.Date, Slots = g.Count(), People = g.Sum(s => s.People), Booked = g.Sum(s => s.GeneralBooked + s.RecentBooked) })
            .ToListAsync(ct);
        var bookings = await db.Set<MemorialBooking>().AsNoTracking().Where(b => b.Date >= first && b.Date <= last && inArea.Contains(b.InstitutionId))
            .GroupBy(b => new { b.InstitutionId, b.Date })
            .Select(g => new
            {
                g.Key.InstitutionId, g.Key.Date,
                Bookings = g.Count(b => b.CancelledAt == null),
                Cancelled = g.Count(b => b.CancelledAt != null),
                Visits = g.Count(b => b.CheckedInAt != null),
                Visitors = g.Sum(b => b.CheckedInAt != null ? b.PartySize : 0),
            })
            .ToListAsync(ct);
        var sites = slots.Select(s => s.InstitutionId).Distinct().ToList();
        var names = await db.Set<Organisation>().AsNoTracking().Where(o => sites.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var byDay = bookings.ToDictionary(b => (b.InstitutionId, b.Date));

        var days = slots
            .Select(s =>
            {
                var b = byDay.GetValueOrDefault((s.InstitutionId, s.Date));
                return new SiteDayFigures(s.InstitutionId, names.GetValueOrDefault(s.InstitutionId, ""), s.Date, s.Slots, s.People, s.Booked,
                    b?.Bookings ?? 0, b?.Cancelled ?? 0, b?.Visits ?? 0, b?.Visitors ?? 0);
            })
            .OrderBy(d => d.SiteName, StringComparer.Ordinal).ThenBy(d => d.Date).ToList();
        var monthly = months is not null && (IsMonth(from) || IsMonth(to));
        return new MemorialFigures(first, last, days, FigureTotals.Of(days))
        {
            FromMonth = monthly ? months!.From.ToString() : null, ToMonth = monthly ? months!.To.ToString() : null, District = area,
        };
    }

    /// <summary>A period given in months (YYYY-MM), as the dashboard's links give it, rather than days.</summary>
    private static bool IsMonth(string? text) => text?.Trim().Length == 7;

    /// <summary>
    /// The period asked for: both dates, or one date and <see cref="DefaultDays"/> × 2 days from or up to it, or today ±
    /// <see cref="DefaultDays"/>; 400 for a malformed date, a reversed period or one longer than <see cref="MaxDays"/>.
    /// </summary>
    public static (DateOnly From, DateOnly To) Period(string? from, string? to, DateOnly today)
    {
        var errors = new FieldErrors();
        var asked = (From: Date(from, "from", errors), To: Date(to, "to", errors));
        errors.ThrowIfAny();
        var (first, last) = asked switch
        {
            ({ } f, { } t) => (f, t),
            ({ } f, null) => (f, f.AddDays(2 * DefaultDays)),
            (null, { } t) => (t.AddDays(-2 * DefaultDays), t),
            _ => (today.AddDays(-DefaultDays), today.AddDays(DefaultDays)),
        };
        if (last < first) errors.Add("to", new Message("memorial.figures.period-reversed"));
        else if (last.DayNumber - first.DayNumber + 1 > MaxDays) errors.Add("to", new Message("memorial.figures.period-too-long").With("max", MaxDays));
        errors.ThrowIfAny();
        return (first, last);
    }

    private static DateOnly? Date(string? text, string field, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        errors.Add(field, new Message("memorial.figures.date-invalid"));
        return null;
    }
}
