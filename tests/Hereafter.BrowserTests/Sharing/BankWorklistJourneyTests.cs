using System.Text.Json.Nodes;
using Hereafter.BrowserTests.Infrastructure;
using Hereafter.Web.Modules.Certificates.Features.IssueCertificate;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Hereafter.BrowserTests.Sharing;

/// <summary>A bank clerk on a phone answers a family's deposit query from the worklist (no page wider than the screen).</summary>
[Collection(BrowserCollection.Name)]
public sealed class BankWorklistJourneyTests(ChromiumFixture chromium, BrowserAppFactory app) : IClassFixture<BrowserAppFactory>
{
    /// <summary>Issues a certificate, waits (bounded) for its case, and has the family ask 工行 for the deceased's deposits.</summary>
    private async Task<Guid> CaseWithADepositQueryAsync()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var hospital = await db.Set<Organisation>().SingleAsync(o => o.Code == "gy-first-hospital");
        var icbc = await db.Set<Organisation>().SingleAsync(o => o.Code == "icbc-guiyang");
        var doctor = new Actor("test:doctor", "王立新医生", hospital.Id, hospital.Name, hospital.Type, new HashSet<string> { Roles.Certifier });
        var issued = await scope.ServiceProvider.GetRequiredService<IssueCertificateHandler>()
            .HandleAsync(doctor, People.HospitalDeath(People.Next()), CancellationToken.None);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            using var poll = app.Services.CreateScope();
            var pollDb = poll.ServiceProvider.GetRequiredService<HereafterDbContext>();
            if (await pollDb.Set<DeathCase>().AsNoTracking().FirstOrDefaultAsync(c => c.CertificateNumber == issued.Number) is { } found)
            {
                await using var tx = await pollDb.Database.BeginTransactionAsync();
                var details = new JsonObject
                {
                    ["applicant"] = new JsonObject { ["name"] = "王丽", ["idNumberMasked"] = "5201**********0024", ["phone"] = "13800000002", ["relationship"] = "child" },
                    ["payoutAccount"] = new JsonObject { ["bank"] = "中国工商银行", ["accountNumber"] = "6212260200009876789", ["holderName"] = "王丽" },
                };
                await poll.ServiceProvider.GetRequiredService<ICaseTaskRequests>()
                    .OpenAsync(found.Id, [new TaskRequest(CaseTaskItem.BankDeposits, icbc.Id, details)], "王丽（家属）", CancellationToken.None);
                await pollDb.SaveChangesAsync();
                await tx.CommitAsync();
                return found.Id;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No case was opened for {issued.Number}.");
    }

    [ChromiumFact]
    public async Task BankClerk_OnAPhone_AnswersADepositQuery_WithTwoAccountsAndAReleaseOffer()
    {
        var caseId = await CaseWithADepositQueryAsync();
        var key = $"{caseId:N}-bank-deposits";

        await using var context = await chromium.NewContextAsync(app.BaseUrl, ChromiumFixture.Phone);
        var bank = await DemoSignIn.AsAsync(context, "bank.icbc");
        await bank.GotoAsync("/worklist");
        var card = bank.Locator($"#case-{key}");
        await Expect(card.Locator(".work-title")).ToHaveTextAsync("存款查询");
        await Expect(card).ToContainTextAsync("****6789");
        await Expect(card).ToContainTextAsync("子女");

        await card.Locator("summary").ClickAsync();
        await card.GetByLabel("已办结").CheckAsync();
        await bank.Locator($"#acct-{key}-0-type").SelectOptionAsync("活期");
        await bank.Locator($"#acct-{key}-0-accountNumber").FillAsync("6222020200112233445");
        await bank.Locator($"#acct-{key}-0-balance").FillAsync("12345.67");
        await bank.Locator($"#acct-{key}-1-type").SelectOptionAsync("定期");
        await bank.Locator($"#acct-{key}-1-accountNumber").FillAsync("6222020200119999");
        await bank.Locator($"#acct-{key}-1-balance").FillAsync("30000");
        await bank.Locator($"#release-{key}").CheckAsync();
        var open = await ChromiumFixture.ScrollWidthAsync(bank);
        Assert.True(open <= 390, $"the bank's answer form scrolls sideways on a phone: scrollWidth {open}");
        await ChromiumFixture.ScreenshotAsync(bank, "bank-worklist-form-phone");
        await card.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

        await Expect(bank.Locator(".notice")).ToContainTextAsync("的办理结果：已办结。");
        var saved = bank.Locator($"#case-{key}");
        await Expect(saved.Locator(".work-badges .status").First).ToContainTextAsync("已办结");
        await Expect(saved.Locator(".account-list")).ToContainTextAsync("****3445");
        await Expect(saved.Locator(".account-list")).ToContainTextAsync("****9999");
        await Expect(saved).ToContainTextAsync("已向家属提供");
        Assert.DoesNotContain("6222020200112233445", await bank.ContentAsync());
        var after = await ChromiumFixture.ScrollWidthAsync(bank);
        Assert.True(after <= 390, $"the worklist scrolls sideways on a phone after saving: scrollWidth {after}");
    }
}
