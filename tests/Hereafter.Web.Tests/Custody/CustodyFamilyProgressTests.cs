using Hereafter.Domain.Custody;
using Hereafter.Web.Tests.Family;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;

namespace Hereafter.Web.Tests.Custody;

/// <summary>The family's progress page shows where the remains and ashes are: pickup, cremation, placement.</summary>
public sealed class CustodyFamilyProgressTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task ProgressPage_ShowsTheCustodyMilestones_InOrder_WithTheirInstitutions()
    {
        var seeded = await factory.RecordAtAsync(CustodyState.Placed);
        var caseId = (await (await factory.ClientForAsync("demo-civil-affairs")).WaitForEventAsync(seeded.CertificateNumber, "certificate.issued"))
            .GetProperty("caseId").GetGuid();
        var citizen = FamilyApplyTestSupport.NewCitizen();
        await factory.AdmitAsync(citizen, caseId);
        var page = await factory.CitizenPageClientAsync(citizen.IdNumber, $"/family/cases/{caseId}");

        var html = await page.GetStringAsync($"/family/cases/{caseId}");

        var pickup = html.IndexOf("data-milestone=\"custody.picked-up\"", StringComparison.Ordinal);
        var cremation = html.IndexOf("data-milestone=\"custody.cremated\"", StringComparison.Ordinal);
        var placement = html.IndexOf("data-milestone=\"custody.placed\"", StringComparison.Ordinal);
        Assert.True(pickup > 0 && cremation > pickup && placement > cremation, "pickup, cremation and placement in that order");
        Assert.Contains("遗体已接运", html);
        Assert.Contains("骨灰已安放（葬）", html);
        Assert.Contains("景云山公墓", html[placement..]);
        Assert.Contains("贵阳市殡仪馆", html[pickup..cremation]);
    }

    [Fact]
    public async Task ProgressPage_BeforePickup_HasNoCustodySection()
    {
        var (caseId, citizen) = await factory.AdmittedCaseAsync();
        var page = await factory.CitizenPageClientAsync(citizen.IdNumber, $"/family/cases/{caseId}");
        var html = await page.GetStringAsync($"/family/cases/{caseId}");
        Assert.Contains("办理事项", html);
        Assert.DoesNotContain("data-milestone", html);
    }
}
