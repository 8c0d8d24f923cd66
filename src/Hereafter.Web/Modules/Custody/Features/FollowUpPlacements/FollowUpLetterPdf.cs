using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;

/// <summary>What a follow-up letter says about its record.</summary>
public sealed record FollowUpLetterModel(
    FollowUpLetterKind Kind, string Recipient, string DecedentName, DateTimeOffset DeathAt, string? HouseholdAddress,
    string FuneralHomeName, DateTimeOffset ReleasedAt, string? ReleasedTo, string Destination, string? PersonInCharge,
    string? PersonInChargePhone, int Days, DateTimeOffset CreatedAt);

/// <summary>
/// The reminder letter (骨灰安放提醒函) to the person in charge and the 骨灰去向告知函 to the township, as A4 PDFs in
/// Chinese with the embedded font. Chinese has no spaces to break at, so lines wrap by measured width.
/// </summary>
public static class FollowUpLetterPdf
{
    public static string Title(FollowUpLetterKind kind) => kind == FollowUpLetterKind.Reminder ? "骨灰安放提醒函" : "骨灰去向告知函";

    public static byte[] Render(FollowUpLetterModel m)
    {
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = Title(m.Kind);
        document.Info.Creator = "Hereafter";
        var page = document.AddPage();
        page.Width = XUnit.FromMillimeter(210);
        page.Height = XUnit.FromMillimeter(297);
        using (var g = XGraphics.FromPdfPage(page))
        {
            const double margin = 72;
            var width = page.Width.Point - 2 * margin;
            var title = new XFont(PdfFonts.Family, 20, XFontStyleEx.Bold);
            var body = new XFont(PdfFonts.Family, 12);
            var y = margin;
            g.DrawString(Title(m.Kind), title, XBrushes.Black, new XRect(margin, y, width, 30), XStringFormats.TopCenter);
            y += 56;
            g.DrawString(m.Recipient + "：", body, XBrushes.Black, margin, y);
            y += 28;
            foreach (var paragraph in Paragraphs(m))
            {
                foreach (var line in Wrap(g, body, "　　" + paragraph, width))
                {
                    g.DrawString(line, body, XBrushes.Black, margin, y);
                    y += 22;
                }
                y += 6;
            }
            y += 30;
            g.DrawString("贵阳市民政局", body, XBrushes.Black, new XRect(margin, y, width, 20), XStringFormats.TopRight);
            y += 22;
            g.DrawString(ChinaTime.ToChina(m.CreatedAt).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture),
                body, XBrushes.Black, new XRect(margin, y, width, 20), XStringFormats.TopRight);
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static IEnumerable<string> Paragraphs(FollowUpLetterModel m)
    {
        var released = ChinaTime.ToChina(m.ReleasedAt).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
        var death = ChinaTime.ToChina(m.DeathAt).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture);
        if (m.Kind == FollowUpLetterKind.Reminder)
        {
            yield return $"{m.DecedentName}（{death}逝世）的骨灰已于{released}由{m.FuneralHomeName}交付{(m.ReleasedTo is null ? "" : "给" + m.ReleasedTo)}，申报去向为{m.Destination}。至今已满 {m.Days} 天，尚未收到公墓、骨灰堂的安葬（安放）记录。";
            yield return "请尽快将骨灰安葬到合法的公墓、骨灰堂或节地生态安葬点，并请安葬单位在平台登记安葬记录；如已安放，请携带火化证明到安葬单位补登记。不得将骨灰乱埋乱葬或建造坟墓。";
            yield return "如有疑问，请与殡仪馆或当地民政部门联系。";
        }
        else
        {
            yield return $"贵辖区户籍居民{m.DecedentName}（户籍地址：{m.HouseholdAddress ?? "不详"}）于{death}逝世，骨灰已于{released}由{m.FuneralHomeName}交付，申报去向为{m.Destination}。至今已满 {m.Days} 天，尚无安葬（安放）记录。";
            yield return $"丧事承办人：{m.PersonInCharge ?? "不详"}{(m.PersonInChargePhone is null ? "" : "，联系电话：" + m.PersonInChargePhone)}。";
            yield return "根据殡葬管理有关规定，特此告知。请协助了解骨灰去向，督促家属依法安葬，防止乱埋乱葬。";
        }
    }

    private static IEnumerable<string> Wrap(XGraphics g, XFont font, string text, double width)
    {
        var line = new System.Text.StringBuilder();
        foreach (var c in text)
        {
            line.Append(c);
            if (g.MeasureString(line.ToString(), font).Width > width)
            {
                line.Length--;
                yield return line.ToString();
                line.Clear().Append(c);
            }
        }
        if (line.Length > 0) yield return line.ToString();
    }
}
