namespace Clusterpact.Domain.Members;

/// <summary>
/// Register keys (<see cref="MemberImportRecord.Key"/>) with the row a key was first seen on, held compactly: a member list of a
/// million rows keeps every key for the duplicate rule, and the register's keys are loaded whole. A Belgian enterprise number
/// (ten digits) is one 64-bit slot of an open-addressing table (the number and its row packed together, 8 bytes where a
/// string in a dictionary took about 70); a foreign key ("DE:HRB1234") stays a string. Exact: no hashing that could collide.
/// </summary>
public sealed class MemberKeys
{
    private const int RowBits = 30;
    private const ulong RowMask = (1UL << RowBits) - 1;

    private ulong[] _slots = new ulong[16];
    private int _numbers;
    private readonly Dictionary<string, int> _others = new(StringComparer.Ordinal);

    public static MemberKeys Of(params IEnumerable<string> keys)
    {
        var set = new MemberKeys();
        foreach (var key in keys) set.Add(key);
        return set;
    }

    public int Count => _numbers + _others.Count;

    /// <summary>Adds a key (seen on <paramref name="rowNumber"/>) unless it is there; false and the first row when it was.</summary>
    public bool TryAdd(string key, int rowNumber, out int firstRow)
    {
        if (rowNumber < 0 || (ulong)rowNumber > RowMask) throw new ArgumentOutOfRangeException(nameof(rowNumber));
        if (!TryDigits(key, out var number))
        {
            if (_others.TryGetValue(key, out firstRow)) return false;
            _others[key] = rowNumber;
            return true;
        }
        if ((_numbers + 1) * 2 > _slots.Length) Grow();
        var tag = number + 1; // never 0: 0 marks an empty slot
        var i = SlotOf(number, _slots.Length);
        while (_slots[i] != 0)
        {
            if (_slots[i] >> RowBits == tag) { firstRow = (int)(_slots[i] & RowMask); return false; }
            i = (i + 1) & (_slots.Length - 1);
        }
        _slots[i] = (tag << RowBits) | (uint)rowNumber;
        _numbers++;
        firstRow = 0;
        return true;
    }

    public void Add(string key) => TryAdd(key, 0, out _);

    public bool Contains(string key) => TryGetFirstRow(key, out _);

    /// <summary>The row a key was first seen on.</summary>
    public bool TryGetFirstRow(string key, out int firstRow)
    {
        if (!TryDigits(key, out var number)) return _others.TryGetValue(key, out firstRow);
        var tag = number + 1;
        var i = SlotOf(number, _slots.Length);
        while (_slots[i] != 0)
        {
            if (_slots[i] >> RowBits == tag) { firstRow = (int)(_slots[i] & RowMask); return true; }
            i = (i + 1) & (_slots.Length - 1);
        }
        firstRow = 0;
        return false;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new ulong[old.Length * 2];
        foreach (var slot in old)
        {
            if (slot == 0) continue;
            var i = SlotOf((slot >> RowBits) - 1, _slots.Length);
            while (_slots[i] != 0) i = (i + 1) & (_slots.Length - 1);
            _slots[i] = slot;
        }
    }

    // Fibonacci hashing spreads numbers that differ only in their check digits or last places.
    private static int SlotOf(ulong number, int length) => (int)((number * 0x9E3779B97F4A7C15UL) >> (64 - System.Numerics.BitOperations.Log2((uint)length)));

    /// <summary>Exactly ten ASCII digits (an enterprise number as the register keys it), as a number below 10^10.</summary>
    private static bool TryDigits(string key, out ulong number)
    {
        number = 0;
        if (key.Length != 10) return false;
        foreach (var c in key)
        {
            if (!char.IsAsciiDigit(c)) return false;
            number = number * 10 + (ulong)(c - '0');
        }
        return true;
    }
}
