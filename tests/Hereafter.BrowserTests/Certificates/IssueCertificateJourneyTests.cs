using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Certificates;

[Collection(BrowserCollection.Name)]
public sealed class IssueCertificateJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    [ChromiumFact]
    public async Task Doctor_OnAPhone_FixesMistakesFromTheSummary_ChecksTheAnswers_IssuesAndSeesWhoWasTold()
    {
        var staff = await app.SeedStaffAsync(displayName: "王立新医生");
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await SignInAsync(page, staff.UserName, staff.Password);

        await page.GotoAsync("/certificates");
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Link, new() { Name = "填写新证明" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "填写居民死亡医学证明" })).ToBeVisibleAsync();

        // Mistakes: a wrong check digit (so nothing can be read from the number) and a phone number one digit short.
        var person = People.Next();
        var wrong = person.IdNumber[..17] + (person.IdNumber[17] == '0' ? '1' : '0');
        await FillAsync(page, person, wrong, typeBirthDateAndSex: false);
        await page.GetByLabel("联系电话").FillAsync("1398501234");
        await Expect(page.GetByLabel("出生日期")).ToHaveValueAsync("");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：核对" }).ClickAsync();

        await Expect(page.Locator("#decedent-idNumber-error")).ToHaveTextAsync("身份证号码校验位错误");
        await Expect(page.GetByLabel("死者姓名")).ToHaveValueAsync(person.Name);
        var summary = page.Locator(".error-summary");
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToContainTextAsync("处需要修改");
        await ChromiumFixture.ScreenshotAsync(page, "certificate-form-error");
        await summary.GetByRole(AriaRole.Link, new() { Name = "身份证号码校验位错误" }).ClickAsync();
        await Expect(page.GetByLabel("身份证件号码")).ToBeFocusedAsync();

        // The right number fills birth date and sex (certificate-form.js).
        await page.GetByLabel("身份证件号码").FillAsync(person.IdNumber);
        await Expect(page.GetByLabel("出生日期")).ToHaveValueAsync(person.BirthDate.ToString("yyyy-MM-dd"));
        await Expect(page.GetByLabel("性别")).ToHaveValueAsync(person.Sex);
        await page.GetByLabel("联系电话").FillAsync("13985012345");
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：核对" }).ClickAsync();

        // 请核对: every answer, a 修改 per section; nothing saved yet.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "请核对死亡医学证明", Level = 1 })).ToBeVisibleAsync();
        var decedent = page.Locator(".check-group").Filter(new() { Has = page.GetByRole(AriaRole.Heading, new() { Name = "死者信息" }) });
        await Expect(decedent).ToContainTextAsync(person.Name);
        await Expect(decedent).ToContainTextAsync(person.BirthDate.ToString("yyyy-MM-dd"));
        await Expect(decedent).ToContainTextAsync("男");
        await ChromiumFixture.ScreenshotAsync(page, "certificate-check-phone");
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= 390, $"请核对 scrolls sideways on a phone: scrollWidth {await ChromiumFixture.ScrollWidthAsync(page)}");

        // 修改 goes back to its section with every value kept, then on to 请核对 again.
        await page.GetByRole(AriaRole.Button, new() { Name = "修改 家属联系人" }).ClickAsync();
        await Expect(page.GetByLabel("家属姓名")).ToBeFocusedAsync();
        await Expect(page.GetByLabel("联系电话")).ToHaveValueAsync("13985012345");
        await Expect(page.GetByLabel("身份证件号码")).ToHaveValueAsync(person.IdNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：核对" }).ClickAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "确认出具" }).ClickAsync();

        var notice = page.Locator(".issued-notice");
        await Expect(notice).ToContainTextAsync("死亡医学证明已出具");
        Assert.Matches("/certificates/[0-9a-f]{32}\\?notice=issued$", page.Url); // the opaque id, never the ID number
        foreach (var department in new[] { "公安（户口注销）", "人社（养老保险）", "医保", "民政（低保/特困/高龄津贴）", "住房公积金" })
            await Expect(notice.Locator(".departments-told")).ToContainTextAsync(department);
        await Expect(notice.Locator(".copies li")).ToHaveCountAsync(4);
        await Expect(notice.Locator(".copies")).ToContainTextAsync("交公安机关办理户籍注销");
        await Expect(notice.Locator(".copies")).ToContainTextAsync("交死者家属保存");
        await ChromiumFixture.ScreenshotAsync(page, "certificate-issued-phone");
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= 390, $"the issued page scrolls sideways on a phone: scrollWidth {await ChromiumFixture.ScrollWidthAsync(page)}");

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Link, new() { Name = "打印第三联" }).ClickAsync());
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.Length > 10 * 1024, $"PDF is only {bytes.Length} bytes");
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }

    [ChromiumFact]
    public async Task TheForm_OnAPhone_IsOneColumnWithoutSidewaysScrolling_AndIssues()
    {
        var staff = await app.SeedStaffAsync(displayName: "赵手机医生", organisationName: "手机区人民医院");
        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var page = await context.NewPageAsync();
        await SignInAsync(page, staff.UserName, staff.Password);

        await page.GotoAsync("/certificates/new");
        await ChromiumFixture.ScreenshotAsync(page, "certificate-form-phone");
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= 390, $"form scrolls sideways on a phone: scrollWidth {await ChromiumFixture.ScrollWidthAsync(page)}");
        var name = await page.GetByLabel("死者姓名").BoundingBoxAsync();
        var sex = await page.GetByLabel("性别").BoundingBoxAsync();
        Assert.True(sex!.Y > name!.Y + name.Height, "fields should stack in one column on a phone");

        var person = People.Next("2");
        await FillAsync(page, person, person.IdNumber);
        await page.GetByRole(AriaRole.Button, new() { Name = "下一步：核对" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "确认出具" }).ClickAsync();

        await Expect(page.GetByText("死亡医学证明已出具")).ToBeVisibleAsync();
        await ChromiumFixture.ScreenshotAsync(page, "certificate-detail-phone");
        Assert.True(await ChromiumFixture.ScrollWidthAsync(page) <= 390, $"detail page scrolls sideways on a phone: scrollWidth {await ChromiumFixture.ScrollWidthAsync(page)}");
    }

    private static async Task FillAsync(IPage page, People.Person person, string idNumber, bool typeBirthDateAndSex = true)
    {
        var deathAt = DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).AddHours(-6);
        await page.GetByLabel("死者姓名").FillAsync(person.Name);
        if (typeBirthDateAndSex) await page.GetByLabel("性别").SelectOptionAsync(person.Sex);
        await page.GetByLabel("民族").FillAsync("汉族");
        await page.GetByLabel("身份证件号码").FillAsync(idNumber);
        if (typeBirthDateAndSex) await page.GetByLabel("出生日期").FillAsync(person.BirthDate.ToString("yyyy-MM-dd"));
        await page.GetByLabel("婚姻状况").SelectOptionAsync("2");
        await page.GetByLabel("文化程度").SelectOptionAsync("4");
        await page.Locator("#decedent-occupation").FillAsync("退休人员");
        await page.GetByLabel("户籍地址").FillAsync("贵州省贵阳市南明区中华南路88号");
        await page.GetByLabel("常住地址").FillAsync("贵州省贵阳市南明区中华南路88号");
        await page.Locator("#death-dateTime").FillAsync(deathAt.ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByLabel("死亡地点类型").SelectOptionAsync("1");
        await page.GetByLabel("死亡地点名称").FillAsync("贵阳市第一人民医院");
        if (person.Sex == "2") await page.GetByLabel("妊娠情况（女性）").SelectOptionAsync("3");
        await page.Locator("#causes-partI-0-text").FillAsync("急性心肌梗死");
        await page.Locator("#causes-partI-0-interval-value").FillAsync("3");
        await page.Locator("#causes-partI-0-interval-unit").SelectOptionAsync("hours");
        await page.Locator("#causes-partI-0-icd10").FillAsync("I21.9");
        await page.GetByLabel("根本死因 ICD-10 编码").FillAsync("I21.9");
        await page.GetByLabel("诊断依据").SelectOptionAsync("4");
        await page.GetByLabel("最高诊断单位").SelectOptionAsync("1");
        await page.GetByLabel("死亡方式").SelectOptionAsync("1");
        await page.GetByLabel("家属姓名").FillAsync("王丽");
        await page.GetByLabel("与死者关系").FillAsync("女儿");
        await page.GetByLabel("联系电话").FillAsync("13985012345");
        await page.GetByLabel("家属地址").FillAsync("贵州省贵阳市南明区中华南路88号");
        await page.GetByLabel("执业证书编码").FillAsync("110520100012345");
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/signin");
        await page.GetByLabel("用户名").FillAsync(userName);
        await page.GetByLabel("密码").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录" }).ClickAsync();
        await Expect(page.Locator(".who")).ToBeVisibleAsync();
    }

}
