namespace Hereafter.Domain.Reconciliation;

/// <summary>
/// An open-addressing hash map from 64-bit keys to non-negative ints: two flat arrays, no per-entry
/// objects, so a million-death index costs tens of megabytes and a lookup touches one cache line.
/// </summary>
internal sealed class LongIntMap
{
    private long[] _keys;
    private int[] _values; // -1 = empty slot
    private int _shift;
    private int _count;

    public LongIntMap(int capacity)
    {
        var bits = 4;
        while ((1L << bits) < capacity * 2L)
        {
            bits++;
        }

        _keys = new long[1 << bits];
        _values = new int[1 << bits];
        Array.Fill(_values, -1);
        _shift = 64 - bits;
    }

    public int Count => _count;

    public int Get(long key)
    {
        var mask = _values.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            var value = _values[slot];
            if (value < 0 || _keys[slot] == key)
            {
                return value;
            }

            slot = (slot + 1) & mask;
        }
    }

    /// <summary>Sets the value and returns the previous one (-1 when the key was new).</summary>
    public int Set(long key, int value)
    {
        if ((_count + 1) * 2L > _values.Length)
        {
            Grow();
        }

        var mask = _values.Length - 1;
        var slot = Slot(key);
        while (true)
        {
            var old = _values[slot];
            if (old < 0)
            {
                _keys[slot] = key;
                _values[slot] = value;
                _count++;
                return -1;
            }

            if (_keys[slot] == key)
            {
                _values[slot] = value;
                return old;
            }

            slot = (slot + 1) & mask;
        }
    }

    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15)) >> _shift);

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new long[keys.Length * 2];
        _values = new int[values.Length * 2];
        Array.Fill(_values, -1);
        _shift--;
        _count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (values[i] >= 0)
            {
                Set(keys[i], values[i]);
            }
        }
    }
}
