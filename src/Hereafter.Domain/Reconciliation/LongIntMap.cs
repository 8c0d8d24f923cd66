using System.Runtime.InteropServices;

namespace Hereafter.Domain.Reconciliation;

/// <summary>
/// An open-addressing hash map from 64-bit keys to non-negative ints: one flat array of key/value pairs,
/// no per-entry objects, so a million-death index costs tens of megabytes and a lookup touches one cache line.
/// </summary>
internal sealed class LongIntMap
{
    private Entry[] _entries;
    private int _shift;
    private int _count;

    public LongIntMap(int capacity)
    {
        var bits = 4;
        while ((1L << bits) < capacity * 2L)
        {
            bits++;
        }

        _entries = NewEntries(1 << bits);
        _shift = 64 - bits;
    }

    public int Count => _count;

    public int Get(long key)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            ref var entry = ref entries[slot];
            if (entry.Value < 0 || entry.Key == key)
            {
                return entry.Value;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Sets the value and returns the previous one (-1 when the key was new).</summary>
    public int Set(long key, int value)
    {
        if ((_count + 1) * 2L > _entries.Length)
        {
            Grow();
        }

        var entries = _entries;
        var mask = entries.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            ref var entry = ref entries[slot];
            if (entry.Value < 0)
            {
                entry.Key = key;
                entry.Value = value;
                _count++;
                return -1;
            }

            if (entry.Key == key)
            {
                var old = entry.Value;
                entry.Value = value;
                return old;
            }

            slot = (slot + 1) & mask;
        }
    }

    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> _shift);

    private static Entry[] NewEntries(int length)
    {
        var entries = new Entry[length];
        MemoryMarshal.Cast<Entry, long>(entries.AsSpan()).Fill(-1); // Value -1 = empty (the key is overwritten on use)
        return entries;
    }

    private void Grow()
    {
        var old = _entries;
        _entries = NewEntries(old.Length * 2);
        _shift--;
        _count = 0;
        foreach (var entry in old)
        {
            if (entry.Value >= 0)
            {
                Set(entry.Key, entry.Value);
            }
        }
    }

    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct Entry
    {
        public long Key;
        public int Value;
    }
}

/// <summary>
/// Heads of candidate chains by a 32-bit hash, packed with the head index into one 64-bit slot. Lossy on
/// purpose: two keys with the same hash share a chain, which is harmless because every candidate is
/// verified, and halves the memory of a full key/value map.
/// </summary>
internal sealed class ChainHeads
{
    private readonly long[] _slots; // 0 = empty, else (hash << 32) | (head + 1)
    private readonly int _shift;

    public ChainHeads(int capacity)
    {
        var bits = 4;
        while ((1L << bits) < capacity * 2L)
        {
            bits++;
        }

        _slots = new long[1 << bits];
        _shift = 32 - bits;
    }

    public static uint Hash(long key) => (uint)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> 32);

    public int Get(uint hash)
    {
        var mask = _slots.Length - 1;
        var slot = (int)((hash * 0x9E3779B1u) >> _shift);
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((uint)(entry >>> 32) == hash)
            {
                return (int)(uint)entry - 1;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Reads the hash's home slot, to bring it into cache before it is needed.</summary>
    public long Touch(uint hash) => _slots[HomeSlot(hash)];

    private int HomeSlot(uint hash) => (int)((hash * 0x9E3779B1u) >> _shift);

    /// <summary>Makes <paramref name="head"/> the chain's head and returns the previous head (-1 when none).</summary>
    public int Push(uint hash, int head)
    {
        var mask = _slots.Length - 1;
        var slot = (int)((hash * 0x9E3779B1u) >> _shift);
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0 || (uint)(entry >>> 32) == hash)
            {
                _slots[slot] = ((long)hash << 32) | (uint)(head + 1);
                return entry == 0 ? -1 : (int)(uint)entry - 1;
            }

            slot = (slot + 1) & mask;
        }
    }
}
