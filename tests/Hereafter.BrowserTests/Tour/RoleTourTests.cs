using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Tour;

/// <summary>
/// The README's tour: one page per role, each checked for what its user sees and saved as <c>docs/images/{role}.png</c>.
/// Every page at the phone viewport (390 × 844), as issue #10 asks: staff use the platform on phones too, and the
/// README shows that they can; viewport screenshots, not full pages, so each image stays small. Works only through pages and the public HTTP API
/// with the demo accounts, so it follows the product rather than the code's layout.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RoleTourTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    private const string DemoSecret = "demo-secret";
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>Set to 1 to refresh the README's screenshots in the repository's <c>docs/images</c>.</summary>
    public const string UpdateVariable = "HEREAFTER_UPDATE_SCREENSHOTS";

    /// <summary>
    /// The repository's <c>docs/images</c> (found by walking up from the test binaries to <c>Hereafter.slnx</c>) when
    /// <see cref="UpdateVariable"/> is 1; otherwise a folder beside the test binaries, so an ordinary test run leaves
    /// the working tree clean.
    /// </summary>
    private static string ImagesDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable(UpdateVariable) != "1") return Path.Combine(AppContext.BaseDirectory, "tour-images");
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Hereafter.slnx"))) return Path.Combine(dir.FullName, "docs", "images");
            throw new DirectoryNotFoundException($"No Hereafter.slnx above {AppContext.BaseDirectory}.");
        }
    }

    private static async Task SaveAsync(IPage page, string role)
    {
        Directory.CreateDirectory(ImagesDirectory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ImagesDirectory, role + ".png"), FullPage = false });
    }

    private async Task<HttpClient> SystemAsync(string clientId)
    {
        var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = clientId, ["client_secret"] = DemoSecret,
        }));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    private async Task<IPage> SignedInAsync(IBrowserContext context, string userName, string displayName)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/signin?user={userName}");
        await page.GetByLabel("密码").FillAsync(DemoSecret);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator(".who")).ToHaveTextAsync(displayName);
        return page;
    }

    private static string Masked(string number) => number[..4] + "**********" + number[^4..];

    /// <summary>
    /// A death as the tour needs it: issued by the demo hospital's system, its death case opened by the outbox, and the
    /// family's chosen funeral home (贵阳市殡仪馆) added by civil affairs so that it may bill the case.
    /// </summary>
    private async Task<(string Number, string VerifyPath, Guid CaseId, string FuneralHomeId)> OpenCaseAsync()
    {
        using var hospital = await SystemAsync("demo-hospital");
        var issued = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next()), Web);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var certificate = await issued.Content.ReadFromJsonAsync<JsonElement>();
        var number = certificate.GetProperty("number").GetString()!;
        var verifyPath = new Uri(certificate.GetProperty("verificationUrl").GetString()!).PathAndQuery;

        using var civil = await SystemAsync("demo-civil-affairs");
        Guid? caseId = null;
        for (var until = DateTime.UtcNow.AddSeconds(30); caseId is null && DateTime.UtcNow < until; await Task.Delay(200))
        {
            var cases = await civil.GetFromJsonAsync<JsonElement>("/api/v1/cases");
            caseId = cases.EnumerateArray().Where(c => c.GetProperty("maskedNumber").GetString() == Masked(number))
                .Select(c => (Guid?)c.GetProperty("caseId").GetGuid()).FirstOrDefault();
        }
        Assert.True(caseId.HasValue, $"the outbox opened a death case for {number} within 30 s");

        var funeralHomeId = (await hospital.GetFromJsonAsync<JsonElement>("/api/v1/price-lists")).EnumerateArray()
            .Single(i => i.GetProperty("name").GetString() == "贵阳市殡仪馆").GetProperty("institutionId").GetString()!;
        var chosen = await civil.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks",
            new { department = "funeral-home", reason = "家属选择贵阳市殡仪馆", organisationId = funeralHomeId }, Web);
        Assert.Equal(HttpStatusCode.Created, chosen.StatusCode);
        return (number, verifyPath, caseId.Value, funeralHomeId);
    }

    [ChromiumFact]
    public async Task EachRole_SeesItsPage_AndTheTourScreenshotsAreSaved()
    {
        var (number, verifyPath, caseId, funeralHomeId) = await OpenCaseAsync();

        // Doctor: the certificate form.
        await using (var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var doctor = await SignedInAsync(context, "doctor.wang", "王立新医生");
            await doctor.GotoAsync("/certificates/new");
            await Expect(doctor.GetByRole(AriaRole.Heading, new() { Name = "填写居民死亡医学证明", Level = 1 })).ToBeVisibleAsync();
            await Expect(doctor.GetByLabel("身份证件号码")).ToBeVisibleAsync();
            await SaveAsync(doctor, "doctor");
        }

        // Police: the household-registration worklist, with the new death waiting.
        await using (var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var police = await SignedInAsync(context, "officer.huang", "黄晓东（户籍民警）");
            await police.GotoAsync("/worklist");
            await Expect(police.GetByRole(AriaRole.Heading, new() { Name = "户口注销待办", Level = 1 })).ToBeVisibleAsync();
            var item = police.Locator($"#case-{caseId:N}");
            await Expect(item).ToContainTextAsync(Masked(number));
            await Expect(item.Locator(".work-badges .status").First).ToContainTextAsync("待接收");
            await SaveAsync(police, "police");
        }

        // Department clerk: the demo pension roll, reconciled by the worker after start.
        await using (var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var clerk = await SignedInAsync(context, "social.wu", "吴海（养老保险）");
            await clerk.GotoAsync("/reconciliation");
            await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "应停未停比对", Level = 1 })).ToBeVisibleAsync();
            await clerk.Locator("a[href^='/reconciliation/']").First.ClickAsync();
            await Expect(clerk.Locator("#job-status")).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = 30_000 });
            await Expect(clerk.GetByRole(AriaRole.Heading, new() { Name = "汇总", Level = 2 })).ToBeVisibleAsync();
            await Expect(clerk.Locator("#exact-stops")).Not.ToHaveTextAsync("0");
            await SaveAsync(clerk, "department-clerk");
        }

        // Funeral home: a bill for the case, priced from its own published list; the answer carries the family's link.
        string familyPath;
        await using (var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var funeral = await SignedInAsync(context, "funeral.liu", "刘洋（业务调度）");
            await funeral.GotoAsync("/prices/bills/new");
            await Expect(funeral.GetByRole(AriaRole.Heading, new() { Name = "出具结算单", Level = 1 })).ToBeVisibleAsync();
            await funeral.GetByLabel("死亡医学证明编号").FillAsync(number);
            // Its first listed item (a basic service, subsidised for residents) and its last (goods the family pays for).
            await funeral.Locator("input[id^='qty-']").First.FillAsync("1");
            await funeral.Locator("input[id^='qty-']").Last.FillAsync("1");
            await funeral.GetByRole(AriaRole.Button, new() { Name = "出具结算单" }).ClickAsync();
            var issued = funeral.Locator("#issued-heading");
            await Expect(issued).ToContainTextAsync("已出具结算单");
            familyPath = (await funeral.Locator("a.family-url").GetAttributeAsync("href"))!;
            Assert.StartsWith("/bills/", familyPath);
            await issued.ScrollIntoViewIfNeededAsync();
            await SaveAsync(funeral, "funeral-home");
        }

        // Supervisor (civil affairs): every death case and each department's progress.
        await using (var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var supervisor = await SignedInAsync(context, "supervisor.zhou", "周文静（监管）");
            await supervisor.GotoAsync("/supervision/cases");
            await Expect(supervisor.GetByRole(AriaRole.Heading, new() { Name = "身后事档案", Level = 1 })).ToBeVisibleAsync();
            await Expect(supervisor.Locator($"a[href='/supervision/cases/{caseId}']")).ToBeVisibleAsync();
            await SaveAsync(supervisor, "supervisor");
        }

        // The public on a phone, no sign-in: a funeral home's price list, and the page a certificate's QR code opens.
        await using (var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var visitor = await context.NewPageAsync();
            await visitor.GotoAsync($"/prices/{funeralHomeId}");
            await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "贵阳市殡仪馆", Level = 1 })).ToBeVisibleAsync();
            await Expect(visitor.Locator(".price-notice")).ToContainTextAsync("12358");
            await SaveAsync(visitor, "public-prices");

            await visitor.GotoAsync(verifyPath);
            await Expect(visitor.Locator(".verify-label")).ToHaveTextAsync("有效");
            await Expect(visitor.Locator(".verify-facts")).ToContainTextAsync(Masked(number));
            await SaveAsync(visitor, "public-verify");
        }

        // The family on a phone, no sign-in: the bill behind the link the funeral home handed over.
        await using (var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone))
        {
            var family = await context.NewPageAsync();
            await family.GotoAsync(familyPath);
            await Expect(family.GetByRole(AriaRole.Heading, new() { Name = "殡葬服务结算单", Level = 1 })).ToBeVisibleAsync();
            await Expect(family.GetByRole(AriaRole.Heading, new() { Name = "收费明细", Level = 2 })).ToBeVisibleAsync();
            await Expect(family.Locator("body")).ToContainTextAsync("12358");
            await SaveAsync(family, "family");
        }

        foreach (var role in new[] { "doctor", "police", "department-clerk", "funeral-home", "supervisor", "public-prices", "public-verify", "family" })
            Assert.True(new FileInfo(Path.Combine(ImagesDirectory, role + ".png")).Length > 5_000, $"{role}.png was written to {ImagesDirectory}");
    }
}
