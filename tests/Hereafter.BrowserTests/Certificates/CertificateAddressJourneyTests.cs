using System.Text.RegularExpressions;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Domain.Certificates;
using Hereafter.Web.Modules.Certificates.Data;
using Hereafter.Web.Modules.Certificates.Features.IssueCertificate;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Demo;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Certificates;

/// <summary>
/// Journeys at 390 px through pages addressed by a certificate's opaque id (issue #10): no address the browser visits
/// carries an ID number, and no page is wider than the phone.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class CertificateAddressJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private async Task<(Guid Id, string Status)> IssueAsync(CertificateData data)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var hospital = await db.Set<Organisation>().SingleAsync(o => o.Code == "gy-first-hospital");
        var doctor = new Actor("test:doctor", "王立新医生", hospital.Id, hospital.Name, hospital.Type, new HashSet<string> { Roles.Certifier });
        var issued = await scope.ServiceProvider.GetRequiredService<IssueCertificateHandler>().HandleAsync(doctor, data, CancellationToken.None);
        var id = await db.Set<Certificate>().Where(c => c.ActiveNumber == issued.Number).Select(c => c.Id).SingleAsync();
        return (id, issued.Status);
    }

    private async Task<(IBrowserContext Context, IPage Page, List<string> Visited)> PhoneAsync(string? userName)
    {
        var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        var visited = new List<string>();
        page.Request += (_, request) => visited.Add(request.Url);
        if (userName is not null)
        {
            await page.GotoAsync($"/signin?user={userName}");
            await page.GetByLabel("密码").FillAsync(DemoData.Secret);
            await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
            await Expect(page.Locator(".who")).ToBeVisibleAsync();
        }
        return (context, page, visited);
    }

    private static async Task AssertFitsAPhoneAsync(IPage page)
    {
        var width = await ChromiumFixture.ScrollWidthAsync(page);
        Assert.True(width <= 390, $"{page.Url} scrolls sideways on a phone: scrollWidth {width}");
    }

    /// <summary>No 15- or 18-character citizen ID in any address the browser asked for.</summary>
    private static void AssertNoIdNumberIn(IEnumerable<string> urls, string idNumber)
    {
        foreach (var url in urls)
        {
            Assert.DoesNotContain(idNumber, url, StringComparison.OrdinalIgnoreCase);
            Assert.False(IdNumberLike().IsMatch(Uri.UnescapeDataString(url)), $"{url} looks like it carries an ID number");
        }
    }

    [ChromiumFact]
    public async Task Supervisor_OnAPhone_DrillsFromATile_ToTheRecord()
    {
        var person = People.Next();
        var first = People.HospitalDeath(person);
        await IssueAsync(first);
        var twin = first with
        {
            Decedent = first.Decedent with { IdNumber = DemoData.IdFor("520103", person.BirthDate, 555) },
            Death = first.Death with { DateTime = DateTimeOffset.Parse(first.Death.DateTime!).AddDays(-1).ToString("yyyy-MM-ddTHH:mm:sszzz") },
        };
        var (heldId, status) = await IssueAsync(twin);
        Assert.Equal("pending-review", status);
        var (context, page, visited) = await PhoneAsync("supervisor.zhou");
        await using var _ = context;

        await page.GotoAsync("/supervision/certificates");
        await AssertFitsAPhoneAsync(page);
        await page.Locator(".tile-link", new() { HasText = "待审核" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("list=review"));
        await Expect(page.Locator(".record-link").First).ToBeVisibleAsync();
        await AssertFitsAPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "supervision-review-phone");

        await page.Locator($".record-link[href='/certificates/{heldId:N}']").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/certificates/{heldId:N}$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "死亡医学证明", Exact = true })).ToBeVisibleAsync();
        await Expect(page.Locator(".status-line .status")).ToContainTextAsync("待审核");
        await AssertFitsAPhoneAsync(page);
        AssertNoIdNumberIn(visited, twin.Decedent.IdNumber!);
    }

    [ChromiumFact]
    public async Task ThePublic_OnAPhone_VerifiesACertificateByNumberAndName()
    {
        var person = People.Next();
        await IssueAsync(People.HospitalDeath(person));
        var (context, page, visited) = await PhoneAsync(null);
        await using var _ = context;

        await page.GotoAsync("/verify");
        await AssertFitsAPhoneAsync(page);
        await page.GetByLabel("证明编号").FillAsync(person.IdNumber);
        await page.GetByLabel("死者姓名").FillAsync(person.Name);
        await page.GetByRole(AriaRole.Button, new() { Name = "查询" }).ClickAsync();

        await Expect(page.Locator(".verify-label")).ToHaveTextAsync("有效");
        await Expect(page.Locator(".verify-facts")).ToContainTextAsync("贵阳市第一人民医院");
        await Expect(page.Locator(".verify-facts")).ToContainTextAsync(person.IdNumber[..4] + "**********" + person.IdNumber[^4..]);
        await AssertFitsAPhoneAsync(page);
        await ChromiumFixture.ScreenshotAsync(page, "verify-by-number-phone");
        AssertNoIdNumberIn(visited, person.IdNumber);
    }

    [ChromiumFact]
    public async Task Police_OnAPhone_OpensCopy2_FromItsOpaqueAddress_AndDownloadsIt()
    {
        var person = People.Next();
        var (id, _) = await IssueAsync(People.HospitalDeath(person));
        var (context, page, visited) = await PhoneAsync("officer.huang");
        await using var _ = context;

        // The worklist links here (CertificatePages.Copy); the officer never types the number.
        await page.GotoAsync($"/lookup/{id:N}");
        await Expect(page.Locator(".copy-name")).ToContainTextAsync("第二联");
        await AssertFitsAPhoneAsync(page);
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a[href*='pdf?copy=2']").ClickAsync());
        Assert.Equal($"死亡医学证明-{id.ToString("N")[..8]}-第二联.pdf", download.SuggestedFilename);
        AssertNoIdNumberIn(visited, person.IdNumber);
    }

    [ChromiumFact]
    public async Task Doctor_OnAPhone_RevokingWithoutConfirming_SeesTheErrorSummaryFocused()
    {
        var person = People.Next();
        var (id, _) = await IssueAsync(People.HospitalDeath(person));
        var (context, page, _) = await PhoneAsync("doctor.wang");
        await using var _c = context;

        await page.GotoAsync($"/certificates/{id:N}");
        await page.GetByLabel("撤销原因").FillAsync("出具对象错误");
        await page.GetByRole(AriaRole.Button, new() { Name = "撤销证明" }).ClickAsync();

        var summary = page.Locator("#error-summary-revoke").Locator("xpath=..");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary).ToBeInViewportAsync();
        await summary.GetByRole(AriaRole.Link, new() { Name = "请勾选确认后再撤销" }).ClickAsync();
        await Expect(page.Locator("#revoke-confirm")).ToBeFocusedAsync();
        await AssertFitsAPhoneAsync(page);
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")]
    private static partial Regex IdNumberLike();
}
