using Hereafter.Domain.Identity;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Memorial.Features.ProxyCompletion;
using SkiaSharp;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>Proxy sweeping's rules without a server: option codes, the phone mask, and each EXIF orientation turned into pixels.</summary>
public sealed class ProxyRulesTests
{
    [Theory]
    [InlineData("nonbasic.proxy-sweep.clean", true)]
    [InlineData("nonbasic.proxy-sweep.", false)]
    [InlineData("goods.flowers", false)]
    [InlineData("NONBASIC.PROXY-SWEEP.CLEAN", false)]
    [InlineData(null, false)]
    public void OnlyProxySweepCodes_AreOptions(string? code, bool option) => Assert.Equal(option, ProxySweepingItems.IsProxySweeping(code));

    [Theory]
    [InlineData("13800138000", "138****8000")]
    [InlineData("0851-86822233", "085******2233")]
    [InlineData("12345", "***45")]
    [InlineData(" ", "")]
    public void Phones_KeepTheirFirstThreeAndLastFourDigits(string phone, string masked) => Assert.Equal(masked, PersonalDataMask.Phone(phone));

    /// <summary>
    /// A 64×48 picture whose top-left quadrant is red, stored with each EXIF orientation: the photo kept is upright, so
    /// the red quadrant lands where a viewer applying the orientation would show it, and the sides swap for 5–8.
    /// </summary>
    [Theory]
    [InlineData(1, 64, 48, "top-left")]
    [InlineData(2, 64, 48, "top-right")]
    [InlineData(3, 64, 48, "bottom-right")]
    [InlineData(4, 64, 48, "bottom-left")]
    [InlineData(5, 48, 64, "top-left")]
    [InlineData(6, 48, 64, "top-right")]
    [InlineData(7, 48, 64, "bottom-right")]
    [InlineData(8, 48, 64, "bottom-left")]
    public void EachExifOrientation_IsAppliedToThePixels_AndDropped(ushort orientation, int width, int height, string red)
    {
        var check = ProxyPhotos.Process(ProxyImages.WithExifGps(ProxyImages.Jpeg(64, 48), orientation));
        var photo = Assert.IsType<ProcessedPhoto>(check.Photo);
        Assert.Equal((width, height), (photo.Width, photo.Height));
        Assert.Equal(SKEncodedOrigin.TopLeft, ProxyImages.Read(photo.Content).Origin);
        var (x, y) = red switch
        {
            "top-left" => (width / 4, height / 4),
            "top-right" => (width * 3 / 4, height / 4),
            "bottom-right" => (width * 3 / 4, height * 3 / 4),
            _ => (width / 4, height * 3 / 4),
        };
        var pixel = ProxyImages.Pixel(photo.Content, x, y);
        Assert.True(pixel.Red > 200 && pixel.Blue < 60, $"expected red at the {red} ({x}, {y}), found {pixel}");
        var opposite = ProxyImages.Pixel(photo.Content, width - 1 - x, height - 1 - y);
        Assert.True(opposite.Blue > 200 && opposite.Red < 60, $"expected blue opposite the {red}, found {opposite}");
    }

    [Fact]
    public void APngKeepsItsTransparency_AndStaysPng()
    {
        using var surface = SKSurface.Create(new SKImageInfo(10, 10, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        using var image = surface.Snapshot();
        var check = ProxyPhotos.Process(image.Encode(SKEncodedImageFormat.Png, 100).ToArray());
        Assert.Equal("image/png", check.Photo!.ContentType);
        Assert.Equal(0, ProxyImages.Pixel(check.Photo.Content, 5, 5).Alpha);
    }

    [Fact]
    public void AnEmptyFile_IsEmpty_AndAHeicHeader_IsNamed()
    {
        Assert.Equal(ProxyPhotoProblem.Empty, ProxyPhotos.Process([]).Problem);
        byte[] heic = [0, 0, 0, 24, .. "ftypheic"u8, 0, 0, 0, 0, .. "mif1heic"u8];
        var check = ProxyPhotos.Process(heic);
        Assert.Equal((ProxyPhotoProblem.UnsupportedFormat, "HEIC"), (check.Problem, check.Format));
    }
}
