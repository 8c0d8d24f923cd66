using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Sharing;

public sealed class AddCaseTaskTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task CivilAffairs_AddsTheTrafficPolice_WhoAreToldAndCanReport()
    {
        var number = await factory.IssueAsync();
        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var caseId = (await supervisor.WaitForEventAsync(number, "certificate.issued")).GetProperty("caseId").GetGuid();

        var hospital = await factory.ClientForAsync("demo-hospital");
        Assert.Equal(HttpStatusCode.Forbidden, (await hospital.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks", new { department = "traffic-police", reason = "家属告知持有驾驶证" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks", new { department = "bank", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks", new { department = "traffic-police", reason = "" })).StatusCode);

        var added = await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks", new { department = "traffic-police", reason = "家属告知持有驾驶证" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks", new { department = "traffic-police", reason = "再次" })).StatusCode);

        var traffic = await factory.ClientForAsync("demo-traffic-police");
        var e = await traffic.WaitForEventAsync(number, "certificate.issued");
        Assert.Equal("traffic-police", e.GetProperty("data").GetProperty("task").GetProperty("department").GetString());
        Assert.DoesNotContain("causes", e.GetRawText());
        var done = await traffic.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/traffic-police/outcome", new { status = "done", effectiveDate = "2026-11-27", note = "驾驶证已注销" });
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        var full = await (await supervisor.GetAsync($"/api/v1/cases/{caseId}")).JsonAsync();
        Assert.Equal(6, full.GetProperty("tasks").GetArrayLength());
    }
}
