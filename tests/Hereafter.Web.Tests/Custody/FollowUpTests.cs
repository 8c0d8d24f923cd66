using System.Net;
using System.Net.Http.Json;
using Hereafter.Domain.Custody;
using Hereafter.Domain.Time;
using Hereafter.Web.Modules.Custody.Contracts;
using Hereafter.Web.Modules.Custody.Data;
using Hereafter.Web.Modules.Custody.Features.FollowUpPlacements;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hereafter.Web.Tests.Custody;

/// <summary>
/// The follow-up of ashes never placed: letters after 90 China days, 无主骨灰 after a year, once per record however
/// many nodes run the job, and the bureau's page that lists them.
/// </summary>
public sealed class FollowUpTests
{
    private sealed class Node : HereafterFactory
    {
        public Node() { }
        private Node(HereafterFactory previous) : base(previous) { }
        public static Node Beside(HereafterFactory first) => new(first);
    }

    private static async Task SetAsync(HereafterFactory factory, Guid custodyId, Action<CustodyRecord> change)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        var record = await db.Set<CustodyRecord>().SingleAsync(r => r.Id == custodyId);
        change(record);
        await db.SaveChangesAsync();
    }

    private static async Task<FollowUpResult> SweepAsync(HereafterFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementFollowUp>().SweepAsync(CancellationToken.None);
    }

    private static async Task<List<FollowUpLetterKind>> LettersAsync(HereafterFactory factory, Guid custodyId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<FollowUpLetter>()
            .Where(l => l.CustodyId == custodyId).Select(l => l.Kind).OrderBy(k => k).ToListAsync();
    }

    private static async Task<CustodyState> StateAsync(HereafterFactory factory, Guid custodyId)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<CustodyRecord>()
            .Where(r => r.Id == custodyId).Select(r => r.State).SingleAsync();
    }

    [Fact]
    public async Task NinetyDays_AreChinaDays_NotDueAt2330_DueAt0030()
    {
        // Released at 00:30 Beijing time (still the day before in UTC): due 90 Beijing days later at midnight. The days
        // lie ahead of the real date, so the certificate's real death date is in the past on the fake clock.
        var releaseDay = ChinaTime.Today(TimeProvider.System).AddDays(30);
        var releasedAt = ChinaTime.At(releaseDay, new TimeOnly(0, 30)).ToUniversalTime();
        using var factory = new FakeClockFactory(ChinaTime.At(releaseDay.AddDays(89), new TimeOnly(23, 30)).ToUniversalTime());
        var released = await factory.RecordAtAsync(CustodyState.AshesReleased, at: releasedAt);
        var takenHome = await factory.RecordAtAsync(CustodyState.AshesReleased, AshesDestination.TakenHome, at: releasedAt);
        foreach (var id in new[] { released.CustodyId, takenHome.CustodyId })
            await SetAsync(factory, id, r => r.AshesReleasedAt = releasedAt);

        await SweepAsync(factory);
        Assert.Empty(await LettersAsync(factory, released.CustodyId));

        factory.Clock.Advance(TimeSpan.FromHours(1)); // 00:30 Beijing time, the 90th day
        await SweepAsync(factory);
        Assert.Equal([FollowUpLetterKind.Reminder, FollowUpLetterKind.TownshipNotice], await LettersAsync(factory, released.CustodyId));
        Assert.Equal([FollowUpLetterKind.Reminder, FollowUpLetterKind.TownshipNotice], await LettersAsync(factory, takenHome.CustodyId));

        // Run again (next period): still one of each.
        factory.Clock.Advance(TimeSpan.FromDays(1));
        await SweepAsync(factory);
        Assert.Equal(2, (await LettersAsync(factory, released.CustodyId)).Count);
    }

    [Fact]
    public async Task StoredAYear_BecomesUnclaimed_AtChinaMidnight()
    {
        // Stored at 00:30 Beijing time (the day before in UTC); 365 Beijing days later at midnight it is unclaimed.
        var storedDay = ChinaTime.Today(TimeProvider.System).AddDays(30);
        var storedAt = ChinaTime.At(storedDay, new TimeOnly(0, 30)).ToUniversalTime();
        using var factory = new FakeClockFactory(ChinaTime.At(storedDay.AddDays(364), new TimeOnly(23, 30)).ToUniversalTime());
        var stored = await factory.RecordAtAsync(CustodyState.AshesStored, at: storedAt);
        await SetAsync(factory, stored.CustodyId, r => r.AshesStoredAt = storedAt);

        await SweepAsync(factory);
        Assert.Equal(CustodyState.AshesStored, await StateAsync(factory, stored.CustodyId));

        factory.Clock.Advance(TimeSpan.FromHours(1));
        await SweepAsync(factory);
        Assert.Equal(CustodyState.Unclaimed, await StateAsync(factory, stored.CustodyId));
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HereafterDbContext>();
        Assert.Equal(1, await db.Set<CustodyStepEntry>().CountAsync(s => s.CustodyId == stored.CustodyId && s.Step == CustodyStep.MarkUnclaimed));
    }

    [Fact]
    public async Task TheWorker_RunsOncePerPeriod_WhenTheFakeClockMoves()
    {
        var start = DateTimeOffset.UtcNow.AddDays(30);
        using var factory = new FakeClockFactory(start);
        _ = factory.Server;
        var worker = factory.Services.GetRequiredService<FollowUpWorker>();
        var released = await factory.RecordAtAsync(CustodyState.AshesReleased, at: start.AddDays(-100));
        await SetAsync(factory, released.CustodyId, r => r.AshesReleasedAt = start.AddDays(-100));

        // The period is an hour: within it, whichever node ran first (the background loop at start) keeps the turn.
        factory.Clock.Advance(TimeSpan.FromMinutes(61));
        var runs = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => worker.RunIfDueAsync(CancellationToken.None)));
        Assert.True(runs.Count(r => r is not null) <= 1);
        await WaitForAsync(async () => (await LettersAsync(factory, released.CustodyId)).Count == 2);
        Assert.Equal(2, (await LettersAsync(factory, released.CustodyId)).Count);
    }

    [Fact]
    public async Task TwoNodes_RunningTheJobAtOnce_WriteOneLetterOfEachKindPerRecord_AndOneNodeWinsATurn()
    {
        var first = new Node { KeepStorage = true };
        try
        {
            _ = first.Server;
            using var second = Node.Beside(first);
            _ = second.Server;
            var ids = new List<Guid>();
            for (var i = 0; i < 3; i++)
            {
                var seeded = await first.RecordAtAsync(CustodyState.AshesReleased);
                await SetAsync(first, seeded.CustodyId, r => r.AshesReleasedAt = DateTimeOffset.UtcNow.AddDays(-120));
                ids.Add(seeded.CustodyId);
            }
            await Task.WhenAll(Enumerable.Range(0, 8).Select(i => SweepAsync(i % 2 == 0 ? first : second)));
            foreach (var id in ids)
                Assert.Equal([FollowUpLetterKind.Reminder, FollowUpLetterKind.TownshipNotice], await LettersAsync(second, id));

            var job = $"test-{Guid.NewGuid():n}"[..30];
            var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
            {
                await using var scope = (i % 2 == 0 ? first : second).Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<CustodyJobLeases>().TryClaimAsync(job, TimeSpan.FromHours(1), $"node-{i % 2}", CancellationToken.None);
            }));
            Assert.Equal(1, claims.Count(c => c));
        }
        finally
        {
            first.Dispose();
        }
    }

    [Fact]
    public async Task TheBureauPage_ListsLettersWithPdfs_MarksThemSent_AndListsUnclaimedAshes()
    {
        using var factory = new HereafterFactory();
        var released = await factory.RecordAtAsync(CustodyState.AshesReleased);
        await SetAsync(factory, released.CustodyId, r => r.AshesReleasedAt = DateTimeOffset.UtcNow.AddDays(-95));
        var stored = await factory.RecordAtAsync(CustodyState.AshesStored);
        await SetAsync(factory, stored.CustodyId, r => r.AshesStoredAt = DateTimeOffset.UtcNow.AddDays(-400));
        await SweepAsync(factory);

        var supervisor = await SignedIn.AsAsync(factory, "supervisor.zhou");
        var html = await supervisor.GetStringAsync(CustodyPages.FollowUp);
        Assert.Contains("骨灰去向告知函", html);
        Assert.Contains("提醒函", html);
        Assert.Contains("无主骨灰", html);
        Assert.Contains(CustodyPages.Record(stored.CustodyId), html);

        Guid letterId;
        using (var scope = factory.Services.CreateScope())
            letterId = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<FollowUpLetter>()
                .Where(l => l.CustodyId == released.CustodyId && l.Kind == FollowUpLetterKind.TownshipNotice).Select(l => l.Id).SingleAsync();
        Assert.Contains(CustodyPages.FollowUpLetterPdf(letterId), html);
        var pdf = await supervisor.GetAsync(CustodyPages.FollowUpLetterPdf(letterId));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Contains("WenQuanYi", System.Text.Encoding.ASCII.GetString(bytes));
        Assert.DoesNotContain(released.CertificateNumber, pdf.Content.Headers.ContentDisposition?.ToString() ?? "");

        var sent = await HtmlForms.SubmitAsync(supervisor, CustodyPages.FollowUp, html, $"sent-{letterId:N}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        var sentTab = await supervisor.GetStringAsync($"{CustodyPages.FollowUp}?letters=sent");
        Assert.Contains($"letter-{letterId:N}", sentTab);

        // Not the funeral home's page; the API marks a letter once.
        var home = await SignedIn.AsAsync(factory, "funeral.liu");
        Assert.Equal(HttpStatusCode.Forbidden, (await home.GetAsync(CustodyPages.FollowUp)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await home.GetAsync(CustodyPages.FollowUpLetterPdf(letterId))).StatusCode);
        var civil = await factory.ClientForAsync("demo-civil-affairs");
        Assert.Equal(HttpStatusCode.Conflict, (await civil.PostAsync($"/api/v1/custody/follow-up-letters/{letterId}/sent", null)).StatusCode);
    }

    [Fact]
    public void TheTownship_IsTheAddressUpToItsStreetOrTown()
    {
        Assert.Equal("贵州省贵阳市云岩区中华北路街道办事处", Township.Of("贵州省贵阳市云岩区中华北路街道某某社区12号"));
        Assert.Equal("贵州省贵阳市花溪区青岩镇人民政府", Township.Of("贵州省贵阳市花溪区青岩镇北街3号"));
        Assert.Equal("户籍所在地乡镇人民政府（街道办事处）", Township.Of(null));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until && !await condition()) await Task.Delay(100);
    }
}
