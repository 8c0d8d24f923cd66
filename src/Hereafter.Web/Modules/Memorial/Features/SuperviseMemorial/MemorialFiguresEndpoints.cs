using System.Globalization;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Excel;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Memorial.Features.SuperviseMemorial;

/// <summary>The bureau's figures as JSON for its own systems, and as the Excel workbook of the page.</summary>
public static class MemorialFiguresEndpoints
{
    public static RouteGroupBuilder MapMemorialFigures(this RouteGroupBuilder api)
    {
        api.MapGet("/figures", async (string? from, string? to, string? district, HttpContext http, MemorialFiguresHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), from, to, district, ct)))
            .RequireAuthorization()
            .WithSummary("Bookings and visits per site and China date (预约祭扫统计): ?from=YYYY-MM-DD&to=YYYY-MM-DD, default 14 days either side of today")
            .WithDescription("Civil affairs only. Each site-day with a published booking day: slots, people (capacity), booked (people), bookings (standing), "
                + "cancelled, visits (passes checked in) and visitors (their party sizes); totals over the period. At most 366 days. The dashboard's filter works too: "
                + "from=YYYY-MM&to=YYYY-MM (China months, at most 60) and district={six-digit code} (the sites' district); totals.bookings and totals.visits then "
                + "equal GET /api/v1/supervision/dashboard's memorial bookings and visits.")
            .Produces<MemorialFigures>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/figures/export.xlsx", async (string? from, string? to, string? district, HttpContext http, MemorialFiguresHandler handler, Texts t, CancellationToken ct) =>
            {
                var figures = await handler.HandleAsync(Actor.Require(http), from, to, district, ct);
                var name = $"memorial-figures-{figures.From:yyyyMMdd}-{figures.To:yyyyMMdd}.xlsx";
                return TypedResults.File(Workbook(figures, t), XlsxSheet.ContentType, name);
            })
            .RequireAuthorization()
            .WithSummary("The same figures as GET /api/v1/memorial/figures as an Excel workbook, the header in the request's language")
            .Produces(StatusCodes.Status200OK, contentType: XlsxSheet.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    public static byte[] Workbook(MemorialFigures figures, Texts t)
    {
        var header = new object?[] { t["公墓（骨灰堂）"], t["日期"], t["开放时段"], t["可约人数"], t["已约人数"], t["有效预约"], t["已取消"], t["入园次数"], t["入园人数"] };
        var rows = figures.Days.Select(d => new object?[]
        {
            d.SiteName, d.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.Slots, d.People, d.Booked, d.Bookings, d.Cancelled, d.Visits, d.Visitors,
        });
        var s = figures.Totals;
        var totals = new object?[] { t["合计"], $"{figures.From:yyyy-MM-dd} – {figures.To:yyyy-MM-dd}", s.Slots, s.People, s.Booked, s.Bookings, s.Cancelled, s.Visits, s.Visitors };
        return XlsxSheet.ToBytes(Texts.IsEnglish ? "Booking figures" : "预约祭扫统计", [22, 12, 10, 10, 10, 10, 10, 10, 10], [header, .. rows, totals]);
    }
}
