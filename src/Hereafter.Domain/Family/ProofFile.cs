namespace Hereafter.Domain.Family;

/// <summary>The kinds of file a family may upload as proof of relationship (户口簿、结婚证、出生医学证明的扫描件或照片).</summary>
public enum ProofFileType
{
    Pdf,
    Jpeg,
    Png,
}

/// <summary>Why an uploaded proof was refused; each has its own message for the person.</summary>
public enum ProofFileProblem
{
    None,
    /// <summary>No bytes at all.</summary>
    Empty,
    /// <summary>Larger than <see cref="ProofFile.MaxBytes"/>.</summary>
    TooLarge,
    /// <summary>An executable or script (MZ, ELF, Mach-O, <c>#!</c>), whatever its name says.</summary>
    Executable,
    /// <summary>Its bytes are none of PDF, JPEG or PNG.</summary>
    UnsupportedType,
    /// <summary>A PDF, JPEG or PNG whose declared content type or file extension names another type.</summary>
    DeclaredTypeMismatch,
}

/// <summary>The verdict on one upload: its real type when accepted, else the problem.</summary>
public readonly record struct ProofFileCheck(ProofFileType? Type, ProofFileProblem Problem)
{
    public bool Accepted => Problem == ProofFileProblem.None;

    /// <summary>The content type the file is stored and served with (from its bytes, never from what the browser said).</summary>
    public string? ContentType => Type switch
    {
        ProofFileType.Pdf => "application/pdf",
        ProofFileType.Jpeg => "image/jpeg",
        ProofFileType.Png => "image/png",
        _ => null,
    };
}

/// <summary>
/// The checks of a proof-of-relationship upload: size, real type by its first bytes (magic numbers), and agreement of
/// the declared content type and file extension with that type. A file is judged by its bytes: a renamed executable
/// (<c>setup.exe</c> saved as <c>户口簿.pdf</c>) or a PNG sent as <c>application/pdf</c> is refused.
/// </summary>
public static class ProofFile
{
    /// <summary>5 MB: a phone photo or a scanned page fits; more is refused before it is stored.</summary>
    public const long MaxBytes = 5 * 1024 * 1024;

    /// <summary>How many leading bytes <see cref="Check"/> needs to see.</summary>
    public const int HeaderLength = 16;

    private static readonly byte[] PdfMagic = "%PDF-"u8.ToArray();
    private static readonly byte[] JpegMagic = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <param name="header">The file's first bytes (at least <see cref="HeaderLength"/> when the file is that long).</param>
    /// <param name="length">The whole file's length in bytes.</param>
    /// <param name="declaredContentType">The content type the client sent, if any (parameters such as charset are ignored).</param>
    /// <param name="fileName">The client's file name, if any; only its extension is looked at.</param>
    public static ProofFileCheck Check(ReadOnlySpan<byte> header, long length, string? declaredContentType, string? fileName)
    {
        if (length <= 0 || header.IsEmpty) return Refuse(ProofFileProblem.Empty);
        if (length > MaxBytes) return Refuse(ProofFileProblem.TooLarge);
        if (IsExecutable(header)) return Refuse(ProofFileProblem.Executable);
        ProofFileType? type = header.StartsWith(PdfMagic) ? ProofFileType.Pdf
            : header.StartsWith(JpegMagic) ? ProofFileType.Jpeg
            : header.StartsWith(PngMagic) ? ProofFileType.Png
            : null;
        if (type is not { } real) return Refuse(ProofFileProblem.UnsupportedType);
        if (!Agrees(DeclaredType(declaredContentType), real) || !Agrees(ExtensionType(fileName), real))
            return Refuse(ProofFileProblem.DeclaredTypeMismatch);
        return new ProofFileCheck(real, ProofFileProblem.None);
    }

    /// <summary>Windows PE (<c>MZ</c>), ELF, Mach-O and scripts with a <c>#!</c> line.</summary>
    public static bool IsExecutable(ReadOnlySpan<byte> header) =>
        header.StartsWith("MZ"u8)
        || header.StartsWith(Elf)
        || header.StartsWith(MachO64) || header.StartsWith(MachO32)
        || header.StartsWith(MachO64BigEndian) || header.StartsWith(MachO32BigEndian)
        || header.StartsWith("#!"u8);

    private static ReadOnlySpan<byte> Elf => [0x7F, 0x45, 0x4C, 0x46];
    private static ReadOnlySpan<byte> MachO64 => [0xCF, 0xFA, 0xED, 0xFE];
    private static ReadOnlySpan<byte> MachO32 => [0xCE, 0xFA, 0xED, 0xFE];
    private static ReadOnlySpan<byte> MachO64BigEndian => [0xFE, 0xED, 0xFA, 0xCF];
    private static ReadOnlySpan<byte> MachO32BigEndian => [0xFE, 0xED, 0xFA, 0xCE];

    private static ProofFileCheck Refuse(ProofFileProblem problem) => new(null, problem);

    /// <summary>What a declaration says: nothing (null), an accepted type, or (Known false) a type that is none of them.</summary>
    private readonly record struct Declared(bool Known, ProofFileType Type);

    private static bool Agrees(Declared? declared, ProofFileType real) => declared is not { } d || (d.Known && d.Type == real);

    /// <summary>Nothing when none was sent or it is the generic <c>application/octet-stream</c>.</summary>
    private static Declared? DeclaredType(string? contentType) =>
        (contentType ?? "").Split(';')[0].Trim().ToLowerInvariant() switch
        {
            "" or "application/octet-stream" => null,
            "application/pdf" => new Declared(true, ProofFileType.Pdf),
            "image/jpeg" or "image/jpg" or "image/pjpeg" => new Declared(true, ProofFileType.Jpeg),
            "image/png" => new Declared(true, ProofFileType.Png),
            // Any other declared type (text/x-sh, application/x-msdownload, image/gif) disagrees with every accepted type.
            _ => new Declared(false, default),
        };

    /// <summary>Nothing when the name has no extension.</summary>
    private static Declared? ExtensionType(string? fileName)
    {
        var name = Path.GetFileName(fileName ?? "");
        var dot = name.LastIndexOf('.');
        if (dot < 0 || dot == name.Length - 1) return null;
        return name[(dot + 1)..].ToLowerInvariant() switch
        {
            "pdf" => new Declared(true, ProofFileType.Pdf),
            "jpg" or "jpeg" or "jpe" => new Declared(true, ProofFileType.Jpeg),
            "png" => new Declared(true, ProofFileType.Png),
            _ => new Declared(false, default),
        };
    }
}
