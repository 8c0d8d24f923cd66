using System.Diagnostics;
using Hereafter.Web.Modules.Certificates.Features.PrintCertificate;
using UglyToad.PdfPig;

namespace Hereafter.Web.Tests.Pdf;

public sealed class CertificatePdfTests
{
    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text));
    }

    /// <summary>Set HEREAFTER_PDF_OUT to a folder to keep the rendered PDFs for a visual check.</summary>
    private static byte[] Keep(byte[] pdf, string name)
    {
        if (Environment.GetEnvironmentVariable("HEREAFTER_PDF_OUT") is { Length: > 0 } outDir)
        {
            Directory.CreateDirectory(outDir);
            File.WriteAllBytes(Path.Combine(outDir, name + ".pdf"), pdf);
        }
        return pdf;
    }

    private static int PagesOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }

    [Theory]
    [InlineData(1, "第一联 存根（出具单位留存）")]
    [InlineData(2, "第二联 公安机关办理户籍注销用")]
    [InlineData(3, "第三联 死者家属保存")]
    [InlineData(4, "第四联 居民死亡殡葬证（交殡葬服务机构）")]
    public void EachCopy_HasTitleAndCopyName_OnOnePage_AsExtractableText(int copy, string copyName)
    {
        Assert.Equal(copyName, CertificatePdf.CopyName(copy));
        var pdf = Keep(CertificatePdf.Render(SampleCertificate.Model(copy)), $"certificate-copy{copy}");
        var text = TextOf(pdf);
        Assert.Contains("居民死亡医学证明", text);
        Assert.Contains(copyName.Replace(" ", "", StringComparison.Ordinal), text.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("王秀英", text);
        Assert.Contains("11010519491231002X", text);
        Assert.Contains("2026年11月20日08时30分", text.Replace(" ", "", StringComparison.Ordinal));
        Assert.Contains("扫码验证真伪", text);
        Assert.Equal(1, PagesOf(pdf));
        Assert.True(pdf.Length < 300 * 1024, $"PDF is {pdf.Length} bytes");
    }

    [Theory]
    [InlineData("2026-12-02T15:30:00Z", "2026年12月02日")] // 23:30 in China
    [InlineData("2026-12-02T16:30:00Z", "2026年12月03日")] // 00:30 in China: the UTC date would still say the 2nd
    public void IssueDate_IsTheChinaDate_WhateverTheOffsetItIsStoredIn(string certifiedAtUtc, string printed)
    {
        var model = SampleCertificate.Model(3) with { CertifiedAt = DateTimeOffset.Parse(certifiedAtUtc, System.Globalization.CultureInfo.InvariantCulture) };
        var text = TextOf(CertificatePdf.Render(model)).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("出具日期" + printed, text, StringComparison.Ordinal);
    }

    [Fact]
    public void FuneralCopy_HasNoCausesOfDeath_NorMedicalDetails()
    {
        var copy4 = TextOf(CertificatePdf.Render(SampleCertificate.Model(4)));
        var copy1 = TextOf(CertificatePdf.Render(SampleCertificate.Model(1)));
        foreach (var secret in SampleCertificate.CauseTexts.Concat(SampleCertificate.IcdCodes))
        {
            Assert.Contains(secret, copy1);
            Assert.DoesNotContain(secret, copy4);
        }
        Assert.Contains("四、出具信息", copy4);
        foreach (var medical in new[] { "死亡原因", "ICD", "诊断", "死亡方式", "妊娠", "调查", "自然死亡" })
        {
            Assert.DoesNotContain(medical, copy4);
        }
    }

    [Fact]
    public void InvestigationRecord_IsOnTheStubOnly()
    {
        Assert.Contains(SampleCertificate.InvestigationHistory, TextOf(CertificatePdf.Render(SampleCertificate.Model(1))));
        foreach (var copy in new[] { 2, 3 })
        {
            var text = TextOf(CertificatePdf.Render(SampleCertificate.Model(copy)));
            Assert.DoesNotContain(SampleCertificate.InvestigationHistory, text);
            Assert.DoesNotContain("死亡调查记录", text);
            Assert.Contains("急性心肌梗死", text);
            Assert.Contains("I10", text);
        }
    }

    [Fact]
    public void CorrectedReissuedVersion_IsMarked()
    {
        var text = TextOf(Keep(CertificatePdf.Render(SampleCertificate.Model(3, version: 2, reissued: true)), "certificate-corrected-reissued")).Replace(" ", "", StringComparison.Ordinal);
        Assert.Contains("已更正第2版", text);
        Assert.Contains("补发", text);
        Assert.DoesNotContain("补发", TextOf(CertificatePdf.Render(SampleCertificate.Model(3))));
    }

    [Fact]
    public void LongText_Wraps_AndStillRenders()
    {
        var data = SampleCertificate.Data with
        {
            Investigation = SampleCertificate.Data.Investigation! with { History = string.Concat(Enumerable.Repeat("患者既往有高血压病史，长期服用降压药物，血压控制欠佳。", 12)) },
            Decedent = SampleCertificate.Data.Decedent with { WorkUnit = string.Concat(Enumerable.Repeat("某某省某某市某某区某某街道某某有限责任公司", 4)) },
        };
        var pdf = Keep(CertificatePdf.Render(SampleCertificate.Model(1, data, status: "revoked")), "certificate-long-revoked");
        var text = TextOf(pdf);
        Assert.Contains("血压控制欠佳", text);
        Assert.Contains("已撤销", text);
        Assert.True(pdf.Length < 300 * 1024);
    }

    [Fact]
    public void ConcurrentRenders_AllSucceed()
    {
        // Web requests render in parallel; font registration and PDFsharp's caches must cope.
        var sizes = new int[16];
        Parallel.For(0, sizes.Length, i => sizes[i] = CertificatePdf.Render(SampleCertificate.Model(i % 4 + 1)).Length);
        Assert.All(sizes, s => Assert.InRange(s, 20_000, 300 * 1024));
    }

    [Fact]
    public void InvalidCopy_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificatePdf.CopyName(5));
        Assert.Throws<ArgumentOutOfRangeException>(() => CertificatePdf.Render(SampleCertificate.Model(0)));
    }

    [RequiresToolsFact("pdftoppm", "zbarimg")]
    public async Task QrCodeInThePdf_DecodesToTheVerificationUrl()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hereafter-tests", "qr-" + Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(dir);
        try
        {
            var pdfPath = Path.Combine(dir, "certificate.pdf");
            await File.WriteAllBytesAsync(pdfPath, CertificatePdf.Render(SampleCertificate.Model(3)));
            await Run("pdftoppm", "-r", "150", "-png", "-f", "1", "-l", "1", pdfPath, Path.Combine(dir, "page"));
            var png = Directory.GetFiles(dir, "page*.png").Single();
            var decoded = await Run("zbarimg", "--raw", "-q", png);
            Assert.Equal(SampleCertificate.VerificationUrl, decoded.Trim());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<string> Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} exited {process.ExitCode}: {await error}");
        return await output;
    }
}
