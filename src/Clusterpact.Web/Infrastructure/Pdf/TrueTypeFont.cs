using System.Buffers.Binary;

namespace Clusterpact.Web.Infrastructure.Pdf;

/// <summary>
/// The little of a TrueType font a PDF needs: glyph ids, advance widths, metrics, and a subset holding only
/// the glyphs a document uses (Liberation Sans is 400 KB whole; a letter uses a few dozen glyphs).
/// </summary>
internal sealed class TrueTypeFont
{
    // The tables a PDF viewer needs of an embedded CIDFontType2 (ISO 32000-1, 9.9), plus cmap, OS/2 and name.
    private static readonly string[] KeptTables = ["OS/2", "cmap", "cvt ", "fpgm", "glyf", "head", "hhea", "hmtx", "loca", "maxp", "name", "prep"];

    // Characters Liberation Sans lacks (U+2011 non-breaking hyphen) drawn with one it has; the text keeps the original.
    private static readonly Dictionary<char, char> Lookalikes = new() { ['\u2011'] = '\u2010', ['\u2010'] = '-', ['\u2212'] = '-', ['\u202F'] = '\u00A0' };

    private readonly byte[] _data;
    private readonly Dictionary<string, (int Offset, int Length)> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ushort> _glyphOfChar = [];
    private readonly ushort[] _advances;
    private readonly int[] _glyphOffsets;

    public string PostScriptName { get; }
    public int UnitsPerEm { get; }
    public short Ascent { get; }
    public short Descent { get; }
    public short CapHeight { get; }
    public short[] BoundingBox { get; }

    public TrueTypeFont(byte[] data, string postScriptName)
    {
        _data = data;
        PostScriptName = postScriptName;
        int numTables = U16(4);
        for (var i = 0; i < numTables; i++)
        {
            var record = 12 + (16 * i);
            var tag = System.Text.Encoding.ASCII.GetString(data, record, 4);
            _tables[tag] = ((int)U32(record + 8), (int)U32(record + 12));
        }

        var head = Table("head");
        UnitsPerEm = U16(head + 18);
        BoundingBox = [I16(head + 36), I16(head + 38), I16(head + 40), I16(head + 42)];
        var longLoca = I16(head + 50) == 1;
        var hhea = Table("hhea");
        Ascent = I16(hhea + 4);
        Descent = I16(hhea + 6);
        var os2 = Table("OS/2");
        CapHeight = U16(os2) >= 2 ? I16(os2 + 88) : Ascent;

        var numGlyphs = U16(Table("maxp") + 4);
        int numMetrics = U16(hhea + 34);
        var hmtx = Table("hmtx");
        _advances = new ushort[numGlyphs];
        for (var g = 0; g < numGlyphs; g++)
        {
            _advances[g] = U16(hmtx + (4 * Math.Min(g, numMetrics - 1)));
        }

        var loca = Table("loca");
        _glyphOffsets = new int[numGlyphs + 1];
        for (var g = 0; g <= numGlyphs; g++)
        {
            _glyphOffsets[g] = longLoca ? (int)U32(loca + (4 * g)) : U16(loca + (2 * g)) * 2;
        }

        ReadUnicodeCmap();
    }

    /// <summary>The glyph for a character, a lookalike's when the font lacks it, else 0 (the .notdef box).</summary>
    public ushort GlyphId(char c) =>
        _glyphOfChar.TryGetValue(c, out var glyph) ? glyph : Lookalikes.TryGetValue(c, out var similar) ? GlyphId(similar) : (ushort)0;

    /// <summary>Advance width in thousandths of the font size, the unit PDF widths use.</summary>
    public double Advance(ushort glyph) => _advances[glyph] * 1000.0 / UnitsPerEm;

    public double Width(string text, double size) => text.Sum(c => Advance(GlyphId(c))) * size / 1000;

    /// <summary>A font file with the glyphs outside <paramref name="used"/> emptied; glyph ids stay the same.</summary>
    public byte[] Subset(IReadOnlySet<ushort> used)
    {
        var keep = new HashSet<ushort>(used) { 0 };
        var glyf = Table("glyf");
        var pending = new Stack<ushort>(keep);
        while (pending.Count > 0)
        {
            foreach (var component in Components(glyf, pending.Pop()))
            {
                if (keep.Add(component)) pending.Push(component);
            }
        }

        using var newGlyf = new MemoryStream();
        var newLoca = new byte[4 * _glyphOffsets.Length];
        for (var g = 0; g < _glyphOffsets.Length - 1; g++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * g), (uint)newGlyf.Length);
            if (!keep.Contains((ushort)g)) continue;
            newGlyf.Write(_data, glyf + _glyphOffsets[g], _glyphOffsets[g + 1] - _glyphOffsets[g]);
            while (newGlyf.Length % 4 != 0) newGlyf.WriteByte(0);
        }

        BinaryPrimitives.WriteUInt32BigEndian(newLoca.AsSpan(4 * (_glyphOffsets.Length - 1)), (uint)newGlyf.Length);
        var head = _data.AsSpan(Table("head"), _tables["head"].Length).ToArray();
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0); // checkSumAdjustment: no longer valid
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1); // the new loca holds 32-bit offsets
        var tables = KeptTables.Where(_tables.ContainsKey).ToDictionary(
            tag => tag,
            tag => tag switch
            {
                "glyf" => newGlyf.ToArray(),
                "loca" => newLoca,
                "head" => head,
                _ => _data.AsSpan(_tables[tag].Offset, _tables[tag].Length).ToArray(),
            });
        return WriteFontFile(tables);
    }

    private static byte[] WriteFontFile(Dictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var selector = (int)Math.Log2(count);
        var header = new byte[12 + (16 * count)];
        BinaryPrimitives.WriteUInt32BigEndian(header, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(4), (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(6), (ushort)((1 << selector) * 16));
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(8), (ushort)selector);
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(10), (ushort)((count - (1 << selector)) * 16));
        using var body = new MemoryStream();
        var i = 0;
        foreach (var (tag, bytes) in tables.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            var record = header.AsSpan(12 + (16 * i++));
            System.Text.Encoding.ASCII.GetBytes(tag, record);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(bytes));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)(header.Length + body.Length));
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)bytes.Length);
            body.Write(bytes);
            while (body.Length % 4 != 0) body.WriteByte(0);
        }

        return [.. header, .. body.ToArray()];
    }

    private static uint Checksum(byte[] table)
    {
        uint sum = 0;
        Span<byte> word = stackalloc byte[4];
        for (var i = 0; i < table.Length; i += 4)
        {
            word.Clear();
            table.AsSpan(i, Math.Min(4, table.Length - i)).CopyTo(word);
            sum += BinaryPrimitives.ReadUInt32BigEndian(word);
        }

        return sum;
    }

    /// <summary>The glyphs a composite glyph is built from (OpenType glyf table, composite glyph description).</summary>
    private IEnumerable<ushort> Components(int glyf, ushort glyph)
    {
        var start = glyf + _glyphOffsets[glyph];
        if (_glyphOffsets[glyph + 1] == _glyphOffsets[glyph] || I16(start) >= 0) yield break;
        var p = start + 10;
        ushort flags;
        do
        {
            flags = U16(p);
            yield return U16(p + 2);
            p += 4 + ((flags & 0x1) != 0 ? 4 : 2) + ((flags & 0x8) != 0 ? 2 : (flags & 0x40) != 0 ? 4 : (flags & 0x80) != 0 ? 8 : 0);
        }
        while ((flags & 0x20) != 0);
    }

    /// <summary>Reads the Windows Unicode BMP subtable (platform 3, encoding 1, format 4).</summary>
    private void ReadUnicodeCmap()
    {
        var cmap = Table("cmap");
        int count = U16(cmap + 2);
        for (var i = 0; i < count; i++)
        {
            var record = cmap + 4 + (8 * i);
            if (U16(record) != 3 || U16(record + 2) != 1) continue;
            var sub = cmap + (int)U32(record + 4);
            if (U16(sub) != 4) continue;
            var segments = U16(sub + 6) / 2;
            var ends = sub + 14;
            var starts = ends + (2 * segments) + 2;
            var deltas = starts + (2 * segments);
            var rangeOffsets = deltas + (2 * segments);
            for (var s = 0; s < segments; s++)
            {
                int rangeOffset = U16(rangeOffsets + (2 * s));
                for (int c = U16(starts + (2 * s)), end = U16(ends + (2 * s)); c <= end && c != 0xFFFF; c++)
                {
                    var glyph = rangeOffset == 0
                        ? c
                        : U16(rangeOffsets + (2 * s) + rangeOffset + (2 * (c - U16(starts + (2 * s)))));
                    if (rangeOffset != 0 && glyph == 0) continue;
                    _glyphOfChar[c] = (ushort)((glyph + I16(deltas + (2 * s))) & 0xFFFF);
                }
            }

            return;
        }

        throw new InvalidDataException($"{PostScriptName} has no Unicode character map.");
    }

    private int Table(string tag) => _tables.TryGetValue(tag, out var t) ? t.Offset : throw new InvalidDataException($"{PostScriptName} has no {tag} table.");
    private ushort U16(int at) => BinaryPrimitives.ReadUInt16BigEndian(_data.AsSpan(at));
    private short I16(int at) => BinaryPrimitives.ReadInt16BigEndian(_data.AsSpan(at));
    private uint U32(int at) => BinaryPrimitives.ReadUInt32BigEndian(_data.AsSpan(at));
}
