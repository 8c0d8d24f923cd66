using System.Net;
using System.Text;
using Hereafter.Domain.Identity;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>The clerk's pages, the supervisor's page, and a job taken over after its node died.</summary>
public sealed class ReconciliationPagesAndRecoveryTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    [Fact]
    public async Task Clerk_UploadsOnThePage_WatchesItComplete_AndWorksTheReviewQueue()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var client = await SignedIn.AsAsync(factory, "social.wu");
        var list = await client.GetStringAsync("/reconciliation");
        Assert.Contains("应停未停比对", list);
        Assert.Contains("value=\"enterprise-pension\"", list);
        Assert.DoesNotContain("value=\"dibao\"", list); // another department's programme is not offered

        using var form = new MultipartFormDataContent
        {
            { new StringContent(HtmlForms.AntiforgeryToken(list)), "__RequestVerificationToken" },
            { new StringContent("upload"), "_handler" },
            { new StringContent("enterprise-pension"), "programme" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes(roll.Csv)), "file", "名册.csv" },
        };
        var posted = await client.PostAsync("/reconciliation", form);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var jobPath = posted.RequestMessage!.RequestUri!.AbsolutePath;
        Assert.Matches("^/reconciliation/[0-9a-f-]{36}$", jobPath);

        var html = await WaitForPageStatusAsync(client, jobPath, "completed");
        Assert.Contains("名册.csv", html);
        Assert.Contains(PersonalDataMask.IdNumber(roll.Dead.IdNumber), html);
        Assert.DoesNotContain(roll.Dead.IdNumber, html);
        Assert.Contains("2,469.00", html);
        Assert.Contains("身份证号相同，姓名不同", html);
        Assert.Contains($"{jobPath.Replace("/reconciliation/", "/api/v1/reconciliation/rolls/")}/stops.xlsx", html);

        // Each review row is decided on its own page. Dismissing without a reason is refused there; with one it is
        // recorded and the clerk is back on the job page.
        var noReason = await HtmlForms.SubmitAsync(client, $"{jobPath}/review/3", "dismiss", new Dictionary<string, string> { ["reason"] = "" });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("排除时须填写原因", await noReason.Content.ReadAsStringAsync());
        var dismissed = await HtmlForms.SubmitAsync(client, $"{jobPath}/review/3", "dismiss", new Dictionary<string, string> { ["reason"] = "户籍核实在世" });
        Assert.Equal(jobPath, dismissed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("第 3 行已排除。", await dismissed.Content.ReadAsStringAsync());
        var confirmed = await HtmlForms.SubmitAsync(client, $"{jobPath}/review/8", "confirm", new Dictionary<string, string>());
        var confirmedHtml = await confirmed.Content.ReadAsStringAsync();
        Assert.Contains("第 8 行已确认为同一人", confirmedHtml);
        Assert.Contains("id=\"stop-8\"", confirmedHtml);
        var executed = await HtmlForms.SubmitAsync(client, jobPath, "execute-2", new Dictionary<string, string> { ["effectiveMonth"] = "2026-12" });
        Assert.Contains("第 2 行已登记自 2026-12 停发。", await executed.Content.ReadAsStringAsync());

        // Another department neither lists nor opens it.
        var medical = await SignedIn.AsAsync(factory, "medins.zheng");
        Assert.DoesNotContain(jobPath, await medical.GetStringAsync("/reconciliation"));
        var other = await medical.GetAsync(jobPath);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task AFailedJob_ShowsTheReasonInChinese()
    {
        var clerk = await factory.ClientForAsync("demo-civil-affairs");
        var id = await clerk.UploadAcceptedAsync("dibao", "编号,备注\n1,2\n");
        await clerk.WaitFinishedAsync(id);
        var client = await SignedIn.AsAsync(factory, "clerk.civil");
        var html = await client.GetStringAsync($"/reconciliation/{id}");
        Assert.Contains("data-status=\"failed\"", html);
        Assert.Contains("缺少必需的列", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task OrganisationsWithoutBenefits_GetForbidden_AndTheSupervisorSeesStatistics()
    {
        var doctor = await SignedIn.AsAsync(factory, "doctor.wang");
        var page = await doctor.GetAsync("/reconciliation");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("无权访问", await page.Content.ReadAsStringAsync());
        Assert.DoesNotContain("href=\"/reconciliation\"", await doctor.GetStringAsync("/"));

        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        Assert.Contains("href=\"/supervision/reconciliation\"", await supervisor.GetStringAsync("/"));
        var stats = await supervisor.GetAsync("/supervision/reconciliation");
        Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
        var html = await stats.Content.ReadAsStringAsync();
        Assert.Contains("每月止付金额（元）", html);
        Assert.Contains("统计口径", html);
        var clerk = await SignedIn.AsAsync(factory, "social.wu");
        Assert.Contains("href=\"/reconciliation\"", await clerk.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/supervision/reconciliation")).StatusCode);
    }

    [Fact]
    public async Task AJobLeftRunningByADeadNode_IsTakenOver_ItsPartialRowsDiscarded_AndGivesTheSameResult()
    {
        var roll = await SmallRoll.CreateAsync(factory);
        var clerk = await factory.ClientForAsync("demo-social-security");
        var reference = await clerk.UploadAcceptedAsync("enterprise-pension", roll.Csv);
        await clerk.WaitFinishedAsync(reference);

        // A node claimed this job, wrote some rows (one of them wrong) and died: its lease lapsed a minute ago.
        var bytes = Encoding.UTF8.GetBytes(roll.Csv);
        var id = Guid.NewGuid();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var owner = await db.Set<RollJob>().AsNoTracking().SingleAsync(j => j.Id == reference);
            var now = DateTimeOffset.UtcNow;
            db.Add(new RollJob
            {
                Id = id, OrganisationId = owner.OrganisationId, OrganisationName = owner.OrganisationName, Department = owner.Department,
                Programme = "enterprise-pension", FileName = "crashed.csv", SizeBytes = bytes.Length, ChunkCount = 1, UploadedBy = "test",
                CreatedAt = now.AddMinutes(-5), Status = JobStatus.Running, Attempt = 1, LeaseOwner = "dead-node",
                LeaseUntil = now.AddMinutes(-1), StartedAt = now.AddMinutes(-5), RowsDone = 3,
            });
            db.Add(new UploadChunk { JobId = id, Index = 0, Data = bytes });
            db.Add(new RejectedResult { JobId = id, Attempt = 1, Row = 4, Reason = "partial" });
            db.Add(new StopResult
            {
                JobId = id, Attempt = 1, Row = 5, IdNumber = roll.Living, Name = "测试活人", Programme = "enterprise-pension",
                PaidThrough = "2026-01", StopFrom = "2026-01", DeathDate = new DateOnly(2026, 1, 1), IdentifiedAt = now,
            });
            await db.SaveChangesAsync();
        }
        // Before completion nothing of the dead node's rows is visible.
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.GetAsync($"/api/v1/reconciliation/rolls/{id}/stops")).StatusCode);

        var job = await clerk.WaitFinishedAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", job.GetProperty("status").GetString());
        foreach (var kind in new[] { "stops", "review", "rejected" })
        {
            var expected = (await clerk.ItemsAsync(reference, kind)).Select(e => e.GetRawText()).ToList();
            var actual = (await clerk.ItemsAsync(id, kind)).Select(e => e.GetRawText()).ToList();
            Assert.Equal(expected, actual);
        }
        Assert.Equal(await clerk.GetStringAsync($"/api/v1/reconciliation/rolls/{reference}/stops.csv"),
            await clerk.GetStringAsync($"/api/v1/reconciliation/rolls/{id}/stops.csv"));

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var row = await db.Set<RollJob>().AsNoTracking().SingleAsync(j => j.Id == id);
            Assert.Equal(2, row.Attempt);
            Assert.Equal(2, row.CompletedAttempt);
            Assert.False(await db.Set<StopResult>().AnyAsync(s => s.JobId == id && s.Attempt == 1));
            Assert.False(await db.Set<RejectedResult>().AnyAsync(s => s.JobId == id && s.Attempt == 1));
            Assert.False(await db.Set<UploadChunk>().AnyAsync(c => c.JobId == id)); // the upload is dropped once results are in
        }
    }

    [Fact]
    public async Task ACancelledJob_EndsCancelled_WithoutResults()
    {
        var clerk = await factory.ClientForAsync("demo-social-security");
        var id = Guid.NewGuid();
        using (var scope = factory.Services.CreateScope())
        {
            // Queued in the future's order, with a lease held by a live node, so no worker races the cancel.
            var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
            var org = await db.Set<Hereafter.Web.Platform.Organisations.Organisation>().AsNoTracking().SingleAsync(o => o.Code == "gy-social-security");
            db.Add(new RollJob
            {
                Id = id, OrganisationId = org.Id, OrganisationName = org.Name, Department = "social-security", Programme = "enterprise-pension",
                FileName = "big.csv", SizeBytes = 10, ChunkCount = 1, UploadedBy = "test", CreatedAt = DateTimeOffset.UtcNow,
                Status = JobStatus.Running, Attempt = 1, LeaseOwner = "busy-node", LeaseUntil = DateTimeOffset.UtcNow.AddHours(1),
            });
            await db.SaveChangesAsync();
        }
        var cancelled = await clerk.PostAsync($"/api/v1/reconciliation/rolls/{id}/cancellation", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("cancelled", (await cancelled.JsonAsync()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.PostAsync($"/api/v1/reconciliation/rolls/{id}/cancellation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await clerk.GetAsync($"/api/v1/reconciliation/rolls/{id}/stops")).StatusCode);
    }

    private static async Task<string> WaitForPageStatusAsync(HttpClient client, string path, string status)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var html = await client.GetStringAsync(path);
            if (html.Contains($"data-status=\"{status}\"", StringComparison.Ordinal)) return html;
            if (DateTime.UtcNow > until) throw new TimeoutException($"{path} never showed {status}.");
            if (html.Contains("data-status=\"running\"") || html.Contains("data-status=\"queued\""))
                Assert.Contains("http-equiv=\"refresh\"", html);
            await Task.Delay(100);
        }
    }
}
