using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Clusterpact.Web.Infrastructure.Pdf;

/// <summary>An sRGB colour for text, fills and lines.</summary>
internal readonly record struct PdfColor(byte R, byte G, byte B)
{
    public string Operands => string.Create(CultureInfo.InvariantCulture, $"{R / 255.0:0.###} {G / 255.0:0.###} {B / 255.0:0.###}");
}

/// <summary>
/// Writes a PDF 1.7 file (ISO 32000-1) from pages of text, rectangles and lines, with the fonts embedded as
/// subsets (Type0/CIDFontType2). Each distinct character gets its own code, mapped to its glyph by CIDToGIDMap
/// and back to the character by ToUnicode, so text extracts exactly as written even where characters share a
/// glyph (a non-breaking hyphen and a hyphen, say).
/// Coordinates are in points from the top-left corner of the page.
/// </summary>
internal sealed class PdfFileWriter(double pageWidth, double pageHeight)
{
    private readonly List<StringBuilder> _pages = [];
    private readonly Dictionary<TrueTypeFont, (string Name, Dictionary<char, ushort> Codes)> _fonts = [];

    public int PageCount => _pages.Count;

    public void AddPage() => _pages.Add(new StringBuilder());

    public void Text(int page, double x, double y, string text, TrueTypeFont font, double size, PdfColor color)
    {
        if (!_fonts.TryGetValue(font, out var used))
        {
            used = _fonts[font] = ($"F{_fonts.Count + 1}", []);
        }

        var hex = new StringBuilder();
        foreach (var c in text)
        {
            if (!used.Codes.TryGetValue(c, out var code)) code = used.Codes[c] = (ushort)(used.Codes.Count + 1);
            hex.Append(code.ToString("X4", CultureInfo.InvariantCulture));
        }

        Append(page, $"BT /{used.Name} {N(size)} Tf {color.Operands} rg {N(x)} {N(pageHeight - y)} Td <{hex}> Tj ET");
    }

    public void FillRectangle(int page, double x, double y, double width, double height, PdfColor color) =>
        Append(page, $"{color.Operands} rg {N(x)} {N(pageHeight - y - height)} {N(width)} {N(height)} re f");

    public void Line(int page, double x1, double y1, double x2, double y2, double width, PdfColor color) =>
        Append(page, $"{N(width)} w {color.Operands} RG {N(x1)} {N(pageHeight - y1)} m {N(x2)} {N(pageHeight - y2)} l S");

    public byte[] ToBytes(string title, string author, string language)
    {
        var objects = new List<byte[]>();
        int Reserve() { objects.Add([]); return objects.Count; }
        void Set(int number, string body) => objects[number - 1] = Encoding.ASCII.GetBytes(body);
        int Add(string body) { var n = Reserve(); Set(n, body); return n; }
        int AddStream(string dictionary, byte[] data)
        {
            var compressed = Deflate(data);
            var n = Reserve();
            objects[n - 1] = [.. Encoding.ASCII.GetBytes($"<< {dictionary} /Filter /FlateDecode /Length {compressed.Length} >>\nstream\n"), .. compressed, .. "\nendstream"u8];
            return n;
        }

        var catalog = Reserve();
        var pagesRoot = Reserve();
        var info = Add($"<< /Title {TextString(title)} /Author {TextString(author)} /Creator {TextString(author)} /Producer {TextString(author)} >>"); // no /CreationDate: it is optional (ISO 32000-1, 14.3.3) and the same letter then gives the same bytes
        var fontRefs = new StringBuilder();
        var subsetTag = 'A';
        foreach (var (font, (name, codes)) in _fonts)
        {
            // A subset's name starts with six capital letters and a plus (ISO 32000-1, 9.6.4).
            var baseFont = $"CPAAA{subsetTag++}+{font.PostScriptName}";
            var file = font.Subset(codes.Keys.Select(font.GlyphId).ToHashSet());
            var fontFile = AddStream($"/Length1 {file.Length}", file);
            var descriptor = Add($"<< /Type /FontDescriptor /FontName /{baseFont} /Flags 32 /FontBBox [{string.Join(' ', font.BoundingBox.Select(v => N(v * 1000.0 / font.UnitsPerEm)))}] " +
                                 $"/ItalicAngle 0 /Ascent {N(font.Ascent * 1000.0 / font.UnitsPerEm)} /Descent {N(font.Descent * 1000.0 / font.UnitsPerEm)} " +
                                 $"/CapHeight {N(font.CapHeight * 1000.0 / font.UnitsPerEm)} /StemV 80 /FontFile2 {fontFile} 0 R >>");
            var widths = string.Join(' ', codes.Select(c => $"{c.Value} [{N(font.Advance(font.GlyphId(c.Key)))}]"));
            var glyphOfCode = new byte[2 * (codes.Count + 1)];
            foreach (var (c, code) in codes) BinaryPrimitives.WriteUInt16BigEndian(glyphOfCode.AsSpan(2 * code), font.GlyphId(c));
            var cidToGid = AddStream("", glyphOfCode);
            var cidFont = Add($"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /{baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> " +
                              $"/FontDescriptor {descriptor} 0 R /DW 1000 /W [{widths}] /CIDToGIDMap {cidToGid} 0 R >>");
            var toUnicode = AddStream("", Encoding.ASCII.GetBytes(ToUnicodeMap(codes)));
            var type0 = Add($"<< /Type /Font /Subtype /Type0 /BaseFont /{baseFont} /Encoding /Identity-H /DescendantFonts [{cidFont} 0 R] /ToUnicode {toUnicode} 0 R >>");
            fontRefs.Append(CultureInfo.InvariantCulture, $"/{name} {type0} 0 R ");
        }

        var kids = new StringBuilder();
        foreach (var page in _pages)
        {
            var content = AddStream("", Encoding.ASCII.GetBytes(page.ToString()));
            var pageObject = Add($"<< /Type /Page /Parent {pagesRoot} 0 R /MediaBox [0 0 {N(pageWidth)} {N(pageHeight)}] " +
                                 $"/Resources << /Font << {fontRefs}>> >> /Contents {content} 0 R >>");
            kids.Append(CultureInfo.InvariantCulture, $"{pageObject} 0 R ");
        }

        Set(pagesRoot, $"<< /Type /Pages /Kids [{kids}] /Count {_pages.Count} >>");
        Set(catalog, $"<< /Type /Catalog /Pages {pagesRoot} 0 R /Lang {TextString(language)} /ViewerPreferences << /DisplayDocTitle true >> >>");

        using var output = new MemoryStream();
        output.Write("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n"u8);
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(output.Length);
            output.Write(Encoding.ASCII.GetBytes($"{i + 1} 0 obj\n"));
            output.Write(objects[i]);
            output.Write("\nendobj\n"u8);
        }

        var xref = output.Length;
        var trailer = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) trailer.Append(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n \n");
        trailer.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root {catalog} 0 R /Info {info} 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        output.Write(Encoding.ASCII.GetBytes(trailer.ToString()));
        return output.ToArray();
    }

    private void Append(int page, string operators) => _pages[page].Append(operators).Append('\n');

    private static string ToUnicodeMap(Dictionary<char, ushort> codes)
    {
        var map = new StringBuilder("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n" +
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def /CMapName /Adobe-Identity-UCS def /CMapType 2 def\n" +
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
        foreach (var chunk in codes.Chunk(100))
        {
            map.Append(CultureInfo.InvariantCulture, $"{chunk.Length} beginbfchar\n");
            foreach (var (c, code) in chunk) map.Append(CultureInfo.InvariantCulture, $"<{code:X4}> <{(int)c:X4}>\n");
            map.Append("endbfchar\n");
        }

        return map.Append("endcmap CMapName currentdict /CMap defineresource pop end end\n").ToString();
    }

    /// <summary>A PDF text string in UTF-16BE with its byte order mark, so any character survives.</summary>
    private static string TextString(string text) =>
        $"<FEFF{Convert.ToHexString(Encoding.BigEndianUnicode.GetBytes(text))}>";

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static byte[] Deflate(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal)) zlib.Write(data);
        return output.ToArray();
    }
}
