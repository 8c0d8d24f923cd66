using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Modules.Sharing.Contracts;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Dashboard;

/// <summary>
/// "Acknowledged in time" is decided by a task's first answer, kept on the task when the department answers: a task
/// received before its deadline and done after it counts; a task first answered after it does not, whatever it says later.
/// </summary>
public sealed class FirstAnswerTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task TheFirstAnswer_DecidesAcknowledgedInTime_AndLaterAnswersDoNotMoveIt()
    {
        // 10:00 on Tuesday 10 June 2031 in China.
        using var factory = new FakeClockFactory(DateTimeOffset.Parse("2031-06-10T02:00:00Z", CultureInfo.InvariantCulture));
        var hospital = await factory.ClientForAsync("demo-hospital");
        var issued = await hospital.PostAsJsonAsync("/api/v1/certificates", People.HospitalDeath(People.Next(), factory.Clock.GetUtcNow().AddHours(-2)), Web);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var number = (await issued.JsonAsync()).GetProperty("number").GetString()!;
        var police = await factory.ClientForAsync("demo-police");
        var caseId = (await police.WaitForEventAsync(number, "certificate.issued")).GetProperty("caseId").GetGuid();

        // The police receive within the hour and finish ten days later, past the acknowledge-by deadline.
        factory.Clock.Advance(TimeSpan.FromHours(1));
        var received = factory.Clock.GetUtcNow();
        Assert.Equal(HttpStatusCode.OK, (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/police/outcome", new { status = "received" }, Web)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromDays(10));
        // (Tokens are issued for an hour of the fake clock: sign in again after it moved.)
        police = await factory.ClientForAsync("demo-police");
        var social = await factory.ClientForAsync("demo-social-security");
        Assert.Equal(HttpStatusCode.OK, (await police.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/police/outcome",
            new { status = "done", effectiveDate = "2031-06-20", note = "已注销户口" }, Web)).StatusCode);
        // Social security first answers then, late.
        Assert.Equal(HttpStatusCode.OK, (await social.PostAsJsonAsync($"/api/v1/cases/{caseId}/tasks/social-security/outcome", new { status = "received" }, Web)).StatusCode);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var tasks = await db.Set<CaseTask>().AsNoTracking().Where(t => t.CaseId == caseId).ToDictionaryAsync(t => t.Department);
            Assert.Equal(received, tasks[Department.Police].FirstAnsweredAt);
            Assert.Equal(factory.Clock.GetUtcNow(), tasks[Department.SocialSecurity].FirstAnsweredAt);
            Assert.Null(tasks[Department.MedicalInsurance].FirstAnsweredAt);
        }

        // The bureau's list behind the figure shows the police task under this case, and neither of the others.
        var bureau = await factory.ClientForAsync("demo-civil-affairs");
        var list = await bureau.GetFromJsonAsync<JsonElement>("/api/v1/cases?figure=acknowledged-in-time&from=2031-06&to=2031-06&pageSize=200");
        var row = list.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("caseId").GetGuid() == caseId);
        Assert.Equal(["police"], row.GetProperty("tasks").EnumerateArray().Select(t => t.GetProperty("department").GetString()));
        var overdue = await bureau.GetFromJsonAsync<JsonElement>("/api/v1/cases?figure=overdue-now&from=2031-06&to=2031-06&pageSize=200");
        var late = overdue.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("caseId").GetGuid() == caseId);
        Assert.DoesNotContain(late.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("department").GetString() is "police" or "social-security");
    }
}
