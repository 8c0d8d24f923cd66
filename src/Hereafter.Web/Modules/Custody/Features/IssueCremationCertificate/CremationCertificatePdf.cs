using System.Globalization;
using Hereafter.Domain.Time;
using Hereafter.Web.Platform.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hereafter.Web.Modules.Custody.Features.IssueCremationCertificate;

/// <summary>
/// The 火化证明 as an A4 PDF: title, number, the fields of DOMAIN.md §7 in a table, the funeral home's seal (a red ring
/// with its name as the seal's text), the issue date and the signed QR code that verifies at <c>/verify/{token}</c>.
/// Chinese text through <see cref="PdfFonts"/> (embedded, extractable).
/// </summary>
public static class CremationCertificatePdf
{
    private const double Margin = 56;
    private static readonly XColor Red = XColor.FromArgb(192, 0, 0);

    public static byte[] Render(CremationCertificateContent c, string verificationUrl)
    {
        ArgumentNullException.ThrowIfNull(c);
        PdfFonts.EnsureRegistered();
        using var document = new PdfDocument();
        // No personal data in the metadata.
        document.Info.Title = "火化证明";
        document.Info.Creator = "Hereafter";
        var page = document.AddPage();
        page.Size = PdfSharp.PageSize.A4;
        page.Orientation = PdfSharp.PageOrientation.Portrait;
        using (var g = XGraphics.FromPdfPage(page))
        {
            Draw(g, page.Width.Point, c, QrCodes.Png(verificationUrl, pixelsPerModule: 4));
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private static XFont Font(double size, bool bold = false) =>
        new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    private static void Draw(XGraphics g, double pageWidth, CremationCertificateContent c, byte[] qrPng)
    {
        var width = pageWidth - 2 * Margin;
        var label = Font(11);
        var value = Font(12);
        var small = Font(8.5);
        var y = Margin;

        const double qrSize = 96;
        var qrX = Margin + width - qrSize;
        using (var stream = new MemoryStream(qrPng))
        {
            var image = XImage.FromStream(stream);
            image.Interpolate = false;
            g.DrawImage(image, qrX, y, qrSize, qrSize);
        }
        g.DrawString("扫码验证真伪", small, XBrushes.Black, new XRect(qrX, y + qrSize + 1, qrSize, 12), XStringFormats.TopCenter);

        g.DrawString("火化证明", Font(26, bold: true), XBrushes.Black, new XRect(Margin, y + 18, width, 34), XStringFormats.TopCenter);
        if (c.Reissued)
            g.DrawString("（补发）", Font(12, bold: true), new XSolidBrush(Red), new XRect(Margin, y + 56, width, 16), XStringFormats.TopCenter);
        y += qrSize + 28;
        g.DrawString($"编号：{c.Number}", Font(11), XBrushes.Black, Margin, y);
        y += 14;

        var rows = new (string Label, string Value)[]
        {
            ("姓名", c.DecedentName),
            ("性别", c.SexWord()),
            ("身份证号码", c.IdNumber ?? "无（身份不明）"),
            ("死亡时间", Long(c.DeathAt, withTime: true)),
            ("火化时间", Long(c.CrematedAt, withTime: true)),
            ("火化证明编号", c.Number),
            ("火化单位（盖章）", c.FuneralHome),
            ("出具日期", Long(c.IssuedAt, withTime: false)),
        };
        const double rowHeight = 34;
        var labelWidth = 130.0;
        var pen = new XPen(XColors.Black, 0.7);
        foreach (var (l, v) in rows)
        {
            g.DrawRectangle(new XSolidBrush(XColor.FromArgb(242, 242, 242)), Margin, y, labelWidth, rowHeight);
            g.DrawRectangle(pen, Margin, y, labelWidth, rowHeight);
            g.DrawRectangle(pen, Margin + labelWidth, y, width - labelWidth, rowHeight);
            g.DrawString(l, label, XBrushes.Black, new XRect(Margin + 8, y, labelWidth - 16, rowHeight), XStringFormats.CenterLeft);
            g.DrawString(v, value, XBrushes.Black, new XRect(Margin + labelWidth + 10, y, width - labelWidth - 20, rowHeight), XStringFormats.CenterLeft);
            y += rowHeight;
        }

        y += 30;
        g.DrawString("兹证明上述逝者遗体已在本单位火化。", value, XBrushes.Black, Margin, y);
        y += 40;
        Seal(g, Margin + width - 150, y, c.FuneralHome);
        g.DrawString(c.FuneralHome, value, XBrushes.Black, new XRect(Margin, y + 40, width - 20, 16), XStringFormats.TopRight);
        g.DrawString(Long(c.IssuedAt, withTime: false), value, XBrushes.Black, new XRect(Margin, y + 60, width - 20, 16), XStringFormats.TopRight);

        var foot = y + 150;
        g.DrawString("注：本证明用于骨灰安放（葬）登记，安放（葬）后注销。二维码不含个人信息，由平台数字签名（SM2），扫码可验证真伪。",
            small, XBrushes.Black, new XRect(Margin, foot, width, 12), XStringFormats.TopLeft);
        g.DrawString("补发只限一次，且只交首次领取人本人。", small, XBrushes.Black, new XRect(Margin, foot + 13, width, 12), XStringFormats.TopLeft);
    }

    /// <summary>The seal: a red ring, a star, and the funeral home's name as its text.</summary>
    private static void Seal(XGraphics g, double x, double y, string name)
    {
        const double size = 120;
        var red = new XSolidBrush(XColor.FromArgb(200, 192, 0, 0));
        g.DrawEllipse(new XPen(XColor.FromArgb(200, 192, 0, 0), 2.5), x, y, size, size);
        g.DrawString("★", Font(26), red, new XRect(x, y + size / 2 - 18, size, 36), XStringFormats.Center);
        var font = Font(name.Length > 8 ? 9 : 11, bold: true);
        g.DrawString(name, font, red, new XRect(x + 6, y + 20, size - 12, 16), XStringFormats.Center);
        g.DrawString("火化证明专用章", Font(8, bold: true), red, new XRect(x + 6, y + size - 34, size - 12, 14), XStringFormats.Center);
    }

    private static string Long(DateTimeOffset at, bool withTime) =>
        ChinaTime.ToChina(at).ToString(withTime ? "yyyy'年'MM'月'dd'日' HH:mm" : "yyyy'年'MM'月'dd'日'", CultureInfo.InvariantCulture);
}
