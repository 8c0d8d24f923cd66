using System.Collections.Concurrent;

namespace Hereafter.Web.Platform.Caching;

/// <summary>
/// A thread-safe map of at most <c>capacity</c> entries that drops the least recently used one to make room.
/// Anonymous callers choose the keys of the caches that use it, so a cache must never grow with them, nor be cleared
/// wholesale when full (which hands every hot entry back to the database).
/// </summary>
/// <remarks>
/// Reads take no lock: a hit is a lookup in a concurrent map. It then moves the entry to the front only if the lock is
/// free at that moment; under contention the move is skipped, since waiting for it is what made every hit queue behind
/// a lock holder the scheduler had paused (64 connections on 2 cores). An entry read that often is near the front
/// anyway; on one thread the order stays strictly least-recently-used. Writes, eviction and the order hold the lock.
/// </remarks>
public sealed class BoundedLru<TKey, TValue> where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Node> _map;
    private readonly Lock _lock = new();
    // A circular doubly linked list through a sentinel: _head.Next is the most recently used, _head.Previous the least.
    private readonly Node _head = new(default!, default!);
    private int _count;
    private long _evictions;

    public BoundedLru(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _map = new ConcurrentDictionary<TKey, Node>(comparer);
        _head.Next = _head.Previous = _head;
    }

    public int Capacity { get; }

    public int Count => Volatile.Read(ref _count);

    /// <summary>Entries dropped to make room since start.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>The value, which becomes the most recently used unless another thread holds the order at that moment.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        if (!_map.TryGetValue(key, out var node))
        {
            value = default!;
            return false;
        }
        // A node's value never changes (Set replaces the node), so it is read without the lock.
        value = node.Value;
        if (node.Previous != _head && _lock.TryEnter())
        {
            try
            {
                // Dropped or replaced since the lookup: it is out of the list and stays out.
                if (node.Linked) MoveToFront(node);
            }
            finally
            {
                _lock.Exit();
            }
        }
        return true;
    }

    /// <summary>Adds or replaces the value as the most recently used, dropping the least recently used beyond capacity.</summary>
    public void Set(TKey key, TValue value)
    {
        var node = new Node(key, value);
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                Unlink(existing);
                _count--;
            }
            else
            {
                // Room first, so readers never see more than the capacity.
                while (_count >= Capacity)
                {
                    var last = _head.Previous!;
                    Unlink(last);
                    _count--;
                    _map.TryRemove(new KeyValuePair<TKey, Node>(last.Key, last));
                    Interlocked.Increment(ref _evictions);
                }
            }
            _map[key] = node;
            LinkFirst(node);
            Volatile.Write(ref _count, _count + 1);
        }
    }

    public bool Remove(TKey key)
    {
        lock (_lock)
        {
            if (!_map.TryRemove(key, out var node)) return false;
            Unlink(node);
            Volatile.Write(ref _count, _count - 1);
            return true;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            for (var node = _head.Next!; node != _head; node = node.Next!) node.Linked = false;
            _map.Clear();
            _head.Next = _head.Previous = _head;
            Volatile.Write(ref _count, 0);
        }
    }

    private void MoveToFront(Node node)
    {
        if (_head.Next == node) return;
        Unlink(node);
        LinkFirst(node);
    }

    private void LinkFirst(Node node)
    {
        node.Previous = _head;
        node.Next = _head.Next;
        _head.Next!.Previous = node;
        _head.Next = node;
        node.Linked = true;
    }

    private static void Unlink(Node node)
    {
        node.Previous!.Next = node.Next;
        node.Next!.Previous = node.Previous;
        node.Next = node.Previous = null;
        node.Linked = false;
    }

    private sealed class Node(TKey key, TValue value)
    {
        public readonly TKey Key = key;
        public readonly TValue Value = value;
        // Under the lock only (TryGet's unlocked check of Previous is a hint; it is checked again under the lock).
        public Node? Previous;
        public Node? Next;
        public bool Linked;
    }
}
