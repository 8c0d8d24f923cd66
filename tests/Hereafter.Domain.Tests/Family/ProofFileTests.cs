using Hereafter.Domain.Family;

namespace Hereafter.Domain.Tests.Family;

public class ProofFileTests
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n%\u00e2\u00e3\n1 0 obj"u8];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1];
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];
    private static readonly byte[] WindowsExe = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xFF, 0xFF, 0, 0];
    private static readonly byte[] Elf = [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    private static readonly byte[] Script = [.. "#!/bin/sh\nrm -rf /\n"u8];

    private static ProofFileCheck Check(byte[] bytes, string? contentType, string? name, long? length = null) =>
        ProofFile.Check(bytes, length ?? bytes.Length, contentType, name);

    [Theory]
    [InlineData("application/pdf", "户口簿.pdf", ProofFileType.Pdf)]
    [InlineData("application/octet-stream", "scan.PDF", ProofFileType.Pdf)]
    [InlineData(null, null, ProofFileType.Pdf)]
    public void Pdf_DeclaredAsPdf_IsAccepted(string? contentType, string? name, ProofFileType expected)
    {
        var check = Check(Pdf, contentType, name);
        Assert.True(check.Accepted);
        Assert.Equal(expected, check.Type);
        Assert.Equal("application/pdf", check.ContentType);
    }

    [Fact]
    public void Jpeg_WithJpgExtension_IsAccepted()
    {
        var check = Check(Jpeg, "image/jpeg", "结婚证.JPG");
        Assert.Equal(ProofFileProblem.None, check.Problem);
        Assert.Equal("image/jpeg", check.ContentType);
    }

    [Fact]
    public void Png_DeclaredAsPng_IsAccepted() =>
        Assert.Equal(ProofFileType.Png, Check(Png, "image/png", "photo.png").Type);

    [Fact]
    public void Empty_IsRefused()
    {
        Assert.Equal(ProofFileProblem.Empty, Check([], "application/pdf", "a.pdf").Problem);
        Assert.Equal(ProofFileProblem.Empty, Check(Pdf, "application/pdf", "a.pdf", length: 0).Problem);
    }

    [Fact]
    public void Oversize_IsRefused()
    {
        Assert.Equal(ProofFileProblem.TooLarge, Check(Pdf, "application/pdf", "a.pdf", length: ProofFile.MaxBytes + 1).Problem);
        Assert.True(Check(Pdf, "application/pdf", "a.pdf", length: ProofFile.MaxBytes).Accepted);
    }

    [Theory]
    [InlineData("application/pdf", "户口簿.pdf")]
    [InlineData("image/jpeg", "photo.jpg")]
    [InlineData("application/x-msdownload", "setup.exe")]
    public void WindowsExecutable_WhateverItsName_IsRefused(string contentType, string name) =>
        Assert.Equal(ProofFileProblem.Executable, Check(WindowsExe, contentType, name).Problem);

    [Fact]
    public void ElfAndScripts_NamedAsDocuments_AreRefused()
    {
        Assert.Equal(ProofFileProblem.Executable, Check(Elf, "application/pdf", "proof.pdf").Problem);
        Assert.Equal(ProofFileProblem.Executable, Check(Script, "image/png", "proof.png").Problem);
    }

    [Fact]
    public void PngDeclaredAsPdf_IsRefused()
    {
        Assert.Equal(ProofFileProblem.DeclaredTypeMismatch, Check(Png, "application/pdf", "proof.png").Problem);
        Assert.Equal(ProofFileProblem.DeclaredTypeMismatch, Check(Png, "image/png", "proof.pdf").Problem);
    }

    [Theory]
    [InlineData("text/plain", "proof.txt")]
    [InlineData("image/gif", "proof.gif")]
    public void OtherTypes_AreRefusedAsUnsupported(string contentType, string name)
    {
        byte[] gif = [.. "GIF89a\u0001\u0000\u0001\u0000"u8];
        byte[] text = [.. "我的户口簿在这里"u8];
        Assert.Equal(ProofFileProblem.UnsupportedType, Check(name.EndsWith(".gif") ? gif : text, contentType, name).Problem);
    }

    [Fact]
    public void RealPdf_DeclaredAsImageOrWithOtherExtension_IsRefused()
    {
        Assert.Equal(ProofFileProblem.DeclaredTypeMismatch, Check(Pdf, "image/jpeg", "scan.pdf").Problem);
        Assert.Equal(ProofFileProblem.DeclaredTypeMismatch, Check(Pdf, "application/pdf", "scan.docx").Problem);
    }
}
