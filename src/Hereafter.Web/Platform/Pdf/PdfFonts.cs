using PdfSharp.Fonts;

namespace Hereafter.Web.Platform.Pdf;

/// <summary>
/// The embedded Chinese font for every PDF of the platform. PDFsharp has no system font access on Linux
/// and cannot read .ttc collections, so WenQuanYi Micro Hei ships inside the assembly as a single TrueType
/// face (Platform/Pdf/Fonts). Bold and italic are simulated. Call <see cref="EnsureRegistered"/> before
/// creating any XFont; it is idempotent and thread-safe.
/// </summary>
public static class PdfFonts
{
    /// <summary>Family name to use in <c>new XFont(PdfFonts.Family, …)</c>; any family resolves to it.</summary>
    public const string Family = "WenQuanYi Micro Hei";
    private const string FaceName = "WenQuanYiMicroHei";
    private const string ResourceSuffix = ".Platform.Pdf.Fonts.WenQuanYiMicroHei.ttf";

    private static readonly Lazy<byte[]> FontBytes = new(LoadFont, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly object Gate = new();
    private static volatile bool _registered;

    public static void EnsureRegistered()
    {
        if (_registered) return;
        lock (Gate)
        {
            if (_registered) return;
            if (GlobalFontSettings.FontResolver is null)
            {
                GlobalFontSettings.FontResolver = new Resolver();
            }
            else if (GlobalFontSettings.FontResolver is not Resolver)
            {
                throw new InvalidOperationException("Another PDFsharp font resolver is already registered.");
            }
            _registered = true;
        }
    }

    private static byte[] LoadFont()
    {
        var assembly = typeof(PdfFonts).Assembly;
        var name = assembly.GetManifestResourceNames().SingleOrDefault(n => n.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"Embedded font *{ResourceSuffix} is missing from {assembly.GetName().Name}.");
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }

    private sealed class Resolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(FaceName, mustSimulateBold: bold, mustSimulateItalic: italic);

        public byte[]? GetFont(string faceName) => faceName == FaceName ? FontBytes.Value : null;
    }
}
