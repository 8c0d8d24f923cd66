using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Pricing.Contracts;
using Hereafter.Web.Platform.Excel;

namespace Hereafter.Web.Modules.Pricing.Features.ExportToExcel;

/// <summary>Excel (.xlsx) exports of a price list and of the statistics (the platform's <see cref="XlsxSheet"/>, explicit column widths).</summary>
public static class PricingExcel
{
    public const string ContentType = XlsxSheet.ContentType;

    public static byte[] PriceList(PriceListDto list)
    {
        var rows = new List<object?[]>
        {
            new object?[] { list.Name, list.Type.ChineseName(), list.District, $"价格执行日期 {list.AsOf:yyyy-MM-dd}", $"投诉电话 {list.ComplaintPhone}" },
            new object?[] { "定价依据", list.PricingBasis },
            Array.Empty<object?>(),
            new object?[] { "类别", "项目", "单位", "价格（元）", "定价方式", "政府指导价上限", "参考区间下限", "参考区间上限", "居民免费", "补助上限", "生效日期", "原价", "预警", "墓位类型", "面积（㎡）", "维护管理费/年", "年限", "法律依据" },
        };
        rows.AddRange(list.Items.Select(i => new object?[]
        {
            i.Category.ChineseName(), i.Name, i.Unit, i.Price, i.PricingMode.ChineseName(), i.Cap, i.RangeMin, i.RangeMax,
            i.FreeForResidents ? "是" : "", i.SubsidyCap, i.EffectiveFrom.ToString("yyyy-MM-dd"), i.PreviousPrice, i.Warning ? "预警" : "",
            i.Plot?.PlotTypeName, i.Plot?.AreaM2, i.Plot?.MaintenanceFeePerYear, i.Plot?.TermYears, i.LegalBasis,
        }));
        return Workbook("价目表", [10, 22, 8, 12, 14, 14, 12, 12, 8, 10, 12, 10, 8, 12, 10, 14, 6, 40], rows);
    }

    public static byte[] Statistics(StatisticsDto stats)
    {
        var header = new object?[] { "分组", "丧事数", "结算单数", "总金额（元）", "每例平均", "每例中位数", "每例自付平均", "补助合计", "基本服务占比", "延伸服务占比", "用品占比", "墓位占比", "较基线变化（%）" };
        object?[] Line(StatisticsRow r) =>
        [
            r.Label, r.Funerals, r.Bills, r.Total, r.AveragePerFuneral, r.MedianPerFuneral, r.AveragePayablePerFuneral, r.Subsidy,
            r.BasicShare, r.NonBasicShare, r.GoodsShare, r.PlotShare, r.ChangeVsBaselinePercent,
        ];
        var rows = new List<object?[]>
        {
            new object?[] { "殡葬费用统计", $"{stats.From} 至 {stats.To}", $"基线 {stats.BaselineAveragePerFuneral:0.00} 元 {stats.BaselineLabel}" },
            Array.Empty<object?>(),
            header,
            Line(stats.Overall),
            Array.Empty<object?>(),
            new object?[] { "按机构" },
            header,
        };
        rows.AddRange(stats.ByInstitution.Select(Line));
        rows.Add([]);
        rows.Add(["按月份"]);
        rows.Add(header);
        rows.AddRange(stats.ByMonth.Select(Line));
        return Workbook("统计", [26, 8, 10, 14, 12, 12, 12, 12, 12, 12, 10, 10, 14], rows);
    }

    private static byte[] Workbook(string sheetName, double[] widths, IEnumerable<object?[]> rows) =>
        XlsxSheet.ToBytes(sheetName, widths, rows);
}
