using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Domain.Certificates;
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

[Collection(BrowserCollection.Name)]
public sealed class CertificatePagesJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    /// <summary>Issues through the real handler as the demo hospital's doctor; returns the verification URL's path.</summary>
    private async Task<(string? VerifyPath, string Status)> IssueAsync(CertificateData data)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var hospital = await db.Set<Organisation>().SingleAsync(o => o.Code == "gy-first-hospital");
        var doctor = new Actor("test:doctor", "王立新医生", hospital.Id, hospital.Name, hospital.Type, new HashSet<string> { Roles.Certifier });
        var issued = await scope.ServiceProvider.GetRequiredService<IssueCertificateHandler>().HandleAsync(doctor, data, CancellationToken.None);
        return (issued.VerificationUrl is null ? null : new Uri(issued.VerificationUrl).PathAndQuery, issued.Status);
    }

    [ChromiumFact]
    public async Task ScanningTheQr_OnAPhone_ShowsValidAndMaskedData_WithoutSidewaysScrolling()
    {
        var person = People.Next();
        var (path, _) = await IssueAsync(People.HospitalDeath(person));
        Assert.NotNull(path);
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();

        await page.GotoAsync(path);

        await Expect(page.Locator(".verify-label")).ToHaveTextAsync("有效");
        await Expect(page.Locator(".verify-facts")).ToContainTextAsync(person.IdNumber[..4] + "**********" + person.IdNumber[^4..]);
        await Expect(page.Locator(".verify-facts")).ToContainTextAsync("贵阳市第一人民医院");
        Assert.DoesNotContain(person.Name, await page.ContentAsync());
        Assert.DoesNotContain(person.IdNumber, await page.ContentAsync());
        Assert.Equal("证明验证 · 百姓身后事服务平台", await page.TitleAsync());
        var width = await ChromiumFixture.ScrollWidthAsync(page);
        Assert.True(width <= 390, $"the verification page scrolls sideways on a phone: scrollWidth {width}");
        var status = await page.Locator(".verify-status").BoundingBoxAsync();
        Assert.NotNull(status);
        Assert.True(status.Y + status.Height <= 844, "the status should be visible without scrolling");
        await ChromiumFixture.ScreenshotAsync(page, "verify-phone");
    }

    [ChromiumFact]
    public async Task Supervisor_OnDesktop_SeesTheReviewQueue_AndPagesFitAPhone()
    {
        var person = People.Next();
        var first = People.HospitalDeath(person);
        await IssueAsync(first);
        var twin = first with
        {
            Decedent = first.Decedent with { IdNumber = DemoData.IdFor("520103", person.BirthDate, 777) },
            Death = first.Death with { DateTime = DateTimeOffset.Parse(first.Death.DateTime!).AddDays(-1).ToString("yyyy-MM-ddTHH:mm:sszzz") },
        };
        Assert.Equal("pending-review", (await IssueAsync(twin)).Status);

        await using var context = await chromium.NewContextAsync(app.BaseUrl);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/signin?user=supervisor.zhou");
        await page.GetByLabel("密码").FillAsync(DemoData.Secret);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator(".who")).ToHaveTextAsync("周文静（监管）");

        await page.GotoAsync("/supervision/certificates?list=review");
        await Expect(page.Locator(".review-note").First).ToContainTextAsync("疑似与证明");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "驳回（同一人员）" }).First).ToBeVisibleAsync();
        await ChromiumFixture.ScreenshotAsync(page, "supervision-desktop");

        await page.SetViewportSizeAsync(390, 844);
        foreach (var path in new[] { "/", "/supervision/certificates?list=review", "/lookup" })
        {
            await page.GotoAsync(path);
            var width = await ChromiumFixture.ScrollWidthAsync(page);
            Assert.True(width <= 390, $"{path} scrolls sideways on a phone: scrollWidth {width}");
        }
        await page.GotoAsync("/");
        await ChromiumFixture.ScreenshotAsync(page, "home-phone");
    }
}
