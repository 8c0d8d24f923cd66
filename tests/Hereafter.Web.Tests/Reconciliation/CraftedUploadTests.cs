using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Runtime;
using Hereafter.Web.Modules.Reconciliation.Data;
using Hereafter.Web.Modules.Reconciliation.Features.ReconcileRoll;
using Hereafter.Web.Modules.Reconciliation.Features.UploadRoll;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Reconciliation;

/// <summary>Measures the process's memory, so it runs alone: no other test allocates meanwhile.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneCollection
{
    public const string Name = "runs alone";
}

/// <summary>
/// A crafted upload (a zip bomb, an unclosed quote) fails its job at once with a message, is not retried, and does
/// not grow the node; the upload limit holds before anything is buffered; abandoned uploads are deleted.
/// </summary>
[Collection(AloneCollection.Name)]
public sealed class CraftedUploadTests(HereafterFactory factory) : IClassFixture<HereafterFactory>
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task A5MBXlsxExpandingToGigabytes_FailsAtOnce_NotRetried_AndTheNodeGrowsLessThan200MiB()
    {
        var bomb = CraftedFiles.XlsxBomb();
        Assert.InRange(bomb.Length, 4.5 * MiB, 5.5 * MiB);
        var job = await UploadAndWatchAsync("bomb.xlsx", bomb);
        Assert.Equal("too-large", job.Code);
        Assert.Contains("压缩比超过 100 倍", job.Error, StringComparison.Ordinal);
        Assert.Contains("zip bomb", job.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACsvWithAnUnclosedQuoteAtTheStart_FailsAtOnce_NotRetried_AndTheNodeGrowsLessThan200MiB()
    {
        var csv = CraftedFiles.UnclosedQuoteCsv();
        var job = await UploadAndWatchAsync("roll.csv", csv);
        Assert.Equal("record-too-long", job.Code);
        Assert.StartsWith("CSV 第 1 行开始的一条记录超过 1048576 个字符，多半是引号没有闭合。", job.Error, StringComparison.Ordinal);
    }

    private async Task<(string Code, string Error)> UploadAndWatchAsync(string fileName, byte[] content)
    {
        var clerk = await factory.ClientForAsync("demo-social-security");
        var baseline = Baseline();
        using var sampling = new CancellationTokenSource();
        var peak = Task.Run(async () =>
        {
            var max = 0L;
            using var process = Process.GetCurrentProcess();
            while (!sampling.IsCancellationRequested)
            {
                process.Refresh();
                max = Math.Max(max, process.WorkingSet64);
                try { await Task.Delay(20, sampling.Token); } catch (OperationCanceledException) { }
            }
            return max;
        });

        var response = await clerk.UploadAsync("enterprise-pension", content, fileName);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        var finished = await clerk.WaitFinishedAsync(id, TimeSpan.FromSeconds(60));
        await sampling.CancelAsync();
        var grown = await peak - baseline;

        Assert.Equal("failed", finished.GetProperty("status").GetString());
        Assert.True(grown < 200 * MiB, $"the working set grew by {grown / MiB} MiB");

        // Final: the job keeps its first attempt and stays failed; the upload is gone.
        await Task.Delay(TimeSpan.FromSeconds(2));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var row = await db.Set<RollJob>().AsNoTracking().SingleAsync(j => j.Id == id);
        Assert.Equal(JobStatus.Failed, row.Status);
        Assert.Equal(1, row.Attempt);
        Assert.False(await db.Set<UploadChunk>().AnyAsync(c => c.JobId == id));
        return (finished.GetProperty("errorCode").GetString()!, finished.GetProperty("error").GetString()!);
    }

    private static long Baseline()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    [Fact]
    public async Task AnUploadDeclaringMoreThanTheLimit_Gets413_AndLeavesNothingStored()
    {
        using var small = new OneMiBFactory();
        var clerk = await small.ClientForAsync("demo-social-security");
        var before = await StoredAsync(small);
        var body = new BodyStream(new byte[8 * MiB], seekable: true);
        var response = await clerk.PostAsync("/api/v1/reconciliation/rolls", Form(body));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("上传上限 1 MiB", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingNewStoredAsync(small, before);
    }

    [Fact]
    public async Task AChunkedUploadOverTheLimit_IsCutOffAtTheLimit_With413_AndLeavesNothingStored()
    {
        using var small = new OneMiBFactory();
        var clerk = await small.ClientForAsync("demo-social-security");
        var before = await StoredAsync(small);
        var body = new BodyStream(CraftedFiles.UnclosedQuoteCsv(8 * (int)MiB), seekable: false);
        var form = Form(body);
        Assert.Null(form.Headers.ContentLength); // sent chunked
        var response = await clerk.PostAsync("/api/v1/reconciliation/rolls", form);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("上传上限 1 MiB", (await response.JsonAsync()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertNothingNewStoredAsync(small, before);
    }

    [Fact]
    public async Task TheUploadPage_RefusesABodyOverTheConfiguredLimit_DeclaredOrChunked()
    {
        using var small = new OneMiBFactory();
        var client = await SignedIn.AsAsync(small, "social.wu");
        var page = await client.GetStringAsync("/reconciliation");
        var before = await StoredAsync(small);

        MultipartFormDataContent PageForm(Stream file)
        {
            var form = new MultipartFormDataContent
            {
                { new StringContent(HtmlForms.AntiforgeryToken(page)), "__RequestVerificationToken" },
                { new StringContent("upload"), "_handler" },
                { new StringContent("enterprise-pension"), "programme" },
            };
            form.Add(new StreamContent(file), "file", "roll.csv");
            return form;
        }

        var declared = new BodyStream(new byte[8 * MiB], seekable: true);
        var refused = await client.PostAsync("/reconciliation", PageForm(declared));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Contains("文件超过上传上限 1 MiB", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var chunked = new BodyStream(CraftedFiles.UnclosedQuoteCsv(8 * (int)MiB), seekable: false);
        var cut = await client.PostAsync("/reconciliation", PageForm(chunked));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, cut.StatusCode);
        Assert.Contains("文件超过上传上限 1 MiB", await cut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingNewStoredAsync(small, before);

        // under the limit the page still uploads
        var ok = await client.PostAsync("/reconciliation", PageForm(new MemoryStream("身份证号,姓名,月发放金额,已发放至\n"u8.ToArray())));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Matches("^/reconciliation/[0-9a-f-]{36}$", ok.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Fact]
    public async Task AbandonedUploads_AreDeleted_LiveOnesAndQueuedJobsAreKept()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var now = DateTimeOffset.UtcNow;
        RollJob Job(JobStatus status, DateTimeOffset? lease) => new()
        {
            Id = Guid.NewGuid(), OrganisationId = Guid.NewGuid(), OrganisationName = "test", Department = "social-security",
            Programme = "enterprise-pension", FileName = "roll.csv", UploadedBy = "test", CreatedAt = now.AddHours(-1), Status = status,
            LeaseUntil = lease,
        };
        var abandoned = Job(JobStatus.Uploading, now.AddMinutes(-1)); // its node died mid-upload
        var live = Job(JobStatus.Uploading, now.AddMinutes(5));      // chunks still arriving
        var failed = Job(JobStatus.Failed, null);                          // chunks left behind by a crash after failing
        db.AddRange(abandoned, live, failed);
        await db.SaveChangesAsync();
        foreach (var job in new[] { abandoned, live, failed })
        {
            db.Add(new UploadChunk { JobId = job.Id, Index = 0, Data = new byte[100] });
            db.Add(new UploadChunk { JobId = job.Id, Index = 1, Data = new byte[100] });
        }
        await db.SaveChangesAsync();

        var deleted = await factory.Services.GetRequiredService<RollWorker>().DeleteAbandonedUploadsAsync(CancellationToken.None);

        Assert.True(deleted >= 1);
        db.ChangeTracker.Clear();
        Assert.False(await db.Set<RollJob>().AnyAsync(j => j.Id == abandoned.Id));
        Assert.False(await db.Set<UploadChunk>().AnyAsync(c => c.JobId == abandoned.Id));
        Assert.Equal(2, await db.Set<UploadChunk>().CountAsync(c => c.JobId == live.Id));
        Assert.True(await db.Set<RollJob>().AnyAsync(j => j.Id == failed.Id));
        Assert.False(await db.Set<UploadChunk>().AnyAsync(c => c.JobId == failed.Id));
        await db.Set<RollJob>().Where(j => j.Id == live.Id).ExecuteDeleteAsync();
    }

    [Fact]
    public async Task AnUploadThatCompletes_IsNoLongerSubjectToTheAbandonedUploadSweep()
    {
        var clerk = await factory.ClientForAsync("demo-social-security");
        var response = await clerk.UploadAsync("enterprise-pension", "身份证号,姓名,月发放金额,已发放至\n"u8.ToArray());
        var id = (await response.JsonAsync()).GetProperty("id").GetGuid();
        await clerk.WaitFinishedAsync(id);
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var job = await db.Set<RollJob>().AsNoTracking().SingleAsync(j => j.Id == id);
        Assert.NotEqual(JobStatus.Uploading, job.Status);
        await factory.Services.GetRequiredService<RollWorker>().DeleteAbandonedUploadsAsync(CancellationToken.None);
        Assert.True(await db.Set<RollJob>().AnyAsync(j => j.Id == id));
    }

    private static MultipartFormDataContent Form(Stream file)
    {
        var form = new MultipartFormDataContent { { new StringContent("enterprise-pension"), "programme" } };
        var content = new StreamContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "roll.csv");
        return form;
    }

    /// <summary>Jobs and stored chunks (the Development demo data has jobs of its own).</summary>
    /// <summary>The jobs stored now (the demo data's jobs, which the background worker may finish meanwhile).</summary>
    private static async Task<HashSet<Guid>> StoredAsync(HereafterFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        return [.. await db.Set<RollJob>().Select(j => j.Id).ToListAsync()];
    }

    /// <summary>
    /// A refused upload leaves no job and no chunk behind. Compared by identity, not by count: the worker may
    /// complete a demo job (and delete its chunks) while the test runs.
    /// </summary>
    private static async Task AssertNothingNewStoredAsync(HereafterFactory factory, HashSet<Guid> before)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.Empty(await db.Set<RollJob>().Where(j => !before.Contains(j.Id)).Select(j => j.Id).ToListAsync());
        Assert.Empty(await db.Set<UploadChunk>().Where(c => !before.Contains(c.JobId)).Select(c => c.JobId).ToListAsync());
    }

    private sealed class OneMiBFactory : HereafterFactory
    {
        protected override IDictionary<string, string?> ExtraSettings() => new Dictionary<string, string?> { ["Reconciliation:MaxUploadBytes"] = (1 * MiB).ToString(System.Globalization.CultureInfo.InvariantCulture) };
    }

    /// <summary>A request body of known bytes, with or without a length (without: sent chunked).</summary>
    private sealed class BodyStream(byte[] data, bool seekable) : Stream
    {
        private readonly MemoryStream _inner = new(data);

        public override bool CanRead => true;
        public override bool CanSeek => seekable;
        public override bool CanWrite => false;
        public override long Length => seekable ? _inner.Length : throw new NotSupportedException();
        public override long Position { get => _inner.Position; set => _inner.Position = value; }
        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => seekable ? _inner.Seek(offset, origin) : throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
