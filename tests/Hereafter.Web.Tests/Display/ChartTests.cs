using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Hereafter.Web.Components.Display;
using Hereafter.Web.Platform.Localization;
using Hereafter.Web.Tests.Pricing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hereafter.Web.Tests.Display;

/// <summary>
/// The dashboard's charts (issue #14) as a reader and a screen reader get them: an SVG that names itself, bars and
/// points in proportion, round gridlines, x labels that do not collide at phone width, and the same numbers in a table.
/// </summary>
public sealed partial class ChartTests
{
    private static readonly ChartCategory[] Months =
        [.. Enumerable.Range(1, 12).Select(m => new ChartCategory($"2026-{m:00}"))];

    private static ChartData Cremations(params decimal[] values) =>
        new("每月火化数量", "一季度共火化 50 具，3 月最多。", ["2026-01", "2026-02", "2026-03"], [new ChartSeries("火化", values)]);

    [Fact]
    public async Task Svg_NamesItself_ByItsTitleAndDescription()
    {
        var figure = await RenderAsync<BarChart>(Cremations(10, 0, 40));

        var svg = Single(figure, "svg");
        Assert.Equal("img", svg.Attribute("role")?.Value);
        var ids = svg.Attribute("aria-labelledby")!.Value.Split(' ');
        Assert.Equal(2, ids.Length);
        Assert.Equal("每月火化数量", ById(figure, ids[0]).Value);
        Assert.Equal("title", ById(figure, ids[0]).Name.LocalName);
        Assert.Equal("一季度共火化 50 具，3 月最多。", ById(figure, ids[1]).Value);
        Assert.Equal("desc", ById(figure, ids[1]).Name.LocalName);
        Assert.Equal("每月火化数量", Single(figure, "figcaption").Value);
        Assert.Equal("xMidYMid meet", svg.Attribute("preserveAspectRatio")?.Value);
    }

    [Fact]
    public async Task Bars_OnePerCategoryAndSeries_WithHeightsInProportion()
    {
        var data = new ChartData("火化与告别", "三个月的对比。", ["2026-01", "2026-02", "2026-03"],
            [new ChartSeries("火化", [10, 0, 40]), new ChartSeries("告别仪式", [20, 5, 30])]);
        var figure = await RenderAsync<BarChart>(data);

        var bars = ByClass(figure, "chart-bar").ToList();
        Assert.Equal(6, bars.Count);
        var heights = bars.Select(b => double.Parse(b.Attribute("height")!.Value, CultureInfo.InvariantCulture)).ToList();
        // Category-major: January's two bars, then February's, then March's.
        Assert.Equal(0, heights[2]);
        Assert.Equal(heights.Max(), heights[4]);
        Assert.Equal(4.0, heights[4] / heights[0], 2);
        Assert.Equal(2.0, heights[1] / heights[0], 2);
        // Every bar stands on the same baseline.
        var bottoms = bars.Select(b => double.Parse(b.Attribute("y")!.Value, CultureInfo.InvariantCulture) + double.Parse(b.Attribute("height")!.Value, CultureInfo.InvariantCulture));
        Assert.Single(bottoms.Select(b => Math.Round(b, 1)).Distinct());
        Assert.Equal("2026-03 火化：40", bars[4].Element("title")!.Value);
    }

    [Fact]
    public async Task SeveralSeries_HaveALegend_AndDifferByPatternNotOnlyColour()
    {
        var data = new ChartData("火化与告别", "三个月的对比。", ["2026-01", "2026-02"],
            [new ChartSeries("火化", [10, 20]), new ChartSeries("告别仪式", [5, 8])]);
        var figure = await RenderAsync<BarChart>(data);

        var legend = ByClass(figure, "chart-legend").Single();
        Assert.Equal(["火化", "告别仪式"], legend.Descendants("text").Select(t => t.Value));
        var fills = ByClass(figure, "chart-bar").Select(b => b.Attribute("fill")!.Value).Distinct().ToList();
        Assert.Equal(2, fills.Count);
        Assert.Contains(fills, f => f.StartsWith("url(#", StringComparison.Ordinal));

        var single = await RenderAsync<BarChart>(Cremations(1, 2, 3));
        Assert.Empty(ByClass(single, "chart-legend"));
    }

    [Fact]
    public async Task Table_HasOneRowPerCategory_WithValuesWrittenInTheUnit()
    {
        var data = new ChartData("月度收费", "3 月收费最多。", ["2026-01", "2026-02", "2026-03"],
            [new ChartSeries("收费", [1234.5m, 0, 98765.432m])], ChartUnit.Yuan) { CategoryHeader = "月份" };
        var figure = await RenderAsync<BarChart>(data);

        var table = Single(figure, "table");
        Assert.Equal("月度收费", table.Element("caption")!.Value);
        Assert.Equal(["月份", "收费"], table.Descendants("th").Where(th => th.Attribute("scope")?.Value == "col").Select(th => th.Value));
        var rows = table.Element("tbody")!.Elements("tr").ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(["2026-01", "2026-02", "2026-03"], rows.Select(r => r.Elements("th").Single(th => th.Attribute("scope")?.Value == "row").Value.Trim()));
        Assert.Equal(["1,234.50", "0.00", "98,765.43"], rows.Select(r => r.Element("td")!.Value));
        Assert.All(rows, r => Assert.Contains("num", r.Element("td")!.Attribute("class")!.Value));
        // The table scrolls within its own box rather than the page.
        Assert.Contains("chart-table", table.Parent!.Attribute("class")!.Value);

        var percent = await RenderAsync<LineChart>(new ChartData("按时办结率", "各月均在九成以上。", ["2026-01", "2026-02"],
            [new ChartSeries("办结率", [12.5m, 99.96m])], ChartUnit.Percent));
        Assert.Equal(["12.5%", "100.0%"], Single(percent, "table").Descendants("td").Select(td => td.Value));
    }

    public static TheoryData<decimal, ChartUnit, decimal[]> NiceTicks => new()
    {
        { 7m, ChartUnit.Count, [0, 2, 4, 6, 8] },
        { 200m, ChartUnit.Count, [0, 50, 100, 150, 200] },
        { 1234m, ChartUnit.Count, [0, 500, 1000, 1500] },
        { 0.37m, ChartUnit.Percent, [0, 0.1m, 0.2m, 0.3m, 0.4m] },
        { 1m, ChartUnit.Count, [0, 1] },
        { 0m, ChartUnit.Count, [0, 1] },
    };

    [Theory]
    [MemberData(nameof(NiceTicks))]
    public void Scale_PicksRoundGridlines(decimal max, ChartUnit unit, decimal[] expected)
    {
        Assert.Equal(expected, new ChartScale(max, unit).Ticks);
    }

    [Theory]
    [InlineData(0, ChartUnit.Yuan)]
    [InlineData(0.0004, ChartUnit.Percent)]
    [InlineData(0.37, ChartUnit.Percent)]
    [InlineData(3, ChartUnit.Count)]
    [InlineData(9.99, ChartUnit.Yuan)]
    [InlineData(10, ChartUnit.Count)]
    [InlineData(101, ChartUnit.Count)]
    [InlineData(123456789.12, ChartUnit.Yuan)]
    public void Scale_HasTwoToFiveDistinctTicks_FromZeroPastTheMax(double max, ChartUnit unit)
    {
        var scale = new ChartScale((decimal)max, unit);

        Assert.InRange(scale.Ticks.Count, 2, 5);
        Assert.Equal(0m, scale.Ticks[0]);
        Assert.True(scale.Max >= (decimal)max && scale.Max == scale.Ticks[^1]);
        var labels = scale.Ticks.Select(scale.FormatTick).ToList();
        Assert.Equal(labels.Count, labels.Distinct().Count());
        Assert.DoesNotContain(labels, l => l.Contains("NaN", StringComparison.Ordinal) || l.Contains('∞'));
        if (unit == ChartUnit.Count) Assert.All(scale.Ticks, t => Assert.Equal(decimal.Truncate(t), t));
        Assert.False(double.IsNaN(scale.Fraction((decimal)max)));
    }

    [Fact]
    public void Data_WithASeriesOfTheWrongLength_IsRejected()
    {
        Assert.Throws<ArgumentException>(() => Cremations(1, 2));
        Assert.Throws<ArgumentException>(() => Cremations(1, 2, -3));
        Assert.Throws<ArgumentException>(() => new ChartData("标题", "说明。", ["2026-01"], []));
    }

    [Fact]
    public async Task TwelveMonths_AtPhoneWidth_LabelsDoNotOverlap_AndTextIsAtLeast11Px()
    {
        var data = new ChartData("每月火化数量", "全年 1,234 具。", Months, [new ChartSeries("火化", [.. Enumerable.Range(1, 12).Select(i => (decimal)i * 17)])]);
        foreach (var figure in new[] { await RenderAsync<BarChart>(data), await RenderAsync<LineChart>(data) })
        {
            var labels = ByClass(figure, "chart-x-label").ToList();
            Assert.InRange(labels.Count, 2, 6);
            var xs = labels.Select(l => double.Parse(l.Attribute("x")!.Value, CultureInfo.InvariantCulture)).ToList();
            for (var i = 1; i < xs.Count; i++)
                Assert.True(xs[i] - xs[i - 1] >= ChartFrame.TextWidth(labels[i].Value) + 4, $"labels {labels[i - 1].Value} and {labels[i].Value} collide");

            // A 390 px phone leaves at least 330 px for the drawing: text of the SVG's font size stays at 11 px or more.
            var svg = Single(figure, "svg");
            var viewBoxWidth = double.Parse(svg.Attribute("viewBox")!.Value.Split(' ')[2], CultureInfo.InvariantCulture);
            var fontSize = double.Parse(svg.Attribute("font-size")!.Value, CultureInfo.InvariantCulture);
            Assert.True(fontSize * 330 / viewBoxWidth >= 11, $"{fontSize} units in a {viewBoxWidth}-unit drawing is under 11 px at 330 px");
            Assert.Equal("100%", svg.Attribute("width")?.Value);
        }
    }

    [Fact]
    public async Task LongNames_AreSlanted_AndAllShown()
    {
        var data = new ChartData("各部门办理量", "人社局最多。", ["人力资源和社会保障局", "医疗保障局", "住房公积金管理中心", "公安机关", "民政局"],
            [new ChartSeries("办理量", [120, 80, 60, 30, 10])]);
        var figure = await RenderAsync<BarChart>(data);

        var labels = ByClass(figure, "chart-x-label").ToList();
        Assert.Equal(5, labels.Count);
        Assert.All(labels, l => Assert.StartsWith("rotate(-45", l.Attribute("transform")!.Value));
        // Cut on the axis, whole in the table.
        Assert.Contains(labels, l => l.Value.EndsWith('…'));
        Assert.Contains("人力资源和社会保障局", Single(figure, "table").Descendants("th").Select(th => th.Value.Trim()));
    }

    [Fact]
    public async Task LineChart_DrawsALinePerSeries_WithAPointPerValue()
    {
        var data = new ChartData("每月预约量", "线上预约逐月增加。", ["2026-01", "2026-02", "2026-03"],
            [new ChartSeries("线上", [5, 10, 20]), new ChartSeries("窗口", [8, 8, 0])]);
        var figure = await RenderAsync<LineChart>(data);

        var lines = ByClass(figure, "chart-line").ToList();
        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(3, l.Attribute("points")!.Value.Split(' ').Length));
        Assert.NotEqual(lines[0].Attribute("stroke-dasharray")?.Value, lines[1].Attribute("stroke-dasharray")?.Value);
        var points = ByClass(figure, "chart-point").ToList();
        Assert.Equal(6, points.Count);
        Assert.Equal("2026-03 线上：20", points[2].Element("title")!.Value);
        var ys = points.Select(p => double.Parse(p.Attribute("cy")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(ys.Min(), ys[2]);
        Assert.Equal(ys.Max(), ys[5]);
        Assert.Equal(3, Single(figure, "tbody").Elements("tr").Count());
    }

    [Fact]
    public async Task CategoryWithAHref_LinksItsMarksAndItsTableRow()
    {
        var data = new ChartData("每月火化数量", "3 月最多。",
            [new ChartCategory("2026-01", "/supervision/cremations?month=2026-01"), "2026-02"], [new ChartSeries("火化", [3, 4])]);
        foreach (var figure in new[] { await RenderAsync<BarChart>(data), await RenderAsync<LineChart>(data) })
        {
            var rowHeaders = Single(figure, "tbody").Descendants("th").ToList();
            Assert.Equal("/supervision/cremations?month=2026-01", rowHeaders[0].Element("a")?.Attribute("href")?.Value);
            Assert.Null(rowHeaders[1].Element("a"));
            var svgLinks = Single(figure, "svg").Descendants("a").ToList();
            Assert.Single(svgLinks);
            Assert.Equal("/supervision/cremations?month=2026-01", svgLinks[0].Attribute("href")?.Value);
        }
    }

    [Fact]
    public async Task NoData_SaysSo_UnderTheTitle_InsteadOfAnEmptyAxis()
    {
        foreach (var data in new[] { Cremations(0, 0, 0), new ChartData("每月火化数量", "没有数据。", [], [new ChartSeries("火化", [])]) })
        {
            var figure = await RenderAsync<BarChart>(data);
            Assert.Equal("每月火化数量", Single(figure, "figcaption").Value);
            Assert.Empty(figure.Descendants("svg"));
            Assert.Empty(figure.Descendants("table"));
            Assert.Equal("这一期间没有数据。", ByClass(figure, "empty-state-text").Single().Value);
        }
    }

    [Fact]
    public async Task InEnglish_TheChartsOwnWordsAreEnglish()
    {
        var yuan = new ChartData("Monthly fees", "March had the most.", ["2026-01", "2026-02"], [new ChartSeries("Fees", [1200, 3400.5m])], ChartUnit.Yuan);
        var empty = new ChartData("Monthly fees", "No figures.", ["2026-01"], [new ChartSeries("Fees", [0])]);

        var html = await RenderHtmlAsync<BarChart>(yuan, "en") + await RenderHtmlAsync<LineChart>(empty, "en");

        Assert.Empty(PageLanguage.Mismatches(html, "en"));
        Assert.Contains(">Category</th>", html);
        Assert.Contains(">yuan</text>", html);
        Assert.Contains("There are no figures for this period.", html);
        Assert.Contains("2026-02: 3,400.50", html);

        var chinese = await RenderHtmlAsync<BarChart>(Cremations(1, 2, 3), "zh-CN");
        Assert.Empty(PageLanguage.Mismatches(chinese, "zh-CN"));
    }

    private static async Task<XElement> RenderAsync<TChart>(ChartData data, string culture = "zh-CN") where TChart : IComponent =>
        // Scoped-CSS markers (b-xxxxxxxxxx) are attributes without a value; drop them to read the markup as XML.
        XElement.Parse(ScopeAttribute().Replace(await RenderHtmlAsync<TChart>(data, culture), ""));

    private static async Task<string> RenderHtmlAsync<TChart>(ChartData data, string culture) where TChart : IComponent
    {
        await using var services = new ServiceCollection().AddLogging().AddSingleton<Texts>().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            var output = await renderer.RenderComponentAsync<TChart>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Data"] = data, ["Id"] = "chart" }));
            return output.ToHtmlString();
        });
    }

    private static XElement Single(XElement root, string name) => root.DescendantsAndSelf(name).Single();

    private static XElement ById(XElement root, string id) => root.DescendantsAndSelf().Single(e => e.Attribute("id")?.Value == id);

    private static IEnumerable<XElement> ByClass(XElement root, string name) =>
        root.DescendantsAndSelf().Where(e => (e.Attribute("class")?.Value.Split(' ') ?? []).Contains(name));

    [GeneratedRegex(@"\sb-[a-z0-9]{10}(?=[\s/>])")]
    private static partial Regex ScopeAttribute();
}
