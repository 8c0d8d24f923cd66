using System.Net;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>The ashes page of the funeral home and the cemetery's burials page, posted as a browser without script would.</summary>
public sealed class AshesPagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private async Task<CustodyState> StateAsync(Guid id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<CustodyRecord>().Where(r => r.Id == id).Select(r => r.State).SingleAsync();
    }

    [Fact]
    public async Task TheFuneralHome_RecordsTheAgreement_ThenReleasesTheAshes_OnTheAshesPage()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var clerk = await SignedIn.AsAsync(factory, "funeral.liu");
        var url = CustodyPages.Ashes(seeded.CustodyId);

        var refused = await HtmlForms.SubmitAsync(clerk, url, "agreement", new Dictionary<string, string> { ["destinationType"] = "taken-home" });
        var refusedHtml = await refused.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", refusedHtml);
        Assert.Contains("骨灰去向承诺书", refusedHtml);
        Assert.Equal(CustodyState.Cremated, await StateAsync(seeded.CustodyId));

        var missing = await HtmlForms.SubmitAsync(clerk, url, "agreement", new Dictionary<string, string> { ["destinationType"] = "" });
        Assert.Contains($"href=\"{url}#destinationType\"", await missing.Content.ReadAsStringAsync());

        var agreed = await HtmlForms.SubmitAsync(clerk, url, "agreement", new Dictionary<string, string> { ["destinationType"] = "sea-scattering" });
        Assert.Contains("已保存骨灰安放（葬）协议", await agreed.Content.ReadAsStringAsync());

        var released = await HtmlForms.SubmitAsync(clerk, url, "release", new Dictionary<string, string>
        {
            ["releasedAt"] = ChinaMinuteNow(), ["to"] = "王小明",
        });
        Assert.Contains("骨灰已交付", await released.Content.ReadAsStringAsync());
        Assert.Equal(CustodyState.AshesReleased, await StateAsync(seeded.CustodyId));
    }

    [Fact]
    public async Task AnotherFuneralHome_AndACemetery_CannotOpenTheAshesPage()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var other = await SignedIn.AsAsync(factory, "funeral.tang");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(CustodyPages.Ashes(seeded.CustodyId))).StatusCode);
        var cemetery = await SignedIn.AsAsync(factory, "cemetery.sun");
        Assert.Equal(HttpStatusCode.Forbidden, (await cemetery.GetAsync(CustodyPages.Ashes(seeded.CustodyId))).StatusCode);
    }

    [Fact]
    public async Task TheCemetery_RecordsABurialAndASale_AndSeesThemListed_InEnglishToo()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.AshesReleased);
        var saleCertificate = await Sharing.SharingTestHelpers.IssueAsync(factory);
        var clerk = await SignedIn.AsAsync(factory, "cemetery.sun");

        var empty = await HtmlForms.SubmitAsync(clerk, CustodyPages.Burials, "burial", new Dictionary<string, string> { ["plotOrNiche"] = "A-1" });
        Assert.Contains($"href=\"{CustodyPages.Burials}#burial-certificateNumber\"", await empty.Content.ReadAsStringAsync());

        var buried = await HtmlForms.SubmitAsync(clerk, CustodyPages.Burials, "burial", new Dictionary<string, string>
        {
            ["certificateNumber"] = seeded.CertificateNumber, ["plotOrNiche"] = "松园-08-12", ["at"] = ChinaMinuteNow(),
        });
        var html = await buried.Content.ReadAsStringAsync();
        Assert.Contains("已登记安葬", html);
        Assert.Contains("松园-08-12", html);
        Assert.Equal(CustodyState.Placed, await StateAsync(seeded.CustodyId));

        var again = await HtmlForms.SubmitAsync(clerk, CustodyPages.Burials, "burial", new Dictionary<string, string>
        {
            ["certificateNumber"] = seeded.CertificateNumber, ["plotOrNiche"] = "松园-08-13", ["at"] = ChinaMinuteNow(),
        });
        Assert.Contains("error-summary", await again.Content.ReadAsStringAsync());

        var sold = await HtmlForms.SubmitAsync(clerk, CustodyPages.Burials, "sale", new Dictionary<string, string>
        {
            ["certificateNumber"] = saleCertificate, ["plotOrNiche"] = "竹园-01-01", ["at"] = ChinaMinuteNow(),
        });
        Assert.Contains("已登记墓位销售", await sold.Content.ReadAsStringAsync());

        var english = await clerk.GetStringAsync(CustodyPages.Burials + "?culture=en");
        Assert.Contains("Burials and plot sales", english);
        Assert.Contains("Record a burial", english);
        Assert.Contains("lang=\"zh-CN\">竹园-01-01", english);

        var home = await SignedIn.AsAsync(factory, "funeral.liu");
        Assert.Equal(HttpStatusCode.Forbidden, (await home.GetAsync(CustodyPages.Burials)).StatusCode);
    }

    [Fact]
    public async Task TheMenu_LinksTheBurialsPageForTheCemetery_AndTheFollowUpForTheBureau()
    {
        var cemetery = await SignedIn.AsAsync(factory, "cemetery.sun");
        Assert.Contains($"href=\"{CustodyPages.Burials}\"", await cemetery.GetStringAsync("/"));
        var bureau = await SignedIn.AsAsync(factory, "supervisor.zhou");
        Assert.Contains($"href=\"{CustodyPages.FollowUp}\"", await bureau.GetStringAsync("/"));
    }

    [Fact]
    public async Task TheAshesPages_AreEachInOneLanguage()
    {
        var cremated = await factory.RecordAtAsync(CustodyState.Cremated);
        var released = await factory.RecordAtAsync(CustodyState.AshesReleased);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            await db.Set<CustodyRecord>().Where(r => r.Id == released.CustodyId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.AshesReleasedAt, DateTimeOffset.UtcNow.AddDays(-100)));
            await scope.ServiceProvider.GetRequiredService<Hereafter.Web.Modules.Custody.Features.FollowUpPlacements.PlacementFollowUp>().SweepAsync(CancellationToken.None);
        }
        foreach (var (user, page) in new[]
        {
            ("funeral.liu", CustodyPages.Ashes(cremated.CustodyId)), ("cemetery.sun", CustodyPages.Burials), ("supervisor.zhou", CustodyPages.FollowUp),
        })
        {
            var staff = await SignedIn.AsAsync(factory, user);
            Pricing.PageLanguage.AssertIn(await staff.GetStringAsync(page), "zh-CN", page);
            (await staff.GetAsync("/culture/en")).EnsureSuccessStatusCode();
            Pricing.PageLanguage.AssertIn(await staff.GetStringAsync(page), "en", page);
        }
    }

    private static string ChinaMinuteNow() =>
        Hereafter.Domain.Time.ChinaTime.ToChina(DateTimeOffset.UtcNow.AddMinutes(-2)).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}
