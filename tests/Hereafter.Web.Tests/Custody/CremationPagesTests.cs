using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Hereafter.Domain.Custody;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>The consent pages (counter and the person in charge's phone) and the cremation page, as forms without script.</summary>
public sealed partial class CremationPagesTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [GeneratedRegex("href=\"(?<url>[^\"]*/family/cremation-consent/[^\"]+)\"")]
    private static partial Regex PhoneLink();

    [Fact]
    public async Task TheCounterPage_EntersAPaperConsent_WithErrorsInTheSummary_AndOnlyForTheHoldingHome()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        var liu = await SignedIn.AsAsync(factory, "funeral.liu");
        var url = CustodyPages.Consent(seeded.CustodyId);
        var page = await liu.GetStringAsync(url);
        Assert.Contains("<svg", page);
        Assert.Matches(PhoneLink(), page);
        Assert.DoesNotContain(seeded.CertificateNumber, PhoneLink().Match(page).Groups["url"].Value);

        var bad = await HtmlForms.SubmitAsync(liu, url, page, "consent", new Dictionary<string, string>
        {
            ["name"] = CustodySeed.PersonInCharge.Name, ["idNumber"] = "520112193001010000", ["relationship"] = "child", ["phone"] = "123", ["signedAt"] = "",
        });
        var html = await bad.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html);
        Assert.Contains($"{url}#idNumber", html);
        Assert.Contains($"{url}#phone", html);
        Assert.Contains($"{url}#signedAt", html);

        var signedAt = Hereafter.Domain.Time.ChinaTime.ToChina(DateTimeOffset.UtcNow.AddMinutes(-10)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var good = await HtmlForms.SubmitAsync(liu, url, "consent", new Dictionary<string, string>
        {
            ["name"] = CustodySeed.PersonInCharge.Name, ["idNumber"] = CustodySeed.PersonInCharge.IdNumber, ["relationship"] = "spouse", ["phone"] = "13912345678", ["signedAt"] = signedAt,
        });
        Assert.Contains("确认书已记录", await good.Content.ReadAsStringAsync());
        using (var scope = factory.Services.CreateScope())
        {
            var consent = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<CremationConsent>().SingleAsync(c => c.CustodyId == seeded.CustodyId);
            Assert.Equal(("counter", "spouse"), (consent.Channel, consent.Relationship));
        }

        var tang = await SignedIn.AsAsync(factory, "funeral.tang");
        Assert.Equal(HttpStatusCode.NotFound, (await tang.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await tang.GetAsync(CustodyPages.Cremation(seeded.CustodyId))).StatusCode);
    }

    [Fact]
    public async Task ThePersonInCharge_SignsOnTheirPhone_WithTheirVerifiedNameAndId()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        var liu = await SignedIn.AsAsync(factory, "funeral.liu");
        var link = new Uri(PhoneLink().Match(await liu.GetStringAsync(CustodyPages.Consent(seeded.CustodyId))).Groups["url"].Value).PathAndQuery;

        var phone = await factory.CitizenPageClientAsync("citizen.wang", startAt: link);
        var page = await phone.GetStringAsync(link);
        Assert.Contains("签署遗体火化确认书", page);
        var signed = await HtmlForms.SubmitAsync(phone, link, page, "phone-consent", new Dictionary<string, string> { ["relationship"] = "child", ["phone"] = "13987654321" });
        Assert.Contains("您已签署遗体火化确认书", await signed.Content.ReadAsStringAsync());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var consent = await db.Set<CremationConsent>().SingleAsync(c => c.CustodyId == seeded.CustodyId);
        Assert.Equal("phone", consent.Channel);
        Assert.Equal("13987654321", consent.Phone);
        Assert.Equal(18, consent.IdNumber.Length);
        Assert.NotEqual(CustodySeed.PersonInCharge.IdNumber, consent.IdNumber); // the citizen's own, from the sign-in

        // A made-up or altered code opens nothing.
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(CustodyPages.PhoneConsent("made-up-code"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(link[..^3] + (link[^3] == 'A' ? "B" : "A") + link[^2..])).StatusCode);
    }

    [Fact]
    public async Task TheCremationPage_CrematesIssuesCollectsAndReissues_AndLinksThePdf()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.InStorage);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            db.Add(new CremationConsent
            {
                CustodyId = seeded.CustodyId, Name = CustodySeed.PersonInCharge.Name, IdNumber = CustodySeed.PersonInCharge.IdNumber, Relationship = "child",
                Phone = "13800000000", SignedAt = DateTimeOffset.UtcNow.AddHours(-1), Channel = "counter", RecordedBy = "测试", RecordedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var liu = await SignedIn.AsAsync(factory, "funeral.liu");
        var url = CustodyPages.Cremation(seeded.CustodyId);
        var at = Hereafter.Domain.Time.ChinaTime.ToChina(DateTimeOffset.UtcNow.AddMinutes(-30)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("火化已记录", await (await HtmlForms.SubmitAsync(liu, url, "cremate", new Dictionary<string, string> { ["crematedAt"] = at, ["furnace"] = "1号炉" })).Content.ReadAsStringAsync());
        Assert.Contains("火化证明已出具", await (await HtmlForms.SubmitAsync(liu, url, "issue", new Dictionary<string, string>())).Content.ReadAsStringAsync());
        var page = await liu.GetStringAsync(url);
        Assert.Contains(CustodyPages.CremationCertificatePdf(seeded.CustodyId), page);
        var pdf = await liu.GetAsync(CustodyPages.CremationCertificatePdf(seeded.CustodyId));
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);

        Assert.Contains("领取已登记", await (await HtmlForms.SubmitAsync(liu, url, page, "collect", new Dictionary<string, string>
        {
            ["name"] = CustodySeed.PersonInCharge.Name, ["idNumber"] = CustodySeed.PersonInCharge.IdNumber, ["relationship"] = "child",
        })).Content.ReadAsStringAsync());
        var refused = await (await HtmlForms.SubmitAsync(liu, url, "reissue", new Dictionary<string, string> { ["reason"] = "遗失", ["idNumber"] = People.Next().IdNumber })).Content.ReadAsStringAsync();
        Assert.Contains("补发只能交给首次领取人本人", refused);
        Assert.Contains("火化证明已补发", await (await HtmlForms.SubmitAsync(liu, url, "reissue", new Dictionary<string, string> { ["reason"] = "遗失", ["idNumber"] = CustodySeed.PersonInCharge.IdNumber })).Content.ReadAsStringAsync());
        Assert.DoesNotContain("_handler\" value=\"reissue\"", await liu.GetStringAsync(url));
    }

    [Fact]
    public async Task ThePages_AreInOneLanguage_ChineseOrEnglish()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Cremated);
        var home = await factory.ClientForAsync("demo-funeral-home");
        await home.IssueCremationCertificateAsync(seeded.CustodyId);
        var collector = CustodySeed.PersonInCharge;
        await home.PostAsJsonAsync($"/api/v1/custody/{seeded.CustodyId}/cremation-certificate/collection", new { name = collector.Name, idNumber = collector.IdNumber, relationship = "child" });
        var open = await factory.RecordAtAsync(CustodyState.InStorage);
        string token;
        using (var scope = factory.Services.CreateScope())
            token = (await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<CremationCertificate>().SingleAsync(c => c.CustodyId == seeded.CustodyId)).Token!;

        foreach (var lang in new[] { "en", "zh-CN" })
        {
            var staff = await SignedIn.AsAsync(factory, "funeral.liu");
            var anonymous = factory.CreateClient();
            if (lang == "en")
            {
                (await staff.GetAsync("/culture/en")).EnsureSuccessStatusCode();
                (await anonymous.GetAsync("/culture/en")).EnsureSuccessStatusCode();
            }
            foreach (var (client, page) in new[] { (staff, CustodyPages.Consent(open.CustodyId)), (staff, CustodyPages.Cremation(open.CustodyId)),
                         (staff, CustodyPages.Consent(seeded.CustodyId)), (staff, CustodyPages.Cremation(seeded.CustodyId)), (anonymous, $"/verify/{token}") })
            {
                var html = await client.GetStringAsync(page);
                Hereafter.Web.Tests.Pricing.PageLanguage.AssertIn(html, lang, page);
            }
        }
    }
}
