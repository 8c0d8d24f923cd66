using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Modules.Family.Contracts;
using Hereafter.Web.Modules.Family.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Family;

/// <summary>Civil affairs reviews proof of relationship over HTTP: list, read, proof file, approve, reject; and who may not.</summary>
public sealed class AdmissionReviewTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private Task<HttpClient> StaffAsync(string userName) => SignedIn.AsPageCallerAsync(factory, userName);

    [Fact]
    public async Task Clerk_ListsPendingReviews_WithApplicantIdMasked()
    {
        var (citizen, death, admission) = await factory.PendingReviewAsync();
        var clerk = await StaffAsync("clerk.civil");

        var response = await clerk.GetAsync("/api/v1/family/admissions?status=pending-review");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(citizen.IdNumber, text);
        Assert.DoesNotContain(death.Person.Name, text);
        var row = (await response.JsonAsync()).EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == admission.Id);
        Assert.Equal(citizen.Name, row.GetProperty("applicantName").GetString());
        Assert.Equal(citizen.IdNumber[..4] + "**********" + citizen.IdNumber[^4..], row.GetProperty("applicantIdMasked").GetString());
        Assert.Equal("grandchild", row.GetProperty("relationship").GetString());
        Assert.Equal("pending-review", row.GetProperty("status").GetString());
        Assert.Contains(await factory.AuditAsync("family.admissions.list"), e => e.ActorName.Contains("吴婷") && e.Details.Contains(admission.Id.ToString()));
    }

    [Fact]
    public async Task Proof_IsServedInline_UnderANeutralName_NoSniff_AndAudited()
    {
        var (citizen, _, admission) = await factory.PendingReviewAsync();
        var clerk = await StaffAsync("supervisor.zhou");

        var response = await clerk.GetAsync($"/api/v1/family/admissions/{admission.Id}/proof");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline; filename=\"proof.pdf\"", response.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync())[..5]);
        Assert.DoesNotContain(citizen.IdNumber, response.RequestMessage!.RequestUri!.ToString());
        Assert.Contains(await factory.AuditAsync("family.proof.read"), e => e.Subject == $"admission:{admission.Id}" && e.ActorName.Contains("周文静"));
    }

    [Fact]
    public async Task Detail_ShowsFullNames_AndIsAudited()
    {
        var (citizen, death, admission) = await factory.PendingReviewAsync();
        var system = await factory.ClientForAsync("demo-civil-affairs");

        var detail = await (await system.GetAsync($"/api/v1/family/admissions/{admission.Id}")).JsonAsync();

        Assert.Equal(death.Person.Name, detail.GetProperty("decedentName").GetString());
        Assert.Equal(citizen.Name, detail.GetProperty("applicantName").GetString());
        Assert.Equal("application/pdf", detail.GetProperty("proof").GetProperty("contentType").GetString());
        Assert.Contains(await factory.AuditAsync("family.admission.read"), e => e.Subject == $"admission:{admission.Id}");
    }

    [Fact]
    public async Task Approval_AdmitsTheCitizen_NotifiesThem_AndIsDecidedOnce()
    {
        var (citizen, death, admission) = await factory.PendingReviewAsync();
        var clerk = await StaffAsync("clerk.civil");

        var approved = await clerk.PostAsync($"/api/v1/family/admissions/{admission.Id}/approval", null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Equal("admitted", (await approved.JsonAsync()).GetProperty("status").GetString());
        var stored = await factory.AdmissionAsync(citizen, death.CaseId);
        Assert.Equal(AdmissionStatus.Admitted, stored.Status);
        Assert.Contains("吴婷", stored.DecidedBy);
        var notification = Assert.Single(await NotificationsAsync(citizen.Subject));
        Assert.Equal("family.notification.admission-approved", notification.MessageKey);
        Assert.Equal(death.CaseId, notification.CaseId);
        Assert.Contains(await factory.AuditAsync("family.admission.approve"), e => e.Subject == $"admission:{admission.Id}");

        var again = await clerk.PostAsync($"/api/v1/family/admissions/{admission.Id}/approval", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("family.admission.not-pending-review", (await again.JsonAsync()).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Rejection_NeedsAReason_ThenLetsTheCitizenUploadAgain()
    {
        var (citizen, death, admission) = await factory.PendingReviewAsync();
        var clerk = await StaffAsync("clerk.civil");

        var missing = await clerk.PostAsJsonAsync($"/api/v1/family/admissions/{admission.Id}/rejection", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal("family.admission.reason-required", (await missing.JsonAsync()).GetProperty("errorCodes").GetProperty("reason")[0].GetString());
        var tooLong = await clerk.PostAsJsonAsync($"/api/v1/family/admissions/{admission.Id}/rejection", new { reason = new string('长', 201) });
        Assert.Equal("family.admission.reason-too-long", (await tooLong.JsonAsync()).GetProperty("errorCodes").GetProperty("reason")[0].GetString());

        var rejected = await clerk.PostAsJsonAsync($"/api/v1/family/admissions/{admission.Id}/rejection", new { reason = "户口簿照片看不清，请重新拍摄" });

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var stored = await factory.AdmissionAsync(citizen, death.CaseId);
        Assert.Equal((AdmissionStatus.Rejected, "户口簿照片看不清，请重新拍摄"), (stored.Status, stored.Reason));
        var notification = Assert.Single(await NotificationsAsync(citizen.Subject));
        Assert.Equal("family.notification.admission-rejected", notification.MessageKey);
        Assert.Contains("户口簿照片看不清", notification.ToMessage().Chinese);
        var again = await factory.UploadAsync(citizen, death.CaseId, ProofBytes.Png(), "image/png", "new.png");
        Assert.Equal("pending-review", again.Admission);
    }

    public static TheoryData<string> NotReviewers => ["bank.icbc", "social.wu", "admin.civil-affairs", "doctor.wang"];

    [Theory]
    [MemberData(nameof(NotReviewers))]
    public async Task OtherStaff_CannotList_Read_OrDecide(string userName)
    {
        var (_, _, admission) = await factory.PendingReviewAsync();
        var staff = await StaffAsync(userName);
        await AssertRefusedAsync(staff, admission.Id, HttpStatusCode.Forbidden);
    }

    public static TheoryData<string> OtherSystems => ["demo-bank", "demo-social-security", "demo-hospital"];

    [Theory]
    [MemberData(nameof(OtherSystems))]
    public async Task OtherDepartmentSystems_CannotList_Read_OrDecide(string clientId)
    {
        var (_, _, admission) = await factory.PendingReviewAsync();
        await AssertRefusedAsync(await factory.ClientForAsync(clientId), admission.Id, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Anonymous_Is401_OnReviewAndFamilyEndpoints()
    {
        var (_, death, admission) = await factory.PendingReviewAsync();
        var anonymous = factory.CreateClient();
        await AssertRefusedAsync(anonymous, admission.Id, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/family/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync("/api/v1/family/cases",
            new { certificateNumber = death.Number, decedentName = death.Person.Name, relationship = "child" })).StatusCode);
    }

    [Fact]
    public async Task StaffAndDepartmentSystems_AreNotCitizens_OnTheFamilyApi()
    {
        var clerk = await StaffAsync("clerk.civil");
        var system = await factory.ClientForAsync("demo-civil-affairs");
        // The family API authenticates citizens' tokens only: a staff cookie or a department token is no citizen (401 or 403).
        Assert.Contains((await clerk.GetAsync("/api/v1/family/cases")).StatusCode, NotACitizen);
        Assert.Contains((await system.GetAsync("/api/v1/family/cases")).StatusCode, NotACitizen);
    }

    private static readonly HttpStatusCode[] NotACitizen = [HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden];

    private async Task AssertRefusedAsync(HttpClient client, Guid id, HttpStatusCode expected)
    {
        Assert.Equal(expected, (await client.GetAsync("/api/v1/family/admissions")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/api/v1/family/admissions/{id}")).StatusCode);
        Assert.Equal(expected, (await client.GetAsync($"/api/v1/family/admissions/{id}/proof")).StatusCode);
        Assert.Equal(expected, (await client.PostAsync($"/api/v1/family/admissions/{id}/approval", null)).StatusCode);
        Assert.Equal(expected, (await client.PostAsJsonAsync($"/api/v1/family/admissions/{id}/rejection", new { reason = "不符" })).StatusCode);
        using var scope = factory.Services.CreateScope();
        var status = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<FamilyAdmission>()
            .Where(a => a.Id == id).Select(a => a.Status).SingleAsync();
        Assert.Equal(AdmissionStatus.PendingReview, status);
    }

    private async Task<List<FamilyNotification>> NotificationsAsync(string subject)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<FamilyNotification>().AsNoTracking()
            .Where(n => n.CitizenSubject == subject).ToListAsync();
    }
}
