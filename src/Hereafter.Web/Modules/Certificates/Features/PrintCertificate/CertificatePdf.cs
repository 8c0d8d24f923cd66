using System.Globalization;
using Hereafter.Domain.Certificates;
using Hereafter.Domain.Time;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Pdf;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Hereafter.Web.Modules.Certificates.Features.PrintCertificate;

/// <summary>
/// Renders one copy (联) of a 居民死亡医学证明 as an A4 PDF with the embedded Chinese font and the
/// verification QR code. Each copy is a role-scoped view: copy 1 (stub) carries everything including the
/// death investigation record; copies 2 and 3 the causes of death but not the investigation record; copy 4
/// (居民死亡殡葬证, for the funeral home) no causes of death and no medical details at all.
/// </summary>
public static class CertificatePdf
{
    public static string CopyName(int copy) => copy switch
    {
        1 => "第一联 存根（出具单位留存）",
        2 => "第二联 公安机关办理户籍注销用",
        3 => "第三联 死者家属保存",
        4 => "第四联 居民死亡殡葬证（交殡葬服务机构）",
        _ => throw new ArgumentOutOfRangeException(nameof(copy), copy, "A certificate has copies 1 to 4."),
    };

    public static byte[] Render(CertificatePrintModel m)
    {
        ArgumentNullException.ThrowIfNull(m);
        var copyName = CopyName(m.Copy);
        PdfFonts.EnsureRegistered();

        using var document = new PdfDocument();
        // No personal data in the metadata: the number is an ID number.
        document.Info.Title = "居民死亡医学证明 " + copyName;
        document.Info.Creator = "Hereafter";
        var qr = QrCodes.Png(m.VerificationUrl, pixelsPerModule: 4);
        using (var form = new FormWriter(document, m, copyName, qr))
        {
            form.Write();
        }
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    private sealed class FormWriter : IDisposable
    {
        private const double Margin = 36;
        private const double Pad = 3;
        private static readonly XColor LabelFill = XColor.FromArgb(242, 242, 242);
        private static readonly XColor SectionFill = XColor.FromArgb(220, 226, 234);
        private static readonly XColor Red = XColor.FromArgb(192, 0, 0);

        private readonly PdfDocument _document;
        private readonly CertificatePrintModel _m;
        private readonly string _copyName;
        private readonly byte[] _qrPng;
        private readonly List<XGraphics> _pages = [];
        private readonly XFont _title = Font(20, bold: true);
        private readonly XFont _subtitle = Font(11.5, bold: true);
        private readonly XFont _meta = Font(9.5);
        private readonly XFont _label = Font(8.5);
        private readonly XFont _value = Font(9.5);
        private readonly XFont _section = Font(9.5, bold: true);
        private readonly XFont _small = Font(7.5);
        private readonly XPen _border = new(XColors.Black, 0.6);
        private XGraphics _g = null!;
        private double _y;
        private double _width;
        private double _bottom;

        public FormWriter(PdfDocument document, CertificatePrintModel m, string copyName, byte[] qrPng)
        {
            _document = document;
            _m = m;
            _copyName = copyName;
            _qrPng = qrPng;
        }

        private static XFont Font(double size, bool bold = false) =>
            new(PdfFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

        private CertificateData D => _m.Data;
        private PrintedVersionStatus? State => EnumCodes<PrintedVersionStatus>.TryParse(_m.Status, out var state) ? state : null;
        private bool Medical => _m.Copy is >= 1 and <= 3;

        public void Write()
        {
            NewPage();
            Header();
            Decedent();
            Death();
            if (Medical) Causes();
            Informant();
            Certifier();
            if (_m.Copy == 1 && D.Investigation is { } investigation) Investigation(investigation);
            Footers();
        }

        private void NewPage()
        {
            var page = _document.AddPage();
            page.Size = PdfSharp.PageSize.A4;
            page.Orientation = PdfSharp.PageOrientation.Portrait;
            _g = XGraphics.FromPdfPage(page);
            _pages.Add(_g);
            _width = page.Width.Point - 2 * Margin;
            _bottom = page.Height.Point - Margin - 20;
            _y = Margin;
            if (State is PrintedVersionStatus.Revoked or PrintedVersionStatus.Superseded) Watermark(page);
            if (_pages.Count > 1)
            {
                Text($"居民死亡医学证明  {_copyName}（续）", _meta, Margin, _y);
                _y += 18;
            }
        }

        private void Watermark(PdfPage page)
        {
            var text = State == PrintedVersionStatus.Revoked ? "已撤销 作废" : "已更正 本版作废";
            var state = _g.Save();
            _g.TranslateTransform(page.Width.Point / 2, page.Height.Point / 2);
            _g.RotateTransform(-35);
            _g.DrawString(text, Font(64, bold: true), new XSolidBrush(XColor.FromArgb(60, 192, 0, 0)), 0, 0, XStringFormats.Center);
            _g.Restore(state);
        }

        private void Header()
        {
            const double qrSize = 92;
            var qrX = Margin + _width - qrSize;
            using (var stream = new MemoryStream(_qrPng))
            {
                var image = XImage.FromStream(stream);
                image.Interpolate = false;
                _g.DrawImage(image, qrX, _y, qrSize, qrSize);
            }
            _g.DrawString("扫码验证真伪", _small, XBrushes.Black, new XRect(qrX, _y + qrSize + 1, qrSize, 10), XStringFormats.TopCenter);
            var qrBottom = _y + qrSize + 12;

            _g.DrawString("居民死亡医学证明", _title, XBrushes.Black, new XRect(Margin, _y + 4, _width, 26), XStringFormats.TopCenter);
            _g.DrawString(_copyName, _subtitle, XBrushes.Black, new XRect(Margin, _y + 32, _width, 16), XStringFormats.TopCenter);

            var y = _y + 54;
            Text($"证明编号：{_m.Number}", _meta, Margin, y);
            var version = _m.Version > 1 ? $"已更正 第{_m.Version}版" : $"第{_m.Version}版";
            var versionText = $"版本：{version}";
            Text(versionText, _meta, Margin, y + 14);
            var x = Margin + _g.MeasureString(versionText, _meta).Width + 10;
            if (_m.Reissued) Stamp("补发", ref x, y + 14);
            var status = State switch
            {
                PrintedVersionStatus.Issued => null,
                PrintedVersionStatus.Superseded => "已被更正版本取代",
                PrintedVersionStatus.Revoked => "已撤销",
                _ => _m.Status,
            };
            if (status is not null) Stamp(status, ref x, y + 14);
            foreach (var line in Wrap($"出具单位：{_m.IssuerName}（行政区划代码 {_m.IssuerRegionCode}）", _meta, qrX - Margin - 8))
            {
                Text(line, _meta, Margin, y + 28);
                y += 13;
            }
            _y = Math.Max(qrBottom, y + 28) + 4;
        }

        private void Stamp(string text, ref double x, double y)
        {
            var w = _g.MeasureString(text, _meta).Width + 8;
            _g.DrawRectangle(new XPen(Red, 0.8), x, y - 1.5, w, 14);
            _g.DrawString(text, _meta, new XSolidBrush(Red), new XRect(x, y - 1.5, w, 14), XStringFormats.Center);
            x += w + 6;
        }

        private void Decedent()
        {
            var p = D.Decedent;
            Section("死者信息");
            Row(L("姓名", 1), V(p.Name, 1.6), L("性别", 0.7), V(CodeLists.Chinese(CodeLists.Sex, p.Sex), 0.9),
                L("民族", 0.7), V(p.Ethnicity, 0.9), L("国籍", 0.7), V(p.Nationality, 1.0));
            Row(L("有效身份证件类别", 1.6), V(CodeLists.Chinese(CodeLists.IdType, p.IdType), 1.5), L("证件号码", 1), V(p.IdNumber, 3.4));
            Row(L("出生日期", 1), V(FormatDate(p.BirthDate), 1.6), L("年龄", 0.7), V(_m.AgeYears is { } age ? $"{age}岁" : "", 0.9),
                L("婚姻状况", 0.9), V(CodeLists.Chinese(CodeLists.MaritalStatus, p.MaritalStatus), 0.9),
                L("文化程度", 0.9), V(CodeLists.Chinese(CodeLists.Education, p.Education), 0.6));
            Row(L("个人身份", 1), V(p.Occupation, 1.6), L("工作单位", 0.7), V(p.WorkUnit, 4.2));
            Row(L("户籍地址", 1), V(p.HouseholdAddress, 6.5));
            Row(L("常住地址", 1), V(p.ResidenceAddress, 6.5));
        }

        private void Death()
        {
            var d = D.Death;
            Section("死亡信息");
            var place = CodeLists.Chinese(CodeLists.PlaceType, d.PlaceType);
            if (!string.IsNullOrWhiteSpace(d.PlaceName)) place = string.IsNullOrEmpty(place) ? d.PlaceName : $"{place}：{d.PlaceName}";
            Row(L("死亡日期", 1), V(FormatDateTime(d.DateTime), 2.3), L("死亡地点", 0.9), V(place, 3.3));
            if (Medical && D.Decedent.Sex == "2")
            {
                Row(L("是否妊娠期或妊娠终止后42天内", 2.6), V(CodeLists.Chinese(CodeLists.PregnancyStatus, d.PregnancyStatus), 4.9));
            }
        }

        private void Causes()
        {
            var c = D.Causes;
            Section("死亡原因");
            Row(L("", 2.4), L("疾病名称（勿填症状体征）", 3.2), L("发病至死亡大概间隔时间", 1.3), L("ICD-10编码", 0.9));
            foreach (var entry in CodeLists.CauseLine)
            {
                var line = c.PartI.FirstOrDefault(l => string.Equals(l.Line, entry.Code, StringComparison.OrdinalIgnoreCase));
                Row(L("Ⅰ " + entry.Chinese, 2.4), V(line?.Text, 3.2), V(FormatInterval(line?.Interval), 1.3), V(line?.Icd10, 0.9));
            }
            Row(L("Ⅱ 其他疾病诊断（促进死亡，但与导致死亡无直接因果关系的疾病）", 2.4),
                V(string.Join("；", c.PartII.Select(o => o.Text).Where(t => !string.IsNullOrWhiteSpace(t))), 4.5),
                V(string.Join("、", c.PartII.Select(o => o.Icd10).Where(t => !string.IsNullOrWhiteSpace(t))), 0.9));
            var underlying = c.PartI.FirstOrDefault(l => !string.IsNullOrEmpty(l.Icd10) &&
                string.Equals(l.Icd10, c.UnderlyingCauseIcd10, StringComparison.OrdinalIgnoreCase))?.Text;
            Row(L("根本死亡原因", 2.4), V(underlying, 4.5), V(c.UnderlyingCauseIcd10, 0.9));
            Row(L("生前主要疾病最高诊断单位", 2.4), V(CodeLists.Chinese(CodeLists.HighestDiagnosisLevel, c.HighestDiagnosisLevel), 2.0),
                L("最高诊断依据", 1.3), V(CodeLists.Chinese(CodeLists.DiagnosisBasis, c.DiagnosisBasis), 2.1));
            Row(L("死亡方式", 2.4), V(CodeLists.Chinese(CodeLists.Manner, c.Manner), 5.4));
        }

        private void Informant()
        {
            var i = D.Informant;
            Section("死者家属（联系人）");
            Row(L("姓名", 1), V(i.Name, 1.6), L("与死者关系", 1), V(i.Relationship, 1.0), L("联系电话", 0.9), V(i.Phone, 2.0));
            Row(L("联系地址", 1), V(i.Address, 6.5));
        }

        private void Certifier()
        {
            Section("出具信息");
            Row(L("医师签名", 1), V(D.Certifier.Name, 1.6), L("出具日期", 1), V(ChinaTime.ToChina(_m.CertifiedAt).ToString("yyyy'年'MM'月'dd'日'", CultureInfo.InvariantCulture), 1.6),
                L("出具单位（盖章）", 1.3), V(_m.IssuerName, 2.0));
        }

        private void Investigation(InvestigationData i)
        {
            Section("死亡调查记录");
            Row(L("死者生前病史及症状体征", 2.4), V(i.History, 5.4));
            Row(L("被调查者姓名", 1.4), V(i.InformantName, 1.5), L("调查者签名", 1.2), V(i.Investigator, 1.5), L("调查日期", 1), V(FormatDate(i.Date), 1.2));
            Row(L("死因推断", 2.4), V(i.InferredCause, 5.4));
        }

        private void Footers()
        {
            for (var p = 0; p < _pages.Count; p++)
            {
                var g = _pages[p];
                var y = _bottom + 6;
                g.DrawString("注：电子证明与纸质证明具有同等法律效力。二维码不含个人信息，由出具单位数字签名（SM2），扫码可验证证明真伪及是否有效。",
                    _small, XBrushes.Black, new XRect(Margin, y, _width, 10), XStringFormats.TopLeft);
                g.DrawString($"{_copyName}    第{p + 1}页 共{_pages.Count}页", _small, XBrushes.Black,
                    new XRect(Margin, y + 11, _width, 10), XStringFormats.TopRight);
            }
        }

        // ---- grid ---------------------------------------------------------------------------------

        private readonly record struct Cell(string Text, double Weight, bool IsLabel);

        private static Cell L(string text, double weight) => new(text, weight, true);
        private static Cell V(string? text, double weight) => new(text?.Trim() ?? "", weight, false);

        private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八"];
        private int _sections;

        /// <summary>A numbered section band; numbering follows what this copy shows.</summary>
        private void Section(string title)
        {
            title = $"{Numerals[Math.Min(_sections++, Numerals.Length - 1)]}、{title}";
            const double h = 16;
            if (_y + h + 40 > _bottom) NewPage();
            _y += 4;
            var rect = new XRect(Margin, _y, _width, h);
            _g.DrawRectangle(_border, new XSolidBrush(SectionFill), rect);
            _g.DrawString(title, _section, XBrushes.Black, new XRect(Margin + 5, _y, _width, h), XStringFormats.CenterLeft);
            _y += h;
        }

        private void Row(params Cell[] cells)
        {
            var total = cells.Sum(c => c.Weight);
            var widths = cells.Select(c => _width * c.Weight / total).ToArray();
            var lines = cells.Select((c, i) => Wrap(c.Text, c.IsLabel ? _label : _value, widths[i] - 2 * Pad)).ToArray();
            var lineHeights = cells.Select(c => (c.IsLabel ? _label : _value).GetHeight() * 1.05).ToArray();
            var height = Math.Max(18, cells.Select((_, i) => lines[i].Count * lineHeights[i]).Max() + 2 * Pad);
            if (_y + height > _bottom) NewPage();

            var x = Margin;
            for (var i = 0; i < cells.Length; i++)
            {
                var rect = new XRect(x, _y, widths[i], height);
                if (cells[i].IsLabel) _g.DrawRectangle(_border, new XSolidBrush(LabelFill), rect);
                else _g.DrawRectangle(_border, rect);
                var font = cells[i].IsLabel ? _label : _value;
                var ty = _y + (height - lines[i].Count * lineHeights[i]) / 2;
                foreach (var line in lines[i])
                {
                    if (cells[i].IsLabel)
                        _g.DrawString(line, font, XBrushes.Black, new XRect(x, ty, widths[i], lineHeights[i]), XStringFormats.TopCenter);
                    else
                        _g.DrawString(line, font, XBrushes.Black, new XRect(x + Pad, ty, widths[i] - 2 * Pad, lineHeights[i]), XStringFormats.TopLeft);
                    ty += lineHeights[i];
                }
                x += widths[i];
            }
            _y += height;
        }

        private void Text(string text, XFont font, double x, double y) =>
            _g.DrawString(text, font, XBrushes.Black, new XRect(x, y, _width, font.GetHeight()), XStringFormats.TopLeft);

        /// <summary>Breaks text to fit a width: anywhere between CJK characters, at spaces in Latin text when possible.</summary>
        private List<string> Wrap(string text, XFont font, double maxWidth)
        {
            var result = new List<string>();
            foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
            {
                var rest = paragraph;
                while (rest.Length > 0)
                {
                    if (_g.MeasureString(rest, font).Width <= maxWidth) { result.Add(rest); break; }
                    var fit = 1;
                    while (fit < rest.Length && _g.MeasureString(rest[..(fit + 1)], font).Width <= maxWidth) fit++;
                    var space = rest.LastIndexOf(' ', fit - 1, fit);
                    var cut = space > 0 && char.IsAscii(rest[fit]) && char.IsAscii(rest[fit - 1]) ? space + 1 : fit;
                    // Chinese typography: no closing punctuation at the start of a line.
                    if (cut < rest.Length && cut > 1 && "，。、；：）》」』”！？".Contains(rest[cut], StringComparison.Ordinal)) cut--;
                    result.Add(rest[..cut].TrimEnd());
                    rest = rest[cut..].TrimStart();
                }
            }
            if (result.Count == 0) result.Add("");
            return result;
        }

        private static string FormatDate(string? isoDate) =>
            DateOnly.TryParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                ? d.ToString("yyyy'年'MM'月'dd'日'", CultureInfo.InvariantCulture)
                : isoDate ?? "";

        /// <summary>The local date-time of the offset the certifier gave (not converted to the server's zone).</summary>
        private static string FormatDateTime(string? iso) =>
            DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
                ? t.ToString("yyyy'年'MM'月'dd'日' HH'时'mm'分'", CultureInfo.InvariantCulture)
                : iso ?? "";

        private static string FormatInterval(CauseInterval? interval) =>
            interval?.Value is { } value
                ? $"{value.ToString("0.##", CultureInfo.InvariantCulture)} {CodeLists.Chinese(CodeLists.IntervalUnit, interval.Unit)}"
                : "";

        public void Dispose()
        {
            foreach (var g in _pages) g.Dispose();
        }
    }
}
