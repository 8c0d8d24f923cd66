using System.Net;
using Hereafter.Domain.Pricing;
using Hereafter.Web.Modules.Memorial.Contracts;
using Hereafter.Web.Modules.Memorial.Data;
using Hereafter.Web.Platform.Data;
using Hereafter.Web.Tests.Infrastructure;
using Hereafter.Web.Tests.Pricing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Hereafter.Web.Tests.Memorial.ProxyTestSupport;

namespace Hereafter.Web.Tests.Memorial;

/// <summary>The wanted date is a China calendar date; a completion happens once even when two nodes race.</summary>
public sealed class ProxyDateAndRaceTests
{
    private static object OrderFor(Guid site, string date) => new
    {
        institutionId = site, options = new[] { ProxySweepingItems.Flowers }, deceasedName = "李四", graveLocation = "B区 2 排 5 号",
        wantedDate = date, contactPhone = "0851-86822233",
    };

    [Fact]
    public async Task Today_IsTheChinaDate_At2330And0030()
    {
        // 23:30 on 30 March in Guiyang is 15:30 UTC; an hour later it is 31 March there.
        using var factory = new FakeClockFactory(new DateTimeOffset(2027, 3, 30, 15, 30, 0, TimeSpan.Zero));
        var site = await factory.InstitutionAsync(Qianling);
        var late = await factory.CitizenClientAsync("citizen.li");
        Assert.Equal(HttpStatusCode.Created, (await late.PostOrderAsync(OrderFor(site, "2027-03-30"))).StatusCode);
        var tooFar = await (await late.PostOrderAsync(OrderFor(site, "2027-09-27"))).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("最多可预订 180 天以内的日期", tooFar.Errors("wantedDate").Single());
        Assert.Equal(HttpStatusCode.Created, (await late.PostOrderAsync(OrderFor(site, "2027-09-26"))).StatusCode);

        factory.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 30, 16, 30, 0, TimeSpan.Zero));
        var early = await factory.CitizenClientAsync("citizen.li");
        var refused = await (await early.PostOrderAsync(OrderFor(site, "2027-03-30"))).ExpectJsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("日期不能早于今天（2027-03-31）", refused.Errors("wantedDate").Single());
        Assert.Equal(HttpStatusCode.Created, (await early.PostOrderAsync(OrderFor(site, "2027-03-31"))).StatusCode);
    }

    private sealed class Node : HereafterFactory
    {
        public Node() { }
        private Node(HereafterFactory previous) : base(previous) { }
        public static Node Beside(HereafterFactory first) => new(first);
    }

    [Fact]
    public async Task TenCompletionsAcrossTwoNodes_OneCompletes_AndOnlyItsPhotosAreStored()
    {
        var first = new Node { KeepStorage = true };
        try
        {
            _ = first.Server;
            using var second = Node.Beside(first);
            _ = second.Server;
            var id = (await first.OrderOkAsync(await first.CitizenClientAsync("citizen.wang"))).OrderId();
            var sites = new[] { await first.ClientForAsync("demo-cemetery"), await second.ClientForAsync("demo-cemetery") };

            // Request i sends i % 2 + 1 photos, each 30 + i pixels wide: the stored photos say which request won.
            var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => sites[i % 2].CompleteAsync(id,
                [.. Enumerable.Range(0, i % 2 + 1).Select(n => ($"r{i}-{n}.png", ProxyImages.Png(30 + i, 20)))])));

            Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.OK));
            Assert.Equal(9, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
            var winner = Array.FindIndex(answers, a => a.StatusCode == HttpStatusCode.OK);
            var stored = await second.StoredPhotosAsync(id);
            Assert.Equal(winner % 2 + 1, stored.Count);
            Assert.All(stored, p => Assert.Equal(30 + winner, p.Width));
            using var scope = second.Services.CreateScope();
            var order = await scope.ServiceProvider.GetRequiredService<HereafterDbContext>().Set<ProxyOrder>().AsNoTracking().SingleAsync(o => o.Id == id);
            Assert.Equal(ProxyOrderStatus.Completed, order.Status);
            Assert.NotNull(order.CompletedAt);
        }
        finally
        {
            first.Dispose();
        }
    }
}
