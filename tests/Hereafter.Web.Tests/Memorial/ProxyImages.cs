using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// Real image files made in the test: PNG, JPEG and WebP drawn and encoded with SkiaSharp, a JPEG carrying an EXIF block
/// with an orientation and a GPS position (an APP1 segment written by hand, as a phone camera writes it), a GIF, a
/// truncated JPEG and a text file — and a reader of what came back.
/// </summary>
public static class ProxyImages
{
    public static byte[] Png(int width = 64, int height = 48) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 64, int height = 48) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Webp(int width = 64, int height = 48) => Encode(width, height, SKEncodedImageFormat.Webp);

    /// <summary>A 1×1 GIF89a (Skia encodes no GIF): header, logical screen, a two-colour table, one image, trailer.</summary>
    public static byte[] Gif() =>
    [
        .. "GIF89a"u8, 0x01, 0x00, 0x01, 0x00, 0x80, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0x00, 0x00, 0x00,
        0x2C, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0x02, 0x02, 0x44, 0x01, 0x00, 0x3B,
    ];

    public static byte[] Text() => Encoding.UTF8.GetBytes("这不是照片。This is a text file someone renamed to .jpg.\n");

    /// <summary>The first part of a real JPEG: the header decodes, the pixels run out.</summary>
    public static byte[] Truncated(byte[] jpeg) => jpeg[..(jpeg.Length * 3 / 5)];

    /// <summary>A real JPEG with something appended after its end (a zip, a script): viewers ignore it, the platform must not keep it.</summary>
    public static byte[] WithAppended(byte[] jpeg, string payload) => [.. jpeg, .. Encoding.ASCII.GetBytes(payload)];

    /// <summary>Latitude 26°34'12.34" N, longitude 106°42'56.78" E: Guiyang, as a phone would record it.</summary>
    public static readonly (uint Degrees, uint Minutes, uint CentiSeconds) Latitude = (26, 34, 1234), Longitude = (106, 42, 5678);

    /// <summary>
    /// <paramref name="jpeg"/> with an EXIF APP1 segment right after SOI: IFD0 with Orientation and a GPSInfo pointer, the
    /// GPS IFD with latitude and longitude and their references, little-endian TIFF as phones write it.
    /// </summary>
    public static byte[] WithExifGps(byte[] jpeg, ushort orientation = 1)
    {
        var tiff = new byte[140];
        var t = tiff.AsSpan();
        "II"u8.CopyTo(t);
        BinaryPrimitives.WriteUInt16LittleEndian(t[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(t[4..], 8);
        // IFD0 at 8: two entries, then next-IFD 0.
        BinaryPrimitives.WriteUInt16LittleEndian(t[8..], 2);
        Entry(t[10..], 0x0112, 3, 1, orientation);
        Entry(t[22..], 0x8825, 4, 1, 38);
        // GPS IFD at 38: four entries, then next-IFD 0; the rationals follow at 92 and 116.
        BinaryPrimitives.WriteUInt16LittleEndian(t[38..], 4);
        Entry(t[40..], 0x0001, 2, 2, 'N');
        Entry(t[52..], 0x0002, 5, 3, 92);
        Entry(t[64..], 0x0003, 2, 2, 'E');
        Entry(t[76..], 0x0004, 5, 3, 116);
        Rationals(t[92..], Latitude);
        Rationals(t[116..], Longitude);
        byte[] payload = [.. "Exif\0\0"u8, .. tiff];
        var segment = new byte[4 + payload.Length];
        segment[0] = 0xFF;
        segment[1] = 0xE1;
        BinaryPrimitives.WriteUInt16BigEndian(segment.AsSpan(2), (ushort)(payload.Length + 2));
        payload.CopyTo(segment, 4);
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];

        static void Entry(Span<byte> at, ushort tag, ushort type, uint count, uint value)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(at, tag);
            BinaryPrimitives.WriteUInt16LittleEndian(at[2..], type);
            BinaryPrimitives.WriteUInt32LittleEndian(at[4..], count);
            BinaryPrimitives.WriteUInt32LittleEndian(at[8..], value);
        }

        static void Rationals(Span<byte> at, (uint Degrees, uint Minutes, uint CentiSeconds) v)
        {
            uint[] values = [v.Degrees, 1, v.Minutes, 1, v.CentiSeconds, 100];
            for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(at[(i * 4)..], values[i]);
        }
    }

    /// <summary>The markers of a JPEG's header segments, from SOI up to the start of scan (APP1 = 0xE1 holds EXIF, 0xFE a comment).</summary>
    public static IReadOnlyList<byte> JpegSegments(byte[] jpeg)
    {
        var markers = new List<byte>();
        var i = 2;
        while (i + 4 <= jpeg.Length && jpeg[i] == 0xFF)
        {
            var marker = jpeg[i + 1];
            markers.Add(marker);
            if (marker == 0xDA) break;
            i += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(i + 2));
        }
        return markers;
    }

    /// <summary>What a decoder sees in the bytes: format, size and the EXIF orientation it would apply.</summary>
    public static (SKEncodedImageFormat Format, int Width, int Height, SKEncodedOrigin Origin) Read(byte[] bytes)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes)) ?? throw new InvalidOperationException("Not an image.");
        return (codec.EncodedFormat, codec.Info.Width, codec.Info.Height, codec.EncodedOrigin);
    }

    /// <summary>The colour of one pixel of a decoded image.</summary>
    public static SKColor Pixel(byte[] bytes, int x, int y)
    {
        using var bitmap = SKBitmap.Decode(bytes);
        return bitmap.GetPixel(x, y);
    }

    /// <summary>
    /// A picture whose orientation can be checked: red top-left quadrant, the rest blue (so a rotation or a flip moves the red).
    /// </summary>
    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Blue);
        using (var red = new SKPaint { Color = SKColors.Red })
            surface.Canvas.DrawRect(0, 0, width / 2f, height / 2f, red);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }
}
