namespace Hereafter.Web.Platform.Caching;

/// <summary>
/// A thread-safe map of at most <c>capacity</c> entries that drops the least recently used one to make room.
/// Anonymous callers choose the keys of the caches that use it, so a cache must never grow with them, nor be cleared
/// wholesale when full (which hands every hot entry back to the database).
/// </summary>
public sealed class BoundedLru<TKey, TValue> where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _map;
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _order = new();
    private readonly Lock _lock = new();
    private long _evictions;

    public BoundedLru(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _map = new Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>>(comparer);
    }

    public int Capacity { get; }

    public int Count
    {
        get { lock (_lock) return _map.Count; }
    }

    /// <summary>Entries dropped to make room since start.</summary>
    public long Evictions => Interlocked.Read(ref _evictions);

    /// <summary>The value, which becomes the most recently used.</summary>
    public bool TryGet(TKey key, out TValue value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var node))
            {
                if (node != _order.First)
                {
                    _order.Remove(node);
                    _order.AddFirst(node);
                }
                value = node.Value.Value;
                return true;
            }
        }
        value = default!;
        return false;
    }

    /// <summary>Adds or replaces the value as the most recently used, dropping the least recently used beyond capacity.</summary>
    public void Set(TKey key, TValue value)
    {
        lock (_lock)
        {
            if (_map.TryGetValue(key, out var existing))
            {
                _order.Remove(existing);
                existing.Value = new KeyValuePair<TKey, TValue>(key, value);
                _order.AddFirst(existing);
                return;
            }
            _map[key] = _order.AddFirst(new KeyValuePair<TKey, TValue>(key, value));
            while (_map.Count > Capacity)
            {
                var last = _order.Last!;
                _order.RemoveLast();
                _map.Remove(last.Value.Key);
                Interlocked.Increment(ref _evictions);
            }
        }
    }

    public bool Remove(TKey key)
    {
        lock (_lock)
        {
            if (!_map.Remove(key, out var node)) return false;
            _order.Remove(node);
            return true;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _map.Clear();
            _order.Clear();
        }
    }
}
