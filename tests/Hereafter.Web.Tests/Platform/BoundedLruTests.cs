using Hereafter.Web.Platform.Caching;

namespace Hereafter.Web.Tests.Platform;

public sealed class BoundedLruTests
{
    [Fact]
    public void BoundedLru_OnOneThread_DropsStrictlyTheLeastRecentlyRead()
    {
        var lru = new BoundedLru<string, int>(3);
        lru.Set("a", 1);
        lru.Set("b", 2);
        lru.Set("c", 3);
        Assert.True(lru.TryGet("a", out _)); // order now a, c, b

        lru.Set("d", 4);

        Assert.False(lru.TryGet("b", out _));
        Assert.True(lru.TryGet("c", out _)); // order now c, d, a
        lru.Set("e", 5);
        Assert.False(lru.TryGet("a", out _));
        Assert.Equal(3, lru.Count);
        Assert.Equal(2, lru.Evictions);
    }

    [Fact]
    public void BoundedLru_ReplacingAValue_KeepsOneEntryAndMakesItTheMostRecent()
    {
        var lru = new BoundedLru<string, int>(2);
        lru.Set("a", 1);
        lru.Set("b", 2);
        lru.Set("a", 10);

        lru.Set("c", 3);

        Assert.True(lru.TryGet("a", out var a));
        Assert.Equal(10, a);
        Assert.False(lru.TryGet("b", out _));
        Assert.Equal(2, lru.Count);
    }

    [Fact]
    public void BoundedLru_AfterRemoveAndClear_ForgetsTheEntries_AndFillsAgain()
    {
        var lru = new BoundedLru<string, int>(2);
        lru.Set("a", 1);
        lru.Set("b", 2);
        Assert.True(lru.Remove("a"));
        Assert.False(lru.Remove("a"));
        Assert.False(lru.TryGet("a", out _));
        Assert.Equal(1, lru.Count);

        lru.Clear();
        Assert.Equal(0, lru.Count);
        Assert.False(lru.TryGet("b", out _));

        lru.Set("c", 3);
        lru.Set("d", 4);
        lru.Set("e", 5);
        Assert.Equal(2, lru.Count);
        Assert.False(lru.TryGet("c", out _));
        Assert.True(lru.TryGet("e", out var e));
        Assert.Equal(5, e);
    }

    [Fact]
    public async Task BoundedLru_UnderConcurrentReadsAndWrites_NeverExceedsItsCapacity_NorAnswersAnotherKeysValue()
    {
        const int capacity = 50;
        var lru = new BoundedLru<int, (int Key, int Version)>(capacity);
        var wrong = 0;
        var overCapacity = 0;
        var hits = 0;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(() =>
        {
            var random = new Random(worker);
            var version = 0;
            while (!stop.IsCancellationRequested)
            {
                var key = random.Next(0, 200);
                switch (random.Next(0, 20))
                {
                    case 0: lru.Set(key, (key, ++version)); break;
                    case 1: lru.Remove(key); break;
                    case 2 when worker == 0 && random.Next(0, 50) == 0: lru.Clear(); break;
                    default:
                        if (lru.TryGet(key, out var value))
                        {
                            Interlocked.Increment(ref hits);
                            if (value.Key != key) Interlocked.Increment(ref wrong);
                        }
                        break;
                }
                if (lru.Count > capacity) Interlocked.Increment(ref overCapacity);
            }
        })).ToArray();
        await Task.WhenAll(workers);

        Assert.Equal(0, wrong);
        Assert.Equal(0, overCapacity);
        Assert.True(hits > 0, "some reads hit");
        // The order is still one consistent list: filling it with new keys drops exactly what was there.
        for (var i = 1000; i < 1000 + capacity; i++) lru.Set(i, (i, 0));
        Assert.Equal(capacity, lru.Count);
        for (var i = 1000; i < 1000 + capacity; i++) Assert.True(lru.TryGet(i, out _));
        for (var i = 0; i < 200; i++) Assert.False(lru.TryGet(i, out _));
    }
}
