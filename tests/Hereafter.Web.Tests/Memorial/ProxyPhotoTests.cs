using System.Net;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;
using SkiaSharp;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// The site completes an order with photos: real files crafted in the test, judged by decoding, stored re-encoded
/// (no EXIF, no GPS, nothing appended), all or nothing, once.
/// </summary>
public sealed class ProxyPhotoTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private async Task<(HttpClient Citizen, Guid OrderId)> OrderAsync()
    {
        var citizen = await factory.CitizenClientAsync("citizen.wang");
        return (citizen, (await factory.OrderOkAsync(citizen)).OrderId());
    }

    [Fact]
    public async Task TheSiteCompletesWithAPngAndAJpeg_AndTheFamilySeesThem_AsStoredByThePlatform()
    {
        var (citizen, id) = await OrderAsync();
        var site = await factory.ClientForAsync("demo-cemetery");
        var png = ProxyImages.Png(80, 60);
        var response = await site.CompleteAsync(id, "墓碑已清洗，鲜花已献上。", ("headstone.png", png), ("flowers.jpg", ProxyImages.Jpeg(64, 48)));
        var done = await response.ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("completed", done.Status());
        Assert.Equal("墓碑已清洗，鲜花已献上。", done.GetProperty("completionNote").GetString());

        var order = await (await citizen.GetAsync($"/api/v1/memorial/proxy-orders/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        var photos = order.GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal(["image/png", "image/jpeg"], photos.Select(p => p.GetProperty("contentType").GetString()));
        var first = await citizen.GetAsync(photos[0].GetProperty("url").GetString());
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("image/png", first.Content.Headers.ContentType!.MediaType);
        Assert.Equal("nosniff", first.Headers.GetValues("X-Content-Type-Options").Single());
        var served = await first.Content.ReadAsByteArrayAsync();
        var read = ProxyImages.Read(served);
        Assert.Equal((SKEncodedImageFormat.Png, 80, 60), (read.Format, read.Width, read.Height));
        Assert.Equal(SKColors.Red, ProxyImages.Pixel(served, 10, 10));
        // The platform's own encoding, not the bytes sent.
        Assert.Equal((await factory.StoredPhotosAsync(id))[0].Content, served);
        Assert.Equal(["memorial.proxy.completed"], (await factory.AuditActionsAsync($"proxy-order:{id}")).Where(a => a == "memorial.proxy.completed"));
    }

    [Fact]
    public async Task AJpegWithExifGps_ComesBackWithoutIt_AndTurnedUpright()
    {
        var (citizen, id) = await OrderAsync();
        // Orientation 6: the camera was held upright, the pixels lie on their side.
        var sent = ProxyImages.WithExifGps(ProxyImages.Jpeg(64, 48), orientation: 6);
        Assert.Contains((byte)0xE1, ProxyImages.JpegSegments(sent));
        Assert.Equal(SKEncodedOrigin.RightTop, ProxyImages.Read(sent).Origin);

        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync("demo-cemetery")).CompleteAsync(id, ("IMG_0412.jpg", sent))).StatusCode);
        var url = (await (await citizen.GetAsync($"/api/v1/memorial/proxy-orders/{id}")).JsonAsync()).GetProperty("photos")[0].GetProperty("url").GetString();
        var stored = await (await citizen.GetAsync(url)).Content.ReadAsByteArrayAsync();

        Assert.DoesNotContain((byte)0xE1, ProxyImages.JpegSegments(stored));
        Assert.Equal(-1, stored.AsSpan().IndexOf("Exif"u8));
        Assert.Equal(-1, stored.AsSpan().IndexOf(BitConverter.GetBytes(ProxyImages.Latitude.CentiSeconds)));
        var read = ProxyImages.Read(stored);
        Assert.Equal((SKEncodedImageFormat.Jpeg, 48, 64, SKEncodedOrigin.TopLeft), read);
        // Rotated a quarter turn clockwise: the red top-left corner is now the top-right one.
        Assert.True(ProxyImages.Pixel(stored, 40, 8).Red > 200 && ProxyImages.Pixel(stored, 40, 8).Blue < 60);
        Assert.True(ProxyImages.Pixel(stored, 8, 8).Blue > 200 && ProxyImages.Pixel(stored, 8, 8).Red < 60);
    }

    [Fact]
    public async Task WhatIsAppendedAfterTheImage_IsNotKept()
    {
        var (citizen, id) = await OrderAsync();
        var sent = ProxyImages.WithAppended(ProxyImages.Jpeg(), "PK\u0003\u0004<script>steal()</script>hidden-archive");
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync("demo-cemetery")).CompleteAsync(id, ("photo.jpg", sent))).StatusCode);
        var stored = (await factory.StoredPhotosAsync(id)).Single();
        Assert.Equal(-1, stored.Content.AsSpan().IndexOf("hidden-archive"u8));
        Assert.Equal(-1, stored.Content.AsSpan().IndexOf("<script>"u8));
        Assert.Equal(SKEncodedImageFormat.Jpeg, ProxyImages.Read(stored.Content).Format);
    }

    [Fact]
    public async Task ALargePhoto_IsStoredAtMost2048PixelsOnItsLongerSide()
    {
        var (_, id) = await OrderAsync();
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync("demo-cemetery")).CompleteAsync(id, ("wide.jpg", ProxyImages.Jpeg(4096, 1024)))).StatusCode);
        var stored = (await factory.StoredPhotosAsync(id)).Single();
        Assert.Equal((2048, 512), (stored.Width, stored.Height));
        Assert.Equal((2048, 512), (ProxyImages.Read(stored.Content).Width, ProxyImages.Read(stored.Content).Height));
    }

    [Fact]
    public async Task EveryRefusedFile_IsNamedWithItsReason_AndNothingIsStored_ThenAGoodUploadCompletes()
    {
        var (citizen, id) = await OrderAsync();
        var site = await factory.ClientForAsync("demo-cemetery");
        var oversize = new byte[8 * 1024 * 1024 + 1];
        ProxyImages.Jpeg().CopyTo(oversize, 0);
        var refused = await (await site.CompleteAsync(id,
            ("good.jpg", ProxyImages.Jpeg()),
            ("notes.jpg", ProxyImages.Text()),
            ("animation.gif", ProxyImages.Gif()),
            ("modern.webp", ProxyImages.Webp()),
            ("cut.jpg", ProxyImages.Truncated(ProxyImages.Jpeg(400, 300))),
            ("huge.jpg", oversize))).ExpectJsonAsync(HttpStatusCode.BadRequest);

        Assert.Empty(refused.Errors("photos[0]"));
        Assert.Equal("notes.jpg：不是图片，只能上传 JPEG 或 PNG 照片", refused.Errors("photos[1]").Single());
        Assert.Equal("animation.gif：不支持 GIF 格式，只能上传 JPEG 或 PNG 照片", refused.Errors("photos[2]").Single());
        Assert.Equal("modern.webp：不支持 WebP 格式，只能上传 JPEG 或 PNG 照片", refused.Errors("photos[3]").Single());
        Assert.Equal("cut.jpg：图片数据不完整或已损坏，无法解码", refused.Errors("photos[4]").Single());
        Assert.Equal("huge.jpg：文件 8 MB，超过每张 8 MB 的上限", refused.Errors("photos[5]").Single());
        Assert.Equal("memorial.proxy.photo.too-large", refused.GetProperty("errorCodes").GetProperty("photos[5]")[0].GetString());

        // All or nothing: the good photo was not kept and the order is still open.
        Assert.Empty(await factory.StoredPhotosAsync(id));
        var order = await (await citizen.GetAsync($"/api/v1/memorial/proxy-orders/{id}")).ExpectJsonAsync(HttpStatusCode.OK);
        Assert.Equal("ordered", order.Status());
        Assert.Contains("memorial.proxy.photos-refused", await factory.AuditActionsAsync($"proxy-order:{id}"));

        Assert.Equal(HttpStatusCode.OK, (await site.CompleteAsync(id, ("good.jpg", ProxyImages.Jpeg()))).StatusCode);
        Assert.Single(await factory.StoredPhotosAsync(id));
    }

    [Fact]
    public async Task TooManyPhotos_AreRefused_NamingTheOnesOverTheLimit()
    {
        var (_, id) = await OrderAsync();
        var files = Enumerable.Range(1, 8).Select(i => ($"p{i}.png", ProxyImages.Png(20, 20))).ToArray();
        var refused = await (await (await factory.ClientForAsync("demo-cemetery")).CompleteAsync(id, files)).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("最多上传 6 张照片，本次选择了 8 张，超出的是：p7.png、p8.png", refused.Errors("photos").Single());
        Assert.Empty(await factory.StoredPhotosAsync(id));
    }

    [Fact]
    public async Task NoPhoto_IsRefused_AndEnglishNamesTheFileToo()
    {
        var (_, id) = await OrderAsync();
        var site = await factory.ClientForAsync("demo-cemetery");
        Assert.Equal("请至少上传一张照片", (await (await site.CompleteAsync(id, "没有照片")).ExpectJsonAsync(HttpStatusCode.BadRequest)).Errors("photos").Single());
        Assert.Equal("上传的内容无法读取：请重新选择照片后再上传", (await (await site.CompleteAsync(id)).ExpectJsonAsync(HttpStatusCode.BadRequest)).Errors("photos").Single());

        using var form = new MultipartFormDataContent { { new ByteArrayContent(ProxyImages.Gif()), "photos", "cat.gif" } };
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/memorial/proxy-orders/{id}/completion") { Content = form };
        request.Headers.AcceptLanguage.ParseAdd("en");
        var english = await (await site.SendAsync(request)).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("cat.gif: GIF is not accepted; upload JPEG or PNG photos only", english.Errors("photos[0]").Single());
    }

    [Fact]
    public async Task CompletingTwice_Is409_AndTheFirstPhotosStay()
    {
        var (_, id) = await OrderAsync();
        var site = await factory.ClientForAsync("demo-cemetery");
        Assert.Equal(HttpStatusCode.OK, (await site.CompleteAsync(id, ("first.png", ProxyImages.Png()))).StatusCode);
        var again = await site.CompleteAsync(id, ("second.png", ProxyImages.Png(30, 30)), ("third.png", ProxyImages.Png(30, 30)));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("已于", (await again.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal([(64, 48)], (await factory.StoredPhotosAsync(id)).Select(p => (p.Width, p.Height)));
    }

    [Fact]
    public async Task OnlyTheSitesStaff_Complete_AndOnlyTheOrdersPeople_SeeThePhotos()
    {
        var (citizen, id) = await OrderAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientForAsync("demo-cemetery-public")).CompleteAsync(id, ("a.png", ProxyImages.Png()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync("demo-funeral-home")).CompleteAsync(id, ("a.png", ProxyImages.Png()))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.CompleteAsync(id, ("a.png", ProxyImages.Png()))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().CompleteAsync(id, ("a.png", ProxyImages.Png()))).StatusCode);
        Assert.Empty(await factory.StoredPhotosAsync(id));

        var staff = await SignedIn.AsPageCallerAsync(factory, "cemetery.sun");
        Assert.Equal(HttpStatusCode.OK, (await staff.CompleteAsync(id, ("a.png", ProxyImages.Png()))).StatusCode);
        var photo = (await factory.StoredPhotosAsync(id)).Single();
        var url = $"/api/v1/memorial/proxy-orders/{id}/photos/{photo.Id}";
        Assert.Equal(HttpStatusCode.OK, (await citizen.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await factory.CitizenClientAsync("citizen.zhang")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await (await SignedIn.AsAsync(factory, "cemetery.ma")).GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await citizen.GetAsync($"/api/v1/memorial/proxy-orders/{id}/photos/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task TheFamilysPageSession_SeesThePhoto()
    {
        var wang = await factory.CitizenClientAsync("citizen.wang");
        var id = (await factory.OrderOkAsync(wang)).OrderId();
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync("demo-cemetery")).CompleteAsync(id, ("a.jpg", ProxyImages.Jpeg()))).StatusCode);
        var photo = (await factory.StoredPhotosAsync(id)).Single();

        var page = await factory.CitizenPageClientAsync("citizen.wang");
        var html = await page.GetStringAsync($"/family/memorial/proxy/{id}");
        Assert.Contains($"src=\"/api/v1/memorial/proxy-orders/{id}/photos/{photo.Id}\"", html);
        var image = await page.GetAsync($"/api/v1/memorial/proxy-orders/{id}/photos/{photo.Id}");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(photo.Content, await image.Content.ReadAsByteArrayAsync());
        var other = await factory.CitizenPageClientAsync("citizen.zhang");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/memorial/proxy-orders/{id}/photos/{photo.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/family/memorial/proxy/{id}")).StatusCode);
    }
}
