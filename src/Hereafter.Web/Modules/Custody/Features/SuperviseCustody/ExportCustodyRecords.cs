using Hereafter.Domain.Custody;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Features.ListCustodyRecords;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Excel;
using Hereafter.Web.Platform.Localization;

namespace Hereafter.Web.Modules.Custody.Features.SuperviseCustody;

/// <summary>
/// The list as the page shows it, as an Excel workbook: every record the filters select (not one page), names and ID
/// numbers masked, the header in the page's language. The file name says what and when, never whom.
/// </summary>
public static class ExportCustodyRecordsEndpoint
{
    public static RouteGroupBuilder MapExportCustodyRecords(this RouteGroupBuilder api)
    {
        api.MapGet("/export.xlsx", async (string? state, bool? overdue, Guid? institution, string? from, string? to, string? district, string? reason, string? dated,
                HttpContext http, ListCustodyRecordsHandler handler, Texts t, TimeProvider clock, CancellationToken ct) =>
            {
                var items = await handler.AllAsync(Actor.Require(http), new CustodyListQuery(state, overdue ?? false, institution, from, to) { District = district, Reason = reason, Dated = dated }, ct);
                var name = $"custody-{(overdue == true ? "overdue" : "records")}-{ChinaTime.Today(clock):yyyyMMdd}.xlsx";
                return TypedResults.File(Workbook(items, t), XlsxSheet.ContentType, name);
            })
            .WithSummary("The same records as GET /api/v1/custody (same filters, all pages) as an Excel workbook, names and ID numbers masked")
            .Produces(StatusCodes.Status200OK, contentType: XlsxSheet.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return api;
    }

    public static byte[] Workbook(IReadOnlyList<CustodyListItem> items, Texts t)
    {
        var english = Texts.IsEnglish;
        var header = new object?[]
        {
            t["逝者"], t["证件号码"], t["环节"], t["殡仪馆"], t["安放单位"], t["接运时间"], t["进入该环节时间"], t["超期原因"], t["超期起始"],
        };
        var rows = items.Select(i => new object?[]
        {
            i.MaskedName, i.MaskedIdNumber, english ? i.State.EnglishName() : i.State.ChineseName(), i.FuneralHome, i.PlacementInstitution,
            ChinaTime.Minutes(i.PickedUpAt), ChinaTime.Minutes(i.Since),
            i.Overdue is { } r ? english ? r.EnglishName() : r.ChineseName() : null,
            i.OverdueSince is { } since ? ChinaTime.Date(since) : null,
        });
        return XlsxSheet.ToBytes(english ? "Custody" : "遗体与骨灰", [10, 22, 14, 22, 22, 18, 18, 16, 12], rows.Prepend(header));
    }
}
