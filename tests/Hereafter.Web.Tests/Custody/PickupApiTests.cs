using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Sharing.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Platform.Outbox;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>Pickup (接运) through the API: only against an active certificate, by number or scanned QR code, one open record per person.</summary>
public sealed class PickupApiTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task PickupByNumber_Is201_WithTimelineLine_Milestone_Audit_AndCaseLink()
    {
        var number = await factory.IssueAsync();
        var caseId = await WaitForCaseAsync(number);
        var funeral = await factory.ClientForAsync("demo-funeral-home");

        var response = await funeral.PickUpAsync(number, from: "云岩区中华北路1号");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.JsonAsync();
        Assert.Equal("picked-up", created.GetProperty("state").GetString());
        var id = created.Id();
        Assert.Equal($"/api/v1/custody/{id}", response.Headers.Location?.OriginalString);

        var record = await funeral.RecordAsync(id);
        Assert.Equal(caseId, record.GetProperty("caseId").GetGuid());
        Assert.True(record.GetProperty("holder").GetBoolean());
        Assert.Equal(number, record.GetProperty("certificateNumber").GetString());
        var step = Assert.Single(record.GetProperty("steps").EnumerateArray());
        Assert.Equal("pick-up", step.GetProperty("step").GetString());
        Assert.Equal("云岩区中华北路1号", step.GetProperty("place").GetString());
        Assert.Equal("居民死亡医学证明", step.GetProperty("document").GetString());
        Assert.Equal("贵阳市殡仪馆", step.GetProperty("organisation").GetString());
        Assert.Equal(CounterTestSupport.AfterDeath, step.GetProperty("at").GetDateTimeOffset());

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var key = $"custody:{id}";
        var milestone = Assert.Single(await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.OrderingKey == key).ToListAsync());
        Assert.Equal("custody.picked-up", milestone.Type);
        Assert.Contains(caseId.ToString(), milestone.PayloadJson);
        var audit = await factory.AuditOfAsync(id);
        Assert.Equal(["custody.picked-up", "custody.read"], audit.Select(a => a.Action));
    }

    [Fact]
    public async Task PickupByScannedUrl_OrTokenAlone_Is201()
    {
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        var (_, url) = await factory.IssueWithUrlAsync(People.Next());
        Assert.Equal(HttpStatusCode.Created, (await funeral.PickUpScannedAsync(url)).StatusCode);
        var (_, other) = await factory.IssueWithUrlAsync(People.Next());
        Assert.Equal(HttpStatusCode.Created, (await funeral.PickUpScannedAsync(new Uri(other).AbsolutePath.Split('/')[^1])).StatusCode);
    }

    [Fact]
    public async Task UnknownCertificate_OrForgedScan_Is404()
    {
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        var unknown = await funeral.PickUpAsync(People.Next().IdNumber);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("custody.certificate.not-found", (await unknown.JsonAsync()).GetProperty("code").GetString());
        var (_, url) = await factory.IssueWithUrlAsync(People.Next());
        var forged = url[..^3] + (url[^3] == 'A' ? "BBB" : "AAA");
        Assert.Equal(HttpStatusCode.NotFound, (await funeral.PickUpScannedAsync(forged)).StatusCode);
    }

    [Fact]
    public async Task RevokedCertificate_Is409_SayingRevoked()
    {
        var number = await factory.IssueAsync();
        var hospital = await factory.ClientForAsync("demo-hospital");
        Assert.Equal(HttpStatusCode.OK, (await hospital.RevokeAsync(number)).StatusCode);
        var funeral = await factory.ClientForAsync("demo-funeral-home");

        var response = await funeral.PickUpAsync(number);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("revoked", body.GetProperty("standing").GetString());
        Assert.Equal("custody.pickup.certificate-revoked", body.GetProperty("code").GetString());
        Assert.Contains("已被撤销", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ScanOfASupersededVersion_Is409_SayingSuperseded()
    {
        var person = People.Next();
        var (_, oldUrl) = await factory.IssueWithUrlAsync(person);
        var hospital = await factory.ClientForAsync("demo-hospital");
        Assert.True((await hospital.CorrectAsync(person, "贵州省贵阳市南明区遵义路3号")).IsSuccessStatusCode);
        var funeral = await factory.ClientForAsync("demo-funeral-home");

        var response = await funeral.PickUpScannedAsync(oldUrl);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("superseded", body.GetProperty("standing").GetString());
        Assert.Contains("旧版本", body.GetProperty("detail").GetString());
        // The current paper's number is fine.
        Assert.Equal(HttpStatusCode.Created, (await funeral.PickUpAsync(person.IdNumber)).StatusCode);
    }

    [Fact]
    public async Task CertificateHeldForDuplicateReview_Is409_SayingNotIssued()
    {
        var person = People.Next();
        var hospital = await factory.ClientForAsync("demo-hospital");
        var first = People.HospitalDeath(person);
        Assert.Equal(HttpStatusCode.Created, (await hospital.PostAsJsonAsync("/api/v1/certificates", first)).StatusCode);
        var otherId = Hereafter.Web.Platform.Demo.DemoData.IdFor("520103", person.BirthDate, 301);
        var second = first with
        {
            Decedent = first.Decedent with { IdNumber = otherId },
            Death = first.Death with { DateTime = DateTimeOffset.Parse(first.Death.DateTime!).AddDays(-2).ToString("yyyy-MM-ddTHH:mm:sszzz") },
        };
        Assert.Equal(HttpStatusCode.Accepted, (await hospital.PostAsJsonAsync("/api/v1/certificates", second)).StatusCode);
        var funeral = await factory.ClientForAsync("demo-funeral-home");

        var response = await funeral.PickUpAsync(otherId);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("not-issued", body.GetProperty("standing").GetString());
        Assert.Contains("尚未生效", body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SecondOpenRecordForThePerson_Is409_WithTheExistingId()
    {
        var number = await factory.IssueAsync();
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        var first = (await (await funeral.PickUpAsync(number)).JsonAsync()).Id();

        foreach (var client in new[] { funeral, await factory.ClientForAsync("demo-funeral-home-2") })
        {
            var again = await client.PickUpAsync(number);
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            var body = await again.JsonAsync();
            Assert.Equal(first, body.Id());
            Assert.Equal("custody.pickup.already-open", body.GetProperty("code").GetString());
        }
    }

    [Fact]
    public async Task PickupTime_InTheFuture_OrBeforeTheDeath_Is400_AndNothingIsRecorded()
    {
        var number = await factory.IssueAsync();
        var funeral = await factory.ClientForAsync("demo-funeral-home");

        var future = await funeral.PickUpAsync(number, DateTimeOffset.UtcNow.AddHours(1));
        Assert.Equal(HttpStatusCode.BadRequest, future.StatusCode);
        Assert.Equal("custody.time.in-future", (await future.JsonAsync()).GetProperty("errorCodes").GetProperty("pickedUpAt")[0].GetString());
        var early = await funeral.PickUpAsync(number, CounterTestSupport.AfterDeath.AddDays(-1));
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal("custody.pickup.before-death", (await early.JsonAsync()).GetProperty("errorCodes").GetProperty("pickedUpAt")[0].GetString());
        var missing = await funeral.PostAsJsonAsync("/api/v1/custody", new { certificateNumber = number });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var codes = (await missing.JsonAsync()).GetProperty("errorCodes");
        Assert.True(codes.TryGetProperty("pickedUpAt", out _));
        Assert.True(codes.TryGetProperty("fromAddress", out _));
        var nothing = await funeral.PostAsJsonAsync("/api/v1/custody", new { pickedUpAt = CounterTestSupport.AfterDeath, fromAddress = "医院" });
        Assert.Equal("custody.pickup.document-required", (await nothing.JsonAsync()).GetProperty("errorCodes").GetProperty("certificateNumber")[0].GetString());

        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<CustodyRecord>().AnyAsync(r => r.CertificateNumber == number));
    }

    [Fact]
    public async Task OnlyFuneralHomesPickUp()
    {
        var number = await factory.IssueAsync();
        foreach (var client in new[] { "demo-cemetery", "demo-hospital", "demo-civil-affairs" })
            Assert.Equal(HttpStatusCode.Forbidden, (await (await factory.ClientForAsync(client)).PickUpAsync(number)).StatusCode);
    }

    [Fact]
    public async Task TheRecord_IsFullForTheHolder_MaskedForTheBureau_HiddenFromOthers_AndEveryReadIsAudited()
    {
        var person = People.Next();
        var number = await factory.IssueAsync(person);
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        var id = (await (await funeral.PickUpAsync(number)).JsonAsync()).Id();

        var full = await funeral.RecordAsync(id);
        Assert.Equal(person.Name, full.GetProperty("decedent").GetProperty("name").GetString());
        Assert.Equal(person.IdNumber, full.GetProperty("decedent").GetProperty("idNumber").GetString());
        var bureau = await (await factory.ClientForAsync("demo-civil-affairs")).RecordAsync(id);
        Assert.False(bureau.GetProperty("holder").GetBoolean());
        Assert.Equal(PersonalDataMask.Name(person.Name), bureau.GetProperty("decedent").GetProperty("name").GetString());
        Assert.Equal(PersonalDataMask.IdNumber(person.IdNumber), bureau.GetProperty("decedent").GetProperty("idNumber").GetString());
        Assert.Equal(PersonalDataMask.IdNumber(number), bureau.GetProperty("certificateNumber").GetString());
        Assert.DoesNotContain(person.IdNumber, bureau.GetRawText());
        foreach (var other in new[] { "demo-funeral-home-2", "demo-cemetery", "demo-hospital" })
            Assert.Equal(HttpStatusCode.NotFound, (await (await factory.ClientForAsync(other)).GetAsync($"/api/v1/custody/{id}")).StatusCode);

        var reads = (await factory.AuditOfAsync(id)).Where(a => a.Action == "custody.read").ToList();
        Assert.Equal(2, reads.Count);
        Assert.Equal(["full", "masked"], reads.Select(r => r.Details));
    }

    [Fact]
    public async Task TheChecklist_ListsTheDefaultSet_WithWhatAppliesNow()
    {
        var funeral = await factory.ClientForAsync("demo-funeral-home");
        var id = (await (await funeral.PickUpAsync(await factory.IssueAsync())).JsonAsync()).Id();
        var documents = (await funeral.RecordAsync(id)).GetProperty("documents").EnumerateArray()
            .Select(d => (d.GetProperty("document").GetString(), d.GetProperty("applies").GetBoolean(), d.GetProperty("done").GetBoolean())).ToList();
        Assert.Equal(
        [
            ("cremation-certificate", true, false), ("cremation-consent", true, false), ("ashes-agreement", true, false),
            ("ashes-undertaking", false, false), ("township-notice", false, false),
        ], documents);
    }

    private async Task<Guid> WaitForCaseAsync(string number)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            using (var scope = factory.Services.CreateScope())
            {
                var found = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<DeathCase>()
                    .Where(c => c.CertificateNumber == number).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
                if (found is { } id) return id;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No death case for {number}.");
    }
}
