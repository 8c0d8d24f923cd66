using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;
using UglyToad.PdfPig;

namespace Hereafter.Web.Tests.Custody;

/// <summary>The follow-up letters as PDFs: A4, Chinese text that can be extracted (so it is real text, not boxes), wrapped.</summary>
public sealed class FollowUpLetterPdfTests
{
    private static FollowUpLetterModel Model(FollowUpLetterKind kind, string? address = "贵州省贵阳市云岩区中华北路街道某某社区12号") => new(
        kind, kind == FollowUpLetterKind.Reminder ? "王小明" : Township.Of(address), "周芳伟", new DateTimeOffset(2026, 1, 2, 2, 0, 0, TimeSpan.Zero),
        address, "贵阳市殡仪馆", new DateTimeOffset(2026, 1, 5, 2, 0, 0, TimeSpan.Zero), "王小明", "公墓墓位", "王小明", "13800000000", 90,
        new DateTimeOffset(2026, 4, 6, 1, 0, 0, TimeSpan.Zero));

    private static string TextOf(byte[] pdf, out double widthPoints)
    {
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPages().Single();
        widthPoints = page.Width;
        return page.Text;
    }

    private static byte[] Keep(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("HEREAFTER_PDF_OUT") is { Length: > 0 } outDir)
        {
            Directory.CreateDirectory(outDir);
            File.WriteAllBytes(Path.Combine(outDir, name + ".pdf"), pdf);
        }
        return pdf;
    }

    [Fact]
    public void TheTownshipNotice_NamesTheTownship_TheDeceased_AndThePersonInCharge()
    {
        var text = TextOf(Keep(FollowUpLetterPdf.Render(Model(FollowUpLetterKind.TownshipNotice)), "township-notice"), out var width);
        Assert.InRange(width, 594, 596); // A4
        Assert.Contains("骨灰去向告知函", text);
        Assert.Contains("贵州省贵阳市云岩区中华北路街道办事处", text);
        Assert.Contains("周芳伟", text);
        Assert.Contains("13800000000", text);
        Assert.Contains("2026年4月6日", text);
    }

    [Fact]
    public void TheReminder_IsAddressedToThePersonInCharge_AndLongTextWraps()
    {
        var pdf = Keep(FollowUpLetterPdf.Render(Model(FollowUpLetterKind.Reminder, string.Concat(Enumerable.Repeat("很长的地址", 30)))), "reminder");
        var text = TextOf(pdf, out _);
        Assert.Contains("骨灰安放提醒函", text);
        Assert.Contains("王小明：", text);
        Assert.Contains("90", text);
        Assert.True(pdf.Length < 300 * 1024);
    }
}
