using System.Net;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Hereafter.Web.Tests.Pricing;

namespace Hereafter.Web.Tests.Family;

/// <summary>Civil affairs' review pages: the list, one claim with its proof, approve and reject by plain form posts.</summary>
public sealed class AdmissionReviewPageTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    /// <summary>File-format codes and the size unit the upload pages name, like PDF.</summary>
    private static readonly string[] Codes = ["JPEG", "PNG", "MB"];

    [Fact]
    public async Task Clerk_SeesTheClaim_InTheListAndMenu_WithTheIdMasked()
    {
        var (citizen, _, admission) = await factory.PendingReviewAsync();
        var clerk = await SignedIn.AsAsync(factory, "clerk.civil");

        var html = await clerk.GetStringAsync("/family-admissions");

        Assert.Contains($"href=\"/family-admissions/{admission.Id}\"", html);
        Assert.Contains(citizen.Name, html);
        Assert.DoesNotContain(citizen.IdNumber, html);
        Assert.Contains(citizen.IdNumber[..4] + "**********" + citizen.IdNumber[^4..], html);
        Assert.Contains("status-legend", html);
        Assert.Contains("href=\"/family-admissions\"", await clerk.GetStringAsync("/"));
    }

    [Fact]
    public async Task Bank_Staff_AreRefused_AndNotOfferedThePage()
    {
        var (citizen, _, admission) = await factory.PendingReviewAsync();
        var bank = await SignedIn.AsAsync(factory, "bank.icbc");

        var list = await bank.GetAsync("/family-admissions");
        var detail = await bank.GetAsync($"/family-admissions/{admission.Id}");

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, detail.StatusCode);
        Assert.DoesNotContain(citizen.Name, await detail.Content.ReadAsStringAsync());
        Assert.DoesNotContain("href=\"/family-admissions\"", await bank.GetStringAsync("/"));
    }

    [Fact]
    public async Task Clerk_ApprovesByForm()
    {
        var (citizen, death, admission) = await factory.PendingReviewAsync();
        var clerk = await SignedIn.AsAsync(factory, "clerk.civil");
        var url = $"/family-admissions/{admission.Id}";
        var page = await clerk.GetStringAsync(url);
        Assert.Contains(death.Person.Name, page);
        Assert.Contains($"/api/v1/family/admissions/{admission.Id}/proof", page);

        var response = await HtmlForms.SubmitAsync(clerk, url, page, "approve", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("已通过", await response.Content.ReadAsStringAsync());
        Assert.Equal(AdmissionStatus.Admitted, (await factory.AdmissionAsync(citizen, death.CaseId)).Status);
    }

    [Fact]
    public async Task Clerk_RejectsByForm_OnlyWithAReason()
    {
        var (citizen, death, admission) = await factory.PendingReviewAsync();
        var clerk = await SignedIn.AsAsync(factory, "clerk.civil");
        var url = $"/family-admissions/{admission.Id}";

        var missing = await HtmlForms.SubmitAsync(clerk, url, "reject", new Dictionary<string, string> { ["reason"] = " " });
        var html = await missing.Content.ReadAsStringAsync();
        Assert.Contains("error-summary", html);
        Assert.Contains("请写明退回原因", html);
        Assert.Equal(AdmissionStatus.PendingReview, (await factory.AdmissionAsync(citizen, death.CaseId)).Status);

        var rejected = await HtmlForms.SubmitAsync(clerk, url, "reject", new Dictionary<string, string> { ["reason"] = "结婚证照片不完整" });
        Assert.Contains("已退回", await rejected.Content.ReadAsStringAsync());
        var stored = await factory.AdmissionAsync(citizen, death.CaseId);
        Assert.Equal((AdmissionStatus.Rejected, "结婚证照片不完整"), (stored.Status, stored.Reason));
    }

    [Fact]
    public async Task ReviewPages_AreInOneLanguage()
    {
        var (_, _, admission) = await factory.PendingReviewAsync();
        var clerk = await SignedIn.AsAsync(factory, "clerk.civil");
        string[] pages = ["/family-admissions", $"/family-admissions/{admission.Id}"];
        foreach (var page in pages)
        {
            var words = PageLanguage.Mismatches(await clerk.GetStringAsync(page), "zh-CN").Where(m => !Codes.Any(m.Contains)).ToList();
            Assert.True(words.Count == 0, $"{page} (zh-CN) shows English words: {string.Join(" | ", words)}");
        }
        (await clerk.GetAsync("/culture/en")).EnsureSuccessStatusCode();
        foreach (var page in pages) PageLanguage.AssertIn(await clerk.GetStringAsync(page), "en", page);
    }
}
