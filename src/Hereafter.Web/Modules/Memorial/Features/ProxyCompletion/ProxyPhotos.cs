using SkiaSharp;

namespace Hereafter.Web.Modules.Memorial.Features.ProxyCompletion;

/// <summary>Why an uploaded photo is refused.</summary>
public enum ProxyPhotoProblem
{
    /// <summary>No bytes at all.</summary>
    Empty,
    /// <summary>Larger than <c>Memorial:ProxyPhotoMaxBytes</c>.</summary>
    TooLarge,
    /// <summary>Nothing an image decoder recognises (a text file named .jpg).</summary>
    NotAnImage,
    /// <summary>An image, but not JPEG or PNG (GIF, WebP, HEIC, BMP, TIFF…).</summary>
    UnsupportedFormat,
    /// <summary>A JPEG or PNG whose data is cut short or broken.</summary>
    Damaged,
    /// <summary>More pixels than <see cref="ProxyPhotos.MaxPixels"/> (a decompression bomb or a panorama).</summary>
    TooManyPixels,
}

/// <summary>A photo as it will be stored: re-encoded from its pixels, upright, at most <see cref="ProxyPhotos.MaxSide"/> a side.</summary>
public sealed record ProcessedPhoto(string ContentType, byte[] Content, int Width, int Height);

/// <summary>The verdict on one upload: the photo to store, or the problem and, for another format, its name.</summary>
public sealed record PhotoCheck(ProcessedPhoto? Photo, ProxyPhotoProblem? Problem, string? Format = null, int Width = 0, int Height = 0);

/// <summary>
/// Judges a completion photo by decoding it (never by its name or declared type) and re-encodes the pixels: only JPEG
/// and PNG are accepted; the stored copy carries no EXIF (no GPS position, no camera serial), no comment and nothing
/// appended after the image, since none of the original bytes are kept. The EXIF orientation is applied to the pixels
/// first, so a photo taken with the phone held upright stays upright without its metadata. SkiaSharp decodes, not
/// ImageSharp (ADR 0033).
/// </summary>
public static class ProxyPhotos
{
    /// <summary>Longest side of a stored photo, in pixels: enough to see the headstone, small to serve on a phone.</summary>
    public const int MaxSide = 2048;
    /// <summary>Most pixels a photo may declare (48-megapixel phone cameras fit); more is refused before decoding.</summary>
    public const long MaxPixels = 50_000_000;
    public const int JpegQuality = 85;

    public static PhotoCheck Process(byte[] bytes)
    {
        if (bytes.Length == 0) return new(null, ProxyPhotoProblem.Empty);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            // Skia recognised nothing: a JPEG or PNG cut short before its header ends, another format Skia cannot read
            // here, or not an image at all.
            if (LooksLikeJpeg(bytes) || LooksLikePng(bytes)) return new(null, ProxyPhotoProblem.Damaged);
            return SniffOtherFormat(bytes) is { } other ? new(null, ProxyPhotoProblem.UnsupportedFormat, other) : new(null, ProxyPhotoProblem.NotAnImage);
        }
        var format = codec.EncodedFormat;
        if (format is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
            return FormatName(format) is { } name ? new(null, ProxyPhotoProblem.UnsupportedFormat, name) : new(null, ProxyPhotoProblem.NotAnImage);

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0) return new(null, ProxyPhotoProblem.Damaged);
        if ((long)width * height > MaxPixels) return new(null, ProxyPhotoProblem.TooManyPixels, Width: width, Height: height);

        var png = format == SKEncodedImageFormat.Png;
        using var decoded = Decode(codec, png);
        if (decoded is null) return new(null, ProxyPhotoProblem.Damaged);
        using var upright = Orient(Shrink(decoded), codec.EncodedOrigin);
        using var pixmap = upright.PeekPixels();
        using var encoded = png
            ? pixmap.Encode(new SKPngEncoderOptions())
            : pixmap.Encode(new SKJpegEncoderOptions(JpegQuality));
        if (encoded is null) return new(null, ProxyPhotoProblem.Damaged);
        return new(new ProcessedPhoto(png ? "image/png" : "image/jpeg", encoded.ToArray(), upright.Width, upright.Height), null);
    }

    /// <summary>
    /// The pixels, in sRGB, at the smallest scale the decoder offers that is still at least <see cref="MaxSide"/> (JPEG
    /// decodes at 1/2, 1/4… directly, which keeps a 48-megapixel photo's memory small); null unless every row decoded.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, bool png)
    {
        var longest = Math.Max(codec.Info.Width, codec.Info.Height);
        var size = longest > MaxSide ? codec.GetScaledDimensions((float)MaxSide / longest) : codec.Info.Size;
        var info = new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, png ? SKAlphaType.Premul : SKAlphaType.Opaque,
            SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap(info);
        // A truncated file decodes its first rows and answers IncompleteInput: refused, never stored half grey.
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result == SKCodecResult.Success) return bitmap;
        bitmap.Dispose();
        return null;
    }

    /// <summary>The bitmap itself when it fits, else a copy scaled so its longer side is <see cref="MaxSide"/>.</summary>
    private static SKBitmap Shrink(SKBitmap bitmap)
    {
        var longest = Math.Max(bitmap.Width, bitmap.Height);
        if (longest <= MaxSide) return bitmap;
        var scale = (double)MaxSide / longest;
        var width = Math.Max(1, (int)Math.Round(bitmap.Width * scale));
        var height = Math.Max(1, (int)Math.Round(bitmap.Height * scale));
        return bitmap.Resize(bitmap.Info.WithSize(width, height), new SKSamplingOptions(SKCubicResampler.Mitchell))
            ?? throw new InvalidOperationException("SkiaSharp could not resize a decoded photo.");
    }

    /// <summary>A new bitmap with the EXIF orientation applied to the pixels (x' and y' per origin, w and h of the source).</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        float w = source.Width, h = source.Height;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        // new SKMatrix(scaleX, skewX, transX, skewY, scaleY, transY, 0, 0, 1): x' = scaleX·x + skewX·y + transX; y' = skewY·x + scaleY·y + transY.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var target = new SKBitmap(source.Info.WithSize(swap ? source.Height : source.Width, swap ? source.Width : source.Height));
        using (var canvas = new SKCanvas(target))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.SetMatrix(matrix);
            canvas.DrawBitmap(source, 0, 0, new SKSamplingOptions(SKFilterMode.Nearest), null);
        }
        source.Dispose();
        return target;
    }

    private static bool LooksLikeJpeg(byte[] b) => b.Length >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF;

    private static bool LooksLikePng(byte[] b) => b.AsSpan().StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

    /// <summary>Image formats worth naming that this machine's Skia may not decode (HEIC from iPhones, TIFF, PDF scans).</summary>
    private static string? SniffOtherFormat(byte[] b)
    {
        var head = b.AsSpan(0, Math.Min(b.Length, 16));
        if (head.StartsWith("GIF8"u8)) return "GIF";
        if (head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8)) return "WebP";
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return "TIFF";
        if (head.StartsWith("%PDF"u8)) return "PDF";
        if (head.StartsWith("BM"u8)) return "BMP";
        if (head.Length >= 12 && head[4..8].SequenceEqual("ftyp"u8))
            return head[8..12].SequenceEqual("avif"u8) ? "AVIF" : "HEIC";
        return null;
    }

    /// <summary>The name to show for a format Skia recognised; null for formats that are not photos (WBMP, ICO, textures).</summary>
    private static string? FormatName(SKEncodedImageFormat format) => format switch
    {
        SKEncodedImageFormat.Gif => "GIF",
        SKEncodedImageFormat.Webp => "WebP",
        SKEncodedImageFormat.Bmp => "BMP",
        SKEncodedImageFormat.Heif => "HEIC",
        SKEncodedImageFormat.Avif => "AVIF",
        SKEncodedImageFormat.Jpegxl => "JPEG XL",
        SKEncodedImageFormat.Dng => "DNG",
        _ => null,
    };
}
