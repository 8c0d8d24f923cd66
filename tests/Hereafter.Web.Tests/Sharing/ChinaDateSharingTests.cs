using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Web.Tests.Infrastructure;

namespace Hereafter.Web.Tests.Sharing;

/// <summary>The acknowledge-by deadline counts working days from the China date the case opened.</summary>
public sealed class ChinaDateSharingTests
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Theory]
    // 23:30 on Thursday 3 December in China: two working days on is Monday 7 December.
    [InlineData("2026-12-03T15:30:00Z", "2026-12-03T23:10:00+08:00", "2026-12-07T23:59:00+08:00")]
    // 00:30 on Friday 4 December in China (still Thursday in UTC): two working days on is Tuesday 8 December.
    [InlineData("2026-12-03T16:30:00Z", "2026-12-04T00:10:00+08:00", "2026-12-08T23:59:00+08:00")]
    public async Task AcknowledgeBy_CountsWorkingDaysFromTheChinaDate(string utcNow, string deathAt, string expected)
    {
        using var factory = new FakeClockFactory(DateTimeOffset.Parse(utcNow, System.Globalization.CultureInfo.InvariantCulture));
        var person = People.Next();
        var hospital = await factory.ClientForAsync("demo-hospital");
        var issued = await hospital.PostAsJsonAsync("/api/v1/certificates",
            People.HospitalDeath(person, DateTimeOffset.Parse(deathAt, System.Globalization.CultureInfo.InvariantCulture)), Web);
        Assert.Equal(System.Net.HttpStatusCode.Created, issued.StatusCode);
        var number = (await issued.JsonAsync()).GetProperty("number").GetString()!;

        var police = await factory.ClientForAsync("demo-police");
        var caseId = (await police.WaitForEventAsync(number, "certificate.issued")).GetProperty("caseId").GetGuid();
        var deathCase = await (await police.GetAsync($"/api/v1/cases/{caseId}")).JsonAsync();
        var task = deathCase.GetProperty("tasks").EnumerateArray().Single(t => t.GetProperty("department").GetString() == "police");
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), task.GetProperty("acknowledgeBy").GetDateTimeOffset());
        Assert.False(task.GetProperty("overdue").GetBoolean());
    }
}
