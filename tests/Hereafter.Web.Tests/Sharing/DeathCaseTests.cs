using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Sharing;

public sealed class DeathCaseTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task IssuingACertificate_TellsEveryDepartment_WithOnlyWhatItMaySee()
    {
        var number = await factory.IssueAsync();
        foreach (var clientId in new[] { "demo-police", "demo-social-security", "demo-medical-insurance", "demo-civil-affairs", "demo-housing-fund" })
        {
            var client = await factory.ClientForAsync(clientId);
            var e = await client.WaitForEventAsync(number, "certificate.issued");
            Assert.NotEqual(Guid.Empty, e.GetProperty("id").GetGuid());
            Assert.NotEqual(Guid.Empty, e.GetProperty("caseId").GetGuid());
            Assert.Equal(number, e.GetProperty("data").GetProperty("decedent").GetProperty("idNumber").GetString());
            var text = e.GetRawText();
            Assert.DoesNotContain("急性心肌梗死", text);
            Assert.DoesNotContain("I21", text);
            Assert.DoesNotContain("causes", text);
        }
        // A bank has no task in a new case, so its feed holds nothing about it.
        var bank = await factory.ClientForAsync("demo-bank");
        Assert.DoesNotContain(await bank.ReadFeedAsync(), e => e.GetProperty("certificateNumber").GetString() == number);
    }

    [Fact]
    public async Task Feed_OnlyHasTheCallersEvents_AndPagesWithoutRepeats()
    {
        for (var i = 0; i < 5; i++) await factory.IssueAsync();
        var police = await factory.ClientForAsync("demo-police");
        await Task.Delay(1500);
        var paged = await police.ReadFeedAsync(limit: 2);
        var ids = paged.Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count >= 5);
        Assert.All(paged, e => Assert.Equal("police", e.GetProperty("data").GetProperty("task").GetProperty("department").GetString()));

        var funeral = await factory.ClientForAsync("demo-funeral-home");
        Assert.Empty(await funeral.ReadFeedAsync());
        var cemetery = await factory.ClientForAsync("demo-cemetery");
        Assert.Equal(HttpStatusCode.Forbidden, (await cemetery.GetAsync("/api/v1/events")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await police.GetAsync("/api/v1/events?after=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await police.GetAsync("/api/v1/events?limit=0")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().GetAsync("/api/v1/events")).StatusCode);
    }

    [Fact]
    public async Task Police_RecordsTheHouseholdCancellation_AndTheSupervisorSeesIt()
    {
        var number = await factory.IssueAsync();
        var police = await factory.ClientForAsync("demo-police");
        var issued = await police.WaitForEventAsync(number, "certificate.issued");
        var caseId = issued.GetProperty("caseId").GetGuid();

        var social = await factory.ClientForAsync("demo-social-security");
        Assert.Equal(HttpStatusCode.Forbidden, (await social.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/police/outcome", new { status = "done", effectiveDate = "2026-11-26" }, Web)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/police/outcome", new { status = "done" }, Web)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/police/outcome", new { status = "finished" }, Web)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/police/outcome", new { status = "received" }, Web)).StatusCode);
        var done = await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/police/outcome", new { status = "done", effectiveDate = "2026-11-26", note = "已凭第二联注销户口" }, Web);
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);

        var own = await (await police.GetAsync($"/api/v1/cases/{caseId}")).JsonAsync();
        Assert.Single(own.GetProperty("tasks").EnumerateArray());

        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var full = await (await supervisor.GetAsync($"/api/v1/cases/{caseId}")).JsonAsync();
        var tasks = full.GetProperty("tasks").EnumerateArray().ToList();
        Assert.Equal(5, tasks.Count);
        var policeTask = tasks.Single(t => t.GetProperty("department").GetString() == "police");
        Assert.Equal("done", policeTask.GetProperty("status").GetString());
        Assert.Equal("2026-11-26", policeTask.GetProperty("effectiveDate").GetString());
        Assert.Equal(["received", "done"], policeTask.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("status").GetString()));
        var updated = await supervisor.WaitForEventAsync(number, "case.task-updated");
        Assert.Equal("police", updated.GetProperty("data").GetProperty("department").GetString());
    }

    [Fact]
    public async Task CorrectionAndRevocation_AreSentToEveryDepartment_AsTheirOwnEvents()
    {
        var person = People.Next();
        var number = await factory.IssueAsync(person);
        var social = await factory.ClientForAsync("demo-social-security");
        await social.WaitForEventAsync(number, "certificate.issued");
        var hospital = await factory.ClientForAsync("demo-hospital");
        var data = People.HospitalDeath(person);
        var corrected = data with { Decedent = data.Decedent with { HouseholdAddress = "贵州省贵阳市观山湖区林城西路1号" } };
        Assert.Equal(HttpStatusCode.Created, (await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/correction", new { reason = "户籍地址错误", certificate = corrected }, Web)).StatusCode);
        var correction = await social.WaitForEventAsync(number, "certificate.corrected");
        Assert.Equal("贵州省贵阳市观山湖区林城西路1号", correction.GetProperty("data").GetProperty("decedent").GetProperty("householdAddress").GetString());
        Assert.Equal(2, correction.GetProperty("data").GetProperty("version").GetInt32());

        Assert.Equal(HttpStatusCode.OK, (await hospital.PostAsJsonAsync($"/api/v1/certificates/{number}/revocation", new { reason = "误开" }, Web)).StatusCode);
        var revoked = await social.WaitForEventAsync(number, "certificate.revoked");
        Assert.Equal("误开", revoked.GetProperty("data").GetProperty("reason").GetString());
        var ids = new[] { correction, revoked }.Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(2, ids.Distinct().Count());
    }
}
