using Hereafter.Web.Platform.RateLimits;
using Microsoft.Extensions.Time.Testing;

namespace Hereafter.Web.Tests.Platform;

public sealed class FixedWindowCountersTests
{
    private static readonly RateLimitRule ThreePerMinute = new() { PermitLimit = 3, WindowSeconds = 60 };

    [Fact]
    public void AfterTheLimit_IsRefusedUntilTheWindowEnds_ThenCountsAfresh()
    {
        var clock = new FakeTimeProvider();
        var counters = new FixedWindowCounters<string>(clock);
        for (var i = 0; i < 3; i++) Assert.Null(counters.TryAcquire("a", ThreePerMinute));

        clock.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(TimeSpan.FromSeconds(40), counters.TryAcquire("a", ThreePerMinute));
        clock.Advance(TimeSpan.FromSeconds(39));
        Assert.Equal(TimeSpan.FromSeconds(1), counters.TryAcquire("a", ThreePerMinute));

        clock.Advance(TimeSpan.FromSeconds(1));
        for (var i = 0; i < 3; i++) Assert.Null(counters.TryAcquire("a", ThreePerMinute));
        Assert.Equal(TimeSpan.FromSeconds(60), counters.TryAcquire("a", ThreePerMinute));
    }

    [Fact]
    public void EachKey_HasItsOwnCount_AndItsOwnWindow()
    {
        var clock = new FakeTimeProvider();
        var counters = new FixedWindowCounters<string>(clock);
        for (var i = 0; i < 3; i++) Assert.Null(counters.TryAcquire("a", ThreePerMinute));
        clock.Advance(TimeSpan.FromSeconds(30));

        for (var i = 0; i < 3; i++) Assert.Null(counters.TryAcquire("b", ThreePerMinute));

        Assert.Equal(TimeSpan.FromSeconds(30), counters.TryAcquire("a", ThreePerMinute));
        Assert.Equal(TimeSpan.FromSeconds(60), counters.TryAcquire("b", ThreePerMinute));
    }

    [Fact]
    public void ARuleThatDoesNotLimit_AlwaysGrants_AndHoldsNothing()
    {
        var counters = new FixedWindowCounters<string>(new FakeTimeProvider());
        for (var i = 0; i < 100; i++) Assert.Null(counters.TryAcquire("a", new RateLimitRule { PermitLimit = 0 }));
        Assert.Equal(0, counters.Count);
    }

    [Fact]
    public void ZeroPermits_AsksWithoutTaking()
    {
        var counters = new FixedWindowCounters<string>(new FakeTimeProvider());
        var one = new RateLimitRule { PermitLimit = 1 };
        Assert.Null(counters.TryAcquire("a", one, permits: 0));
        Assert.Null(counters.TryAcquire("a", one));
        Assert.NotNull(counters.TryAcquire("a", one, permits: 0));
    }

    [Fact]
    public void Sweep_DropsOnlyTheKeysWhoseWindowEnded_AndADroppedKeyStartsAfresh()
    {
        var clock = new FakeTimeProvider();
        var counters = new FixedWindowCounters<string>(clock);
        var tenSeconds = new RateLimitRule { PermitLimit = 1, WindowSeconds = 10 };
        Assert.Null(counters.TryAcquire("short", tenSeconds));
        Assert.Null(counters.TryAcquire("long", ThreePerMinute));
        clock.Advance(TimeSpan.FromSeconds(10));

        counters.Sweep();

        Assert.Equal(1, counters.Count);
        Assert.Null(counters.TryAcquire("short", tenSeconds));
        Assert.NotNull(counters.TryAcquire("short", tenSeconds));
        Assert.Null(counters.TryAcquire("long", ThreePerMinute));
        Assert.Null(counters.TryAcquire("long", ThreePerMinute));
        Assert.NotNull(counters.TryAcquire("long", ThreePerMinute));
    }

    [Fact]
    public async Task EndedWindows_AreSweptWithoutBeingAsked()
    {
        var clock = new FakeTimeProvider();
        var counters = new FixedWindowCounters<int>(clock);
        var rule = new RateLimitRule { PermitLimit = 5, WindowSeconds = 1 };
        for (var i = 0; i < 100; i++) counters.TryAcquire(i, rule);
        clock.Advance(TimeSpan.FromSeconds(2));

        counters.TryAcquire(-1, rule); // a request after the windows ended starts the sweep on the thread pool

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (counters.Count > 1 && DateTime.UtcNow < deadline) await Task.Delay(10);
        Assert.Equal(1, counters.Count);
    }

    [Fact]
    public async Task ConcurrentAcquires_NeverGrantMoreThanTheLimit_EvenAcrossSweeps()
    {
        var clock = new FakeTimeProvider();
        var counters = new FixedWindowCounters<string>(clock);
        var rule = new RateLimitRule { PermitLimit = 1000, WindowSeconds = 60 };
        var granted = 0;
        var sweeping = Task.Run(() =>
        {
            for (var i = 0; i < 200; i++) counters.Sweep();
        });
        var workers = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            for (var i = 0; i < 5000; i++)
            {
                if (counters.TryAcquire("one-address", rule) is null) Interlocked.Increment(ref granted);
            }
        })).ToArray();
        await Task.WhenAll([.. workers, sweeping]);

        Assert.Equal(1000, granted);
    }
}
