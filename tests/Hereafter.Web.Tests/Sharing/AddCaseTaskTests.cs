using System.Net;
using System.Net.Http.Json;
using Hereafter.Web.Platform.Auth;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Organisations;
using Hereafter.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task TheChosenFuneralHome_AloneIsTold_AndOnlyItMayReport()
    {
        Guid chosenId, otherId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            chosenId = (await db.Set<Organisation>().FirstAsync(o => o.Code == "gy-funeral-home")).Id;
            otherId = (await db.Set<Organisation>().FirstOrDefaultAsync(o => o.Code == "test-second-funeral-home"))?.Id ?? Guid.Empty;
            if (otherId == Guid.Empty)
            {
                otherId = Guid.NewGuid();
                db.Add(new Organisation { Id = otherId, Code = "test-second-funeral-home", Name = "清镇市殡仪馆", NameEn = "Qingzhen Funeral Home",
                    Type = OrganisationType.FuneralHome, CreditCode = "125201810000000001", RegionCode = "520181", District = "清镇市" });
                await db.SaveChangesAsync();
                await scope.ServiceProvider.GetRequiredService<DepartmentClients>().RegisterAsync("test-second-funeral-home", "demo-secret", otherId,
                    "清镇市殡仪馆系统", DepartmentScopes.For(OrganisationType.FuneralHome));
            }
        }
        var number = await factory.IssueAsync();
        var supervisor = await factory.ClientForAsync("demo-civil-affairs");
        var caseId = (await supervisor.WaitForEventAsync(number, "certificate.issued")).GetProperty("caseId").GetGuid();
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks", new { department = "funeral-home", reason = "家属选择" })).StatusCode);
        var added = await supervisor.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks", new { department = "funeral-home", reason = "家属选择贵阳市殡仪馆", organisationId = chosenId });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var chosen = await factory.ClientForAsync("demo-funeral-home");
        var e = await chosen.WaitForEventAsync(number, "certificate.issued");
        Assert.DoesNotContain("causes", e.GetRawText());
        var other = await factory.ClientForAsync("test-second-funeral-home");
        Assert.DoesNotContain(await other.ReadFeedAsync(), x => x.GetProperty("certificateNumber").GetString() == number);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/funeral-home/outcome", new { status = "received" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await chosen.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/funeral-home/outcome", new { status = "received" })).StatusCode);
    }
}
