using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Features.PrintCertificate;
using Hereafter.Web.Platform.Pdf;
using UglyToad.PdfPig;

namespace Hereafter.Web.Tests.Pdf;

public sealed class QrCodesTests
{
    [Fact]
    public void Svg_IsScalableMarkup()
    {
        var svg = QrCodes.Svg(SampleCertificate.VerificationUrl);
        Assert.StartsWith("<svg", svg.TrimStart());
        Assert.Contains("viewBox", svg);
    }

    [Fact]
    public void Png_IsAPngScaledByPixelsPerModule()
    {
        var small = QrCodes.Png("https://example.cn/v/x", 2);
        var large = QrCodes.Png("https://example.cn/v/x", 8);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], small[..4]);
        Assert.Equal(4 * Width(small), Width(large));

        static int Width(byte[] png) => (png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19];
    }

    [Fact]
    public void EmptyCertificate_StillRendersEveryCopy()
    {
        // Drafts and unidentified bodies have many empty fields; printing must not fail on them.
        for (var copy = 1; copy <= 4; copy++)
        {
            var pdf = CertificatePdf.Render(SampleCertificate.Model(copy, new CertificateData()) with { AgeYears = null });
            using var document = PdfDocument.Open(pdf);
            Assert.Equal(1, document.NumberOfPages);
            Assert.Contains("居民死亡医学证明", document.GetPage(1).Text);
        }
    }
}
