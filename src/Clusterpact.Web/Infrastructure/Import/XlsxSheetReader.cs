using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Clusterpact.Web.Infrastructure.Import;

/// <summary>
/// The first sheet of an .xlsx read as a stream of text rows, straight from its XML (<c>sheet1.xml</c> through an
/// <see cref="XmlReader"/>, the shared strings and the styles' date formats read first): no dictionary or boxed value per
/// cell, so 100,000 rows take the time of the XML, not of an object model (MiniExcel's <c>Query</c> built a dictionary per
/// row; docs/decisions/0017-set-based-imports.md). Rows come with their Excel numbers from 1 (missing rows are blank rows),
/// each as wide as the sheet's dimension; merged cells carry the value of their top-left cell; a number in a date format is
/// a date. The cells are then written as <see cref="TabularFile"/> writes them, the Belgian way.
/// </summary>
internal static class XlsxSheetReader
{
    public static IEnumerable<TabularRow> Rows(Stream stream, Func<object?, string?> text)
    {
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
        var sheetPath = FirstSheetPath(zip);
        var sheet = Entry(zip, sheetPath) ?? throw new InvalidDataException("The workbook has no sheet.");
        var shared = SharedStrings(zip);
        var dateStyles = DateStyles(zip);
        var merges = HasMerges(sheet) ? Merges(sheet) : [];

        using var reader = XmlReader.Create(sheet.Open(), Settings);
        var width = 0;
        var nextRow = 1;
        var topLeft = new Dictionary<(int Row, int Column), string?>();
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element) continue;
            if (reader.LocalName == "dimension")
            {
                width = Math.Max(width, DimensionWidth(reader.GetAttribute("ref")));
                continue;
            }
            if (reader.LocalName == "mergeCells") yield break; // after sheetData: the rows are done
            if (reader.LocalName != "row") continue;
            var rowNumber = int.TryParse(reader.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : nextRow;
            while (nextRow < rowNumber) yield return Fill(new TabularRow(nextRow, new string?[width]), merges, topLeft, nextRow++);
            var cells = ReadRow(reader, shared, dateStyles, text, width);
            width = Math.Max(width, cells.Length);
            yield return Fill(new TabularRow(rowNumber, cells), merges, topLeft, rowNumber);
            nextRow = rowNumber + 1;
        }
    }

    private static readonly XmlReaderSettings Settings = new()
    {
        IgnoreComments = true, IgnoreProcessingInstructions = true, IgnoreWhitespace = false, DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
    };

    /// <summary>The cells of one &lt;row&gt; (the reader on it), by their column letters; a cell without a reference follows the one before.</summary>
    private static string?[] ReadRow(XmlReader reader, string[] shared, HashSet<int> dateStyles, Func<object?, string?> text, int width)
    {
        var cells = new List<string?>(width);
        if (reader.IsEmptyElement) { Pad(cells, width); return [.. cells]; }
        var depth = reader.Depth;
        var column = -1;
        while (reader.Read() && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c") continue;
            column = ColumnOf(reader.GetAttribute("r")) ?? column + 1;
            var type = reader.GetAttribute("t");
            var style = int.TryParse(reader.GetAttribute("s"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
            var (value, inline) = CellContent(reader);
            Pad(cells, column + 1);
            cells[column] = text(type switch
            {
                "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < shared.Length ? shared[i] : null,
                "inlineStr" => inline,
                "str" or "e" => value is null ? null : Decode(value),
                "b" => value is null ? null : value.Trim() == "1",
                "d" => value is null ? null : DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var d) ? d : value,
                _ => Number(value, dateStyles.Contains(style)),
            });
        }
        Pad(cells, width);
        return [.. cells];
    }

    /// <summary>A number cell's value: a date when its style shows a date (and the number is one), otherwise the number, or the text when it is none.</summary>
    private static object? Number(string? value, bool isDate)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return value;
        return isDate && n is > -657435.0 and < 2958466.0 ? DateTime.FromOADate(n) : n;
    }

    /// <summary>The &lt;v&gt; text of a cell and the text of its inline string (&lt;is&gt;); leaves the reader on the cell's end.</summary>
    private static (string? Value, string? Inline) CellContent(XmlReader reader)
    {
        if (reader.IsEmptyElement) return (null, null);
        var depth = reader.Depth;
        string? value = null, inline = null;
        reader.Read();
        // Each branch moves the reader on by itself (reading an element's content leaves it on the next node).
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element) reader.Read();
            else if (reader.LocalName == "v") value = reader.ReadElementContentAsString();
            else if (reader.LocalName == "is") inline = RichText(reader);
            else reader.Skip();
        }
        return (value, inline);
    }

    /// <summary>
    /// The text of a string item (&lt;si&gt; or &lt;is&gt;, the reader on it): its &lt;t&gt; runs together, without phonetic
    /// runs; leaves the reader on the node after it.
    /// </summary>
    private static string RichText(XmlReader reader)
    {
        if (reader.IsEmptyElement) { reader.Read(); return ""; }
        var depth = reader.Depth;
        string? single = null;
        StringBuilder? runs = null;
        reader.Read();
        while (!reader.EOF && !(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType != XmlNodeType.Element) reader.Read();
            else if (reader.LocalName == "t")
            {
                var run = reader.ReadElementContentAsString();
                if (single is null && runs is null) single = run;
                else (runs ??= new StringBuilder(single)).Append(run);
            }
            else if (reader.LocalName is "rPh" or "rPr") reader.Skip(); // phonetic runs and formatting
            else reader.Read(); // a rich-text run (<r>): its <t> counts
        }
        reader.Read();
        return Decode(runs?.ToString() ?? single ?? "");
    }

    /// <summary>Excel writes a control character in a string as _xHHHH_ (ECMA-376 22.9.2.19).</summary>
    private static string Decode(string s)
    {
        if (!s.Contains("_x", StringComparison.Ordinal)) return s;
        var result = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '_' && i + 6 < s.Length && s[i + 1] == 'x' && s[i + 6] == '_'
                && ushort.TryParse(s.AsSpan(i + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
            {
                result.Append((char)code);
                i += 6;
            }
            else result.Append(s[i]);
        }
        return result.ToString();
    }

    private static void Pad(List<string?> cells, int count)
    {
        while (cells.Count < count) cells.Add(null);
    }

    /// <summary>Fills the cells a merged range covers with the value of its top-left cell (kept when its row passes).</summary>
    private static TabularRow Fill(TabularRow row, IReadOnlyList<MergedRange> merges, Dictionary<(int, int), string?> topLeft, int rowNumber)
    {
        if (merges.Count == 0) return row;
        var cells = (string?[])row.Cells;
        foreach (var m in merges)
        {
            if (rowNumber < m.FirstRow || rowNumber > m.LastRow) continue;
            if (rowNumber == m.FirstRow) topLeft[(m.FirstRow, m.FirstColumn)] = m.FirstColumn < cells.Length ? cells[m.FirstColumn] : null;
            var value = topLeft.GetValueOrDefault((m.FirstRow, m.FirstColumn));
            if (cells.Length <= m.LastColumn) Array.Resize(ref cells, m.LastColumn + 1);
            for (var c = m.FirstColumn; c <= m.LastColumn; c++) cells[c] = value;
        }
        return row with { Cells = cells };
    }

    private sealed record MergedRange(int FirstRow, int FirstColumn, int LastRow, int LastColumn);

    /// <summary>Whether the sheet's XML names a merged range at all: one pass over its bytes, no parsing (most lists have none).</summary>
    private static bool HasMerges(ZipArchiveEntry sheet)
    {
        ReadOnlySpan<byte> needle = "mergeCell"u8;
        using var stream = sheet.Open();
        var buffer = new byte[64 * 1024];
        var kept = 0;
        int read;
        while ((read = stream.Read(buffer, kept, buffer.Length - kept)) > 0)
        {
            var filled = kept + read;
            if (buffer.AsSpan(0, filled).IndexOf(needle) >= 0) return true;
            kept = Math.Min(needle.Length - 1, filled);
            buffer.AsSpan(filled - kept, kept).CopyTo(buffer);
        }
        return false;
    }

    private static List<MergedRange> Merges(ZipArchiveEntry sheet)
    {
        var merges = new List<MergedRange>();
        using var reader = XmlReader.Create(sheet.Open(), Settings);
        while (reader.Read())
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "mergeCell") continue;
            var parts = (reader.GetAttribute("ref") ?? "").Split(':');
            if (parts.Length == 2 && Reference(parts[0]) is { } from && Reference(parts[1]) is { } to)
                merges.Add(new MergedRange(from.Row, from.Column, to.Row, to.Column));
        }
        return merges;
    }

    private static int DimensionWidth(string? reference)
    {
        var last = reference?.Split(':')[^1];
        return last is not null && ColumnOf(last) is { } column ? column + 1 : 0;
    }

    /// <summary>The zero-based column of a cell reference ("B7" = 1).</summary>
    private static int? ColumnOf(string? reference)
    {
        if (string.IsNullOrEmpty(reference)) return null;
        var column = 0;
        var letters = 0;
        foreach (var ch in reference)
        {
            var c = char.ToUpperInvariant(ch);
            if (c is < 'A' or > 'Z') break;
            column = column * 26 + (c - 'A' + 1);
            letters++;
        }
        return letters is 0 or > 3 ? null : column - 1;
    }

    private static (int Row, int Column)? Reference(string reference) =>
        ColumnOf(reference) is { } column && int.TryParse(reference.AsSpan(reference.TakeWhile(char.IsAsciiLetter).Count()), NumberStyles.None, CultureInfo.InvariantCulture, out var row)
            ? (row, column) : null;

    private static ZipArchiveEntry? Entry(ZipArchive zip, string path) =>
        zip.GetEntry(path) ?? zip.Entries.FirstOrDefault(e => string.Equals(e.FullName, path, StringComparison.OrdinalIgnoreCase));

    /// <summary>The workbook's first sheet, through its relationship (xl/worksheets/sheet1.xml when the workbook does not say).</summary>
    private static string FirstSheetPath(ZipArchive zip)
    {
        const string fallback = "xl/worksheets/sheet1.xml";
        string? id = null;
        if (Entry(zip, "xl/workbook.xml") is { } workbook)
        {
            using var reader = XmlReader.Create(workbook.Open(), Settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "sheet") continue;
                for (var i = 0; i < reader.AttributeCount; i++)
                {
                    reader.MoveToAttribute(i);
                    if (reader.LocalName == "id" && reader.NamespaceURI.Contains("relationships", StringComparison.Ordinal)) id = reader.Value;
                }
                break;
            }
        }
        if (id is null || Entry(zip, "xl/_rels/workbook.xml.rels") is not { } rels) return fallback;
        using (var reader = XmlReader.Create(rels.Open(), Settings))
        {
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "Relationship" || reader.GetAttribute("Id") != id) continue;
                var target = reader.GetAttribute("Target");
                if (string.IsNullOrEmpty(target)) return fallback;
                return target.StartsWith('/') ? target[1..] : "xl/" + target;
            }
        }
        return fallback;
    }

    private static string[] SharedStrings(ZipArchive zip)
    {
        if (Entry(zip, "xl/sharedStrings.xml") is not { } entry) return [];
        var strings = new List<string>();
        using var reader = XmlReader.Create(entry.Open(), Settings);
        reader.Read();
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.LocalName == "si") strings.Add(RichText(reader));
            else reader.Read();
        }
        return [.. strings];
    }

    /// <summary>The cell styles (indexes into cellXfs) whose number format shows a date or a time.</summary>
    private static HashSet<int> DateStyles(ZipArchive zip)
    {
        var styles = new HashSet<int>();
        if (Entry(zip, "xl/styles.xml") is not { } entry) return styles;
        var custom = new Dictionary<int, bool>();
        using var reader = XmlReader.Create(entry.Open(), Settings);
        var inCellXfs = false;
        var index = 0;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "cellXfs") inCellXfs = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "numFmt" when int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var id):
                    custom[id] = IsDateFormat(reader.GetAttribute("formatCode"));
                    break;
                case "cellXfs":
                    inCellXfs = !reader.IsEmptyElement;
                    break;
                case "xf" when inCellXfs:
                    var format = int.TryParse(reader.GetAttribute("numFmtId"), NumberStyles.None, CultureInfo.InvariantCulture, out var f) ? f : 0;
                    if (custom.TryGetValue(format, out var isDate) ? isDate : IsBuiltInDate(format)) styles.Add(index);
                    index++;
                    break;
            }
        }
        return styles;
    }

    // ECMA-376 18.8.30: the built-in number formats that show dates and times.
    private static bool IsBuiltInDate(int id) => id is >= 14 and <= 22 or >= 27 and <= 36 or >= 45 and <= 47 or >= 50 and <= 58;

    /// <summary>A format code shows a date when it has a day, month, year, hour or second outside quotes, brackets and escapes.</summary>
    private static bool IsDateFormat(string? code)
    {
        if (string.IsNullOrEmpty(code)) return false;
        var section = code.Split(';')[0];
        for (var i = 0; i < section.Length; i++)
        {
            switch (section[i])
            {
                case '"': i = section.IndexOf('"', i + 1); if (i < 0) return false; break;
                case '[': i = section.IndexOf(']', i + 1); if (i < 0) return false; break;
                case '\\' or '_' or '*': i++; break;
                case 'd' or 'D' or 'm' or 'M' or 'y' or 'Y' or 'h' or 'H' or 's' or 'S': return true;
            }
        }
        return false;
    }
}
