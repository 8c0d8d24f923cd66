using QRCoder;

namespace Hereafter.Web.Platform.Pdf;

/// <summary>QR codes (ECC level M: survives ~15% damage, e.g. a fold or a stamp on paper).</summary>
public static class QrCodes
{
    private static readonly byte[] Black = [0, 0, 0, 255];
    private static readonly byte[] White = [255, 255, 255, 255];

    /// <summary>
    /// A black-on-white PNG with the standard 4-module quiet zone. Explicit colours make QRCoder write a
    /// 1-bit palette PNG, which PDFsharp can embed; its default 1-bit greyscale PNG it cannot.
    /// </summary>
    public static byte[] Png(string text, int pixelsPerModule = 6)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(pixelsPerModule, 1);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(pixelsPerModule, Black, White);
    }

    /// <summary>An SVG for web pages, sized by its viewBox so CSS can scale it.</summary>
    public static string Svg(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
