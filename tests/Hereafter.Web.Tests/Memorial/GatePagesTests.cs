using System.Net;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;

namespace Hereafter.Web.Tests.Memorial.BookingPages;

/// <summary>The gate's phone page (/memorial/gate): a scanned pass checked in once, at its own site, in its slot.</summary>
public sealed class GatePagesTests(BookingPagesFactory factory) : IClassFixture<BookingPagesFactory>
{
    private const string Gate = "/memorial/gate";

    /// <summary>A new citizen's booking of the demo slot of 景云山公墓 today starting at <paramref name="fromHour"/>, and its pass token.</summary>
    private async Task<(Guid Id, string Token, HttpClient Citizen)> BookTodayAsync(int fromHour, int party = 2, string plate = "")
    {
        var slot = await factory.DemoSlotTodayAsync(fromHour);
        var (citizen, person) = await factory.NewCitizenOnPagesAsync();
        var id = BookingPageActions.PassIdOf(await citizen.BookAsync(slot.Id, party, plate));
        var token = Assert.Single(await factory.BookingsOfAsync(person.IdNumber)).PassToken!;
        // The token the citizen's pass page shows under its QR code.
        Assert.Contains($"<code>{token}</code>", await citizen.GetStringAsync($"/family/memorial/bookings/{id}"));
        return (id, token, citizen);
    }

    private static async Task<string> ScanAsync(HttpClient staff, string code) =>
        await (await HtmlForms.SubmitAsync(staff, Gate, "check-in", new Dictionary<string, string> { ["code"] = code })).HtmlAsync();

    [Fact]
    public async Task OnlySiteStaff_OpenTheGate()
    {
        var funeralHome = await SignedIn.AsAsync(factory, "funeral.liu");
        var refused = await funeralHome.GetAsync(Gate);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("入园核验仅限公墓和骨灰堂使用。", await refused.HtmlAsync());

        var cemetery = await SignedIn.AsAsync(factory, "cemetery.sun");
        var html = await (await cemetery.GetAsync(Gate)).HtmlAsync();
        Assert.Contains("<label for=\"code\">", html);
        Assert.Matches("<input id=\"code\"[^>]*autofocus", html);
        // No script needed: a plain form post.
        Assert.Contains("name=\"_handler\" value=\"check-in\"", html);
    }

    [Fact]
    public async Task APass_IsCheckedInOnce_AndASecondScanSaysWhenItWasUsed()
    {
        var (id, token, citizen) = await BookTodayAsync(10, party: 3, plate: "贵A90909");
        var gate = await SignedIn.AsAsync(factory, "cemetery.sun");

        var html = await ScanAsync(gate, token);
        Assert.Contains("<p class=\"verify-label\">已核验</p>", html);
        Assert.Contains("3 人", html);
        Assert.Contains("贵A90909", html);
        Assert.Contains("10:00–12:00", html);

        html = await ScanAsync(gate, token);
        Assert.Contains("<p class=\"verify-label\">已于 10:00 使用</p>", html);
        Assert.DoesNotContain(">已核验<", html);

        // The citizen's pass says so too, without its QR code.
        var pass = System.Net.WebUtility.HtmlDecode(await citizen.GetStringAsync($"/family/memorial/bookings/{id}"));
        Assert.Contains("已于 2027-03-30 10:00 入园使用", pass);
        Assert.DoesNotContain("<svg", pass);
    }

    [Fact]
    public async Task TheWholePassAddress_IsAcceptedLikeTheToken()
    {
        var (_, token, _) = await BookTodayAsync(10);
        var gate = await SignedIn.AsAsync(factory, "cemetery.sun");
        var html = await ScanAsync(gate, $"  http://localhost/memorial/passes/{token}\n");
        Assert.Contains("<p class=\"verify-label\">已核验</p>", html);
    }

    [Fact]
    public async Task AnotherSitesPass_IsNotThisSitesBooking()
    {
        var (_, token, _) = await BookTodayAsync(10);
        var otherSite = await SignedIn.AsAsync(factory, "cemetery.ma");
        var html = await ScanAsync(otherSite, token);
        Assert.Contains("<p class=\"verify-label\">不是本园的预约</p>", html);
        Assert.Contains("景云山公墓", html);
        // Refused there, it still checks in at its own site.
        Assert.Contains("已核验", await ScanAsync(await SignedIn.AsAsync(factory, "cemetery.sun"), token));
    }

    [Fact]
    public async Task APassOutsideItsSlot_IsRefused()
    {
        var (_, token, _) = await BookTodayAsync(15);
        var html = await ScanAsync(await SignedIn.AsAsync(factory, "cemetery.sun"), token);
        Assert.Contains("<p class=\"verify-label\">不在预约时段</p>", html);
        Assert.Contains("未到入园时间", html);
    }

    [Fact]
    public async Task ACancelledPass_AndSomethingThatIsNoPass_AreRefused_AndAnEmptyScanIsAsked()
    {
        var (id, token, citizen) = await BookTodayAsync(13);
        await HtmlForms.SubmitAsync(citizen, $"/family/memorial/bookings/{id}?confirm=1", "cancel", new Dictionary<string, string>());
        var gate = await SignedIn.AsAsync(factory, "cemetery.sun");
        Assert.Contains("<p class=\"verify-label\">预约已取消</p>", await ScanAsync(gate, token));
        Assert.Contains("<p class=\"verify-label\">无效的预约二维码</p>", await ScanAsync(gate, "hello"));

        var empty = await ScanAsync(gate, "  ");
        Assert.Contains($"href=\"{Gate}#code\"", empty);
        Assert.Contains("请扫描预约二维码或输入通行码", empty);
        Assert.DoesNotContain("verify-label", empty);
    }

    [Fact]
    public async Task InEnglish_TheAnswerIsEnglish()
    {
        var (_, token, _) = await BookTodayAsync(10, plate: "贵A80808");
        var gate = await SignedIn.AsAsync(factory, "cemetery.sun");
        await gate.GetAsync("/culture/en?returnUrl=%2F");
        var html = await ScanAsync(gate, token);
        Assert.Contains("<p class=\"verify-label\">Checked in</p>", html);
        Assert.Contains("<span lang=\"zh-CN\" class=\"nowrap\">贵A80808</span>", html);
    }
}
