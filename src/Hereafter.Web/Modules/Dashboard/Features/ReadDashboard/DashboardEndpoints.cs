using Hereafter.Web.Modules.Certificates.Contracts;
using Hereafter.Web.Modules.Reconciliation.Contracts;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Excel;
using Hereafter.Web.Platform.Localization;
using Hereafter.Web.Platform.Organisations;

namespace Hereafter.Web.Modules.Dashboard.Features.ReadDashboard;

/// <summary>The dashboard as JSON for the bureau's own systems, and as the Excel workbook of the page.</summary>
public static class DashboardEndpoints
{
    private const string Parameters = "?from=YYYY-MM&to=YYYY-MM&district={six-digit region code}; default this year up to this month (China time), the whole city";

    public static RouteGroupBuilder MapReadDashboard(this RouteGroupBuilder api)
    {
        api.MapGet("/dashboard", async (string? from, string? to, string? district, HttpContext http, DashboardHandler handler, CancellationToken ct) =>
                TypedResults.Ok(await handler.HandleAsync(Actor.Require(http), from, to, district, ct)))
            .WithSummary("The bureau's dashboard (监管驾驶舱): every figure for a period of months and a district, " + Parameters)
            .WithDescription("Civil affairs' supervisors, clerks and system only (403 otherwise). Department tasks by the month they were created: per department, "
                + "answered by their acknowledge-by deadline, done, and overdue now (unanswered past the deadline). Funeral prices: institutions that must publish a price list, those with one in force at the end of the period (the disclosure rate), funerals billed (by service date, the billing institution's district) with the average and median cost per funeral against the baseline, price warnings raised, closed and open at the end. Certificates by the month they were certified: issued, by issuer type, "
                + "certified within a day of the death, reported within five working days, possible duplicates reviewed (by the month of the decision) and still held, "
                + "issued with data-quality warnings and the warnings by kind. Benefit stops (应停未停, per programme and month): stops identified and overpaid amounts identified (by the month found), "
                + "stops executed and monthly payments prevented (by the month payments stopped from), overpaid amounts recovered (by the recovery date); their district is the death certificate issuer's. A district filters by the issuing organisation's region code. 400 for a month that is not "
                + "YYYY-MM, a reversed period, more than 60 months, or a district that is not one of `districts`.")
            .Produces<DashboardFigures>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        api.MapGet("/dashboard.xlsx", async (string? from, string? to, string? district, HttpContext http, DashboardHandler handler, Texts t, CancellationToken ct) =>
            {
                var figures = await handler.HandleAsync(Actor.Require(http), from, to, district, ct);
                var name = $"dashboard-{figures.From}-{figures.To}{(figures.District is { } d ? "-" + d.Code : "")}.xlsx";
                return TypedResults.File(Workbook(figures, t), XlsxSheet.ContentType, name);
            })
            .WithSummary("The same figures as GET /api/v1/supervision/dashboard as an Excel workbook (one row per month and a total), the header in the request's language")
            .Produces(StatusCodes.Status200OK, contentType: XlsxSheet.ContentType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    /// <summary>One row per month and a total row: the certificates', the tasks' and the benefit stops' monthly columns.</summary>
    public static byte[] Workbook(DashboardFigures figures, Texts t)
    {
        var c = figures.Certificates;
        var area = figures.District?.Name ?? t["全市"];
        var k = figures.Tasks;
        var b = figures.BenefitStops;
        var p = figures.FuneralPrices;
        var u = figures.Custody;
        var header = new object?[] { t["月份"], t["签发证明"], t["死亡 1 天内出具"], t["5 个工作日内上报"], t["疑似重复已审核"], t["有数据质量提示"], t["部门任务"], t["按时签收"], t["已办结"],
            t["发现应停"], t["已执行停发"], t["发现多发金额（元）"], t["已追回金额（元）"], t["每月止付金额（元）"],
            t["结算的丧事（例）"], t["每例平均费用（元）"], t["每例费用中位数（元）"], t["新增价格预警"],
            t["接运遗体"], t["火化遗体"], t["骨灰安放（葬）"] };
        var rows = c.Months.Select((m, i) => new object?[]
        {
            m.Month, m.Issued, m.CertifiedWithinDay, m.ReportedInTime, m.DuplicatesReviewed, m.WithWarnings,
            k.Months[i].Tasks, k.Months[i].AcknowledgedInTime, k.Months[i].Done,
            b.Months[i].StopsIdentified, b.Months[i].StopsExecuted, b.Months[i].OverpaidIdentified, b.Months[i].OverpaidRecovered, b.Months[i].MonthlyPaymentsPrevented,
            p.Months[i].Funerals, p.Months[i].AveragePerFuneral, p.Months[i].MedianPerFuneral, p.Months[i].WarningsRaised,
            u.Months[i].PickedUp, u.Months[i].Cremated, u.Months[i].Placed,
        });
        var total = new object?[]
        {
            $"{t["合计"]} {figures.From} – {figures.To} {area}", c.Issued, c.CertifiedWithinDay, c.ReportedInTime, c.DuplicatesReviewed, c.WithWarnings,
            k.Tasks, k.AcknowledgedInTime, k.Done,
            b.StopsIdentified, b.StopsExecuted, b.OverpaidIdentified, b.OverpaidRecovered, b.MonthlyPaymentsPrevented,
            p.Funerals, p.AveragePerFuneral, p.MedianPerFuneral, p.WarningsRaised,
            u.PickedUp, u.Cremated, u.Placed,
        };
        return XlsxSheet.ToBytes(Texts.IsEnglish ? "Dashboard" : "监管驾驶舱", [28, 12, 14, 14, 14, 14, 12, 12, 12, 12, 12, 16, 16, 18, 12, 16, 16, 12, 12, 12, 14], [header, .. rows, total]);
    }

    /// <summary>A department's words (公安（户口注销）, 医保…) for a code of <see cref="DepartmentTaskFigures.Department"/>.</summary>
    public static string DepartmentName(string code, Texts t) => t[EnumCodes<Department>.Parse(code).ChineseName()];

    /// <summary>A benefit programme's words (最低生活保障（低保）, 高龄津贴…) for a code of <see cref="BenefitStopProgrammeFigures.Programme"/>.</summary>
    public static string ProgrammeName(string code, Texts t) => t[BenefitStopPages.ProgrammeName(code)];

    /// <summary>The issuer type's words (医院, 社区卫生服务中心, 公安机关) for a code of <see cref="KeyedCount.Key"/>.</summary>
    public static string IssuerType(string code, Texts t) => t[EnumCodes<OrganisationType>.Parse(code).ChineseName()];
}
