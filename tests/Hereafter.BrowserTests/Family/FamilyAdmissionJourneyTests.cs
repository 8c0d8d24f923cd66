using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Certificates.Features.IssueCertificate;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Family;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Family;

[Collection(BrowserCollection.Name)]
public sealed class FamilyAdmissionJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    /// <summary>Issues through the real handler, then waits (bounded) for the outbox to open the case.</summary>
    private async Task<(People.Person Person, string Number)> OpenCaseAsync()
    {
        var person = People.Next();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var hospital = await db.Set<Organisation>().SingleAsync(o => o.Code == "gy-first-hospital");
        var doctor = new Actor("test:doctor", "王立新医生", hospital.Id, hospital.Name, hospital.Type, new HashSet<string> { Roles.Certifier });
        var issued = await scope.ServiceProvider.GetRequiredService<IssueCertificateHandler>()
            .HandleAsync(doctor, People.HospitalDeath(person), CancellationToken.None);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            using var poll = app.Services.CreateScope();
            if (await poll.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<DeathCase>().AsNoTracking()
                    .AnyAsync(c => c.CertificateNumber == issued.Number))
                return (person, issued.Number);
            await Task.Delay(100);
        }
        throw new TimeoutException($"No case was opened for {issued.Number}.");
    }

    private static async Task AssertPhoneFitAsync(IPage page, string what)
    {
        var width = await ChromiumFixture.ScrollWidthAsync(page);
        Assert.True(width <= 390, $"{what} scrolls sideways on a phone: scrollWidth {width}");
        foreach (var button in await page.Locator("main button[type=submit]").AllAsync())
        {
            var box = await button.BoundingBoxAsync();
            Assert.True(box is { Height: >= 44 }, $"{what}: a button is smaller than 44 px ({box?.Height})");
        }
    }

    [ChromiumFact]
    public async Task Relative_OnAPhone_FindsTheCase_AndUploadsProof_ThenTheClerkApproves()
    {
        var (person, number) = await OpenCaseAsync();

        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var phone = await context.NewPageAsync();
        await FamilySignIn.SignInAsync(phone, People.Next().IdNumber, "/family");
        await AssertPhoneFitAsync(phone, "/family");
        await phone.GetByLabel("证明编号（逝者身份证号码）").FillAsync(number);
        await phone.GetByLabel("逝者姓名").FillAsync(person.Name);
        await phone.GetByLabel("您与逝者的关系").SelectOptionAsync("grandchild");
        await phone.GetByRole(AriaRole.Button, new() { Name = "查找" }).ClickAsync();

        await phone.Locator(".notice").GetByRole(AriaRole.Link, new() { Name = "上传亲属关系证明" }).ClickAsync();
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Name = "上传亲属关系证明" })).ToBeVisibleAsync();
        await AssertPhoneFitAsync(phone, "the proof page");
        await phone.Locator("input[name=file]").SetInputFilesAsync(new FilePayload { Name = "户口簿.png", MimeType = "image/png", Buffer = ProofBytes.Png() });
        await phone.GetByRole(AriaRole.Button, new() { Name = "上传" }).ClickAsync();
        await Expect(phone.Locator(".notice")).ToContainTextAsync("证明材料已提交");
        await AssertPhoneFitAsync(phone, "the proof page after upload");

        await using var clerkContext = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var clerk = await clerkContext.NewPageAsync();
        await clerk.GotoAsync("/signin?user=clerk.civil");
        await clerk.GetByLabel("密码").FillAsync(Hereafter.Web.Platform.Demo.DemoData.Secret);
        await clerk.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(clerk.Locator(".who")).ToHaveTextAsync("吴婷（社会救助）");
        await clerk.GotoAsync("/family-admissions");
        await AssertPhoneFitAsync(clerk, "/family-admissions");
        await clerk.Locator(".admission-link").Filter(new() { HasText = Hereafter.Domain.Identity.PersonalDataMask.Name(person.Name) }).First.ClickAsync();
        await Expect(clerk.Locator("img.proof-image")).ToBeVisibleAsync();
        await AssertPhoneFitAsync(clerk, "the claim page");
        await clerk.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
        await Expect(clerk.Locator(".notice")).ToContainTextAsync("已通过");

        await phone.GotoAsync("/family");
        await Expect(phone.Locator(".family-card").Filter(new() { HasText = person.Name })).ToBeVisibleAsync();
    }
}
