using System.Net;
using System.Net.Http.Headers;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Hereafter.Web.Tests.Memorial.ProxyTestSupport;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>
/// The family's pages and the site's pages, posted as a browser without script would: errors in one summary with links
/// to their fields, masked lists, audited reads, the completion with a photo, each page in Chinese and in English.
/// </summary>
public sealed class ProxyPagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static async Task<HttpResponseMessage> PostOrderFormAsync(HttpClient page, string url, params (string Name, string Value)[] fields)
    {
        var (hidden, action) = HtmlForms.Form(await page.GetStringAsync(url), "proxy-order");
        return await page.PostAsync(action ?? url, new FormUrlEncodedContent([.. hidden, .. fields.Select(f => KeyValuePair.Create(f.Name, f.Value))]));
    }

    private static async Task<HttpResponseMessage> PostCompletionFormAsync(HttpClient staff, string url, string note, params (string Name, byte[] Bytes)[] files)
    {
        var (hidden, action) = HtmlForms.Form(await staff.GetStringAsync(url), "complete");
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in hidden) form.Add(new StringContent(value), name);
        form.Add(new StringContent(note), "note");
        foreach (var (name, bytes) in files)
        {
            var part = new ByteArrayContent(bytes);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(part, "photos", name);
        }
        return await staff.PostAsync(action ?? url, form);
    }

    [Fact]
    public async Task TheFamily_PicksASite_GetsErrorsLinkedToTheirFields_ThenOrders_AndSeesTheOrder()
    {
        var page = await factory.CitizenPageClientAsync("citizen.zhang", MemorialPages.NewProxyOrder);
        var jingyun = await factory.InstitutionAsync(Jingyun);
        var start = await page.GetStringAsync(MemorialPages.NewProxyOrder);
        Assert.Contains($"href=\"{MemorialPages.NewProxyOrder}?site={jingyun}\"", start);
        Assert.Contains("黔灵公益性公墓", start);

        var url = $"{MemorialPages.NewProxyOrder}?site={jingyun}";
        var form = await page.GetStringAsync(url);
        Assert.Contains("代祭扫：清洁墓碑", form);
        Assert.Contains("120.00 元", form);
        Assert.Contains("value=\"13", form); // the signed-in citizen's phone, ready to keep or change

        var refused = await (await PostOrderFormAsync(page, url, ("deceasedName", ""), ("graveLocation", "竹园 1 排 1 号"),
            ("wantedDate", PricingTestHelpers.Today.AddDays(2).ToString("yyyy-MM-dd")), ("contactPhone", "13900139000"))).Content.ReadAsStringAsync();
        Assert.Contains("error-summary", refused);
        Assert.Contains($"href=\"{url}#options\"", refused);
        Assert.Contains($"href=\"{url}#deceasedName\"", refused);
        Assert.Contains("请至少选择一项代祭扫服务", refused);
        Assert.Contains("竹园 1 排 1 号", refused); // what was typed stays

        var fields = new[]
        {
            ("options", ProxySweepingItems.CleanHeadstone), ("options", ProxySweepingItems.Flowers), ("deceasedName", "赵六"),
            ("graveLocation", "竹园 1 排 1 号"), ("wantedDate", PricingTestHelpers.Today.AddDays(2).ToString("yyyy-MM-dd")),
            ("contactPhone", "13900139000"), ("message", "爷爷，清明快乐。"),
        };
        var (hidden, _) = HtmlForms.Form(form, "proxy-order");
        var body = (IEnumerable<KeyValuePair<string, string>>)[.. hidden, .. fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))];
        var ordered = await page.PostAsync(url, new FormUrlEncodedContent(body));
        var orderUrl = ordered.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.StartsWith("/family/memorial/proxy/", orderUrl);
        var html = await ordered.Content.ReadAsStringAsync();
        Assert.Contains("订单已提交", html);
        Assert.Contains("待完成", html);
        Assert.Contains("200.00 元", html);
        Assert.Contains("线下支付", html);
        Assert.Contains("爷爷，清明快乐。", html);

        // The same form sent again (a double tap, a resend) is the same order.
        var again = await page.PostAsync(url, new FormUrlEncodedContent(body));
        Assert.Equal(orderUrl, again.RequestMessage!.RequestUri!.AbsolutePath);
        var mine = await page.GetStringAsync(MemorialPages.NewProxyOrder);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(mine, $"href=\"{orderUrl}\""));
    }

    [Fact]
    public async Task TheSite_SeesMaskedOrders_OpensOneAudited_AndCompletesItWithAPhoto_ThatTheFamilySees()
    {
        var wang = await factory.CitizenClientAsync("citizen.wang");
        var id = (await factory.OrderOkAsync(wang)).OrderId();
        var staff = await SignedIn.AsAsync(factory, "cemetery.sun");

        var home = await staff.GetStringAsync("/");
        Assert.Contains("纪念服务", home);
        Assert.Contains($"href=\"{MemorialPages.ProxyOrders}\"", home);

        var list = await staff.GetStringAsync(MemorialPages.ProxyOrders);
        Assert.Contains(MemorialPages.SiteProxyOrder(id), list);
        Assert.Contains("张*丰", list);
        Assert.Contains("138****8000", list);
        Assert.DoesNotContain("张三丰", list);
        Assert.DoesNotContain("13800138000", list);

        var url = MemorialPages.SiteProxyOrder(id);
        var detail = await staff.GetStringAsync(url);
        Assert.Contains("张三丰", detail);
        Assert.Contains("tel:13800138000", detail);
        Assert.Contains("爸爸，我们都很好，勿念。", detail);
        Assert.Contains("memorial.proxy.read", await factory.AuditActionsAsync($"proxy-order:{id}"));

        var refused = await (await PostCompletionFormAsync(staff, url, "已完成", ("animation.gif", ProxyImages.Gif()), ("ok.png", ProxyImages.Png()))).Content.ReadAsStringAsync();
        Assert.Contains("error-summary", refused);
        Assert.Contains($"href=\"{url}#photos\"", refused);
        Assert.Contains("animation.gif：不支持 GIF 格式，只能上传 JPEG 或 PNG 照片", refused);
        Assert.Empty(await factory.StoredPhotosAsync(id));

        var done = await PostCompletionFormAsync(staff, url, "墓碑已清洗干净。", ("headstone.jpg", ProxyImages.WithExifGps(ProxyImages.Jpeg())));
        Assert.Equal($"{url}?notice=completed", done.RequestMessage!.RequestUri!.PathAndQuery);
        var photo = (await factory.StoredPhotosAsync(id)).Single();
        var completed = await done.Content.ReadAsStringAsync();
        Assert.Contains("已完成", completed);
        Assert.Contains($"src=\"/api/v1/memorial/proxy-orders/{id}/photos/{photo.Id}\"", completed);
        Assert.DoesNotContain("name=\"photos\"", completed);

        var family = await factory.CitizenPageClientAsync("citizen.wang");
        var familyPage = await family.GetStringAsync(MemorialPages.ProxyOrder(id));
        Assert.Contains("墓碑已清洗干净。", familyPage);
        Assert.Contains($"src=\"/api/v1/memorial/proxy-orders/{id}/photos/{photo.Id}\"", familyPage);
    }

    [Fact]
    public void TheCompletionPage_TakesTheWholePhotoAllowance_BeyondTheServersDefaultBodyLimit()
    {
        _ = factory.Server;
        var page = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Single(e => e.RoutePattern.RawText == "/memorial/proxy-orders/{Id:guid}");
        // Six photos of 8 MB do not fit Kestrel's default 30 MB body: the page raises its own limit.
        const long allowance = 6L * 8 * 1024 * 1024;
        Assert.True(page.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize > allowance);
        Assert.True(page.Metadata.GetMetadata<IFormOptionsMetadata>()?.MultipartBodyLengthLimit > allowance);
    }

    [Fact]
    public async Task OtherOrganisations_AndOtherCitizens_CannotOpenThePages()
    {
        var id = (await factory.OrderOkAsync(await factory.CitizenClientAsync("citizen.wang"))).OrderId();
        var doctor = await SignedIn.AsAsync(factory, "doctor.wang");
        Assert.Equal(HttpStatusCode.Forbidden, (await doctor.GetAsync(MemorialPages.ProxyOrders)).StatusCode);
        Assert.DoesNotContain($"href=\"{MemorialPages.ProxyOrders}\"", await doctor.GetStringAsync("/"));
        var otherSite = await SignedIn.AsAsync(factory, "cemetery.ma");
        var notFound = await otherSite.GetAsync(MemorialPages.SiteProxyOrder(id));
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("没有找到这份代祭扫订单", await notFound.Content.ReadAsStringAsync());
        var otherCitizen = await factory.CitizenPageClientAsync("citizen.li");
        Assert.Equal(HttpStatusCode.NotFound, (await otherCitizen.GetAsync(MemorialPages.ProxyOrder(id))).StatusCode);
    }

    [Fact]
    public async Task EveryPage_IsInOneLanguage_ChineseByDefault_AndEnglishWhenChosen()
    {
        var wang = await factory.CitizenClientAsync("citizen.wang");
        var open = (await factory.OrderOkAsync(wang)).OrderId();
        var done = (await factory.OrderOkAsync(wang)).OrderId();
        Assert.Equal(HttpStatusCode.OK, (await (await factory.ClientForAsync("demo-cemetery")).CompleteAsync(done, "已完成。", ("a.png", ProxyImages.Png()))).StatusCode);
        var jingyun = await factory.InstitutionAsync(Jingyun);

        var family = await factory.CitizenPageClientAsync("citizen.wang");
        var staff = await SignedIn.AsAsync(factory, "cemetery.sun");
        var familyPages = new[] { MemorialPages.NewProxyOrder, $"{MemorialPages.NewProxyOrder}?site={jingyun}", MemorialPages.ProxyOrder(open), MemorialPages.ProxyOrder(done) };
        var staffPages = new[] { MemorialPages.ProxyOrders, MemorialPages.SiteProxyOrder(open), MemorialPages.SiteProxyOrder(done) };
        foreach (var (client, pages) in new[] { (family, familyPages), (staff, staffPages) })
            foreach (var url in pages)
                PageLanguage.AssertIn(await client.GetStringAsync(url), "zh-CN", url);

        foreach (var (client, pages) in new[] { (family, familyPages), (staff, staffPages) })
        {
            (await client.GetAsync("/culture/en")).EnsureSuccessStatusCode();
            foreach (var url in pages)
            {
                var html = await client.GetStringAsync(url);
                Assert.Contains("<html lang=\"en\"", html);
                PageLanguage.AssertIn(html, "en", url);
            }
        }
        var english = await family.GetStringAsync(MemorialPages.ProxyOrder(done));
        Assert.Contains("Payment is offline", english);
        Assert.Contains("Proxy-sweeping photo 1", english);
    }
}
