using System.Globalization;
using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

namespace Clusterpact.Web.Infrastructure.Import;

/// <summary>One data row of an uploaded sheet, with the row number the person sees in Excel (header = its own row).</summary>
public sealed record TabularRow(int RowNumber, IReadOnlyList<string?> Cells)
{
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>An uploaded sheet as text: the header row and the rows under it, as the file has them.</summary>
public sealed record TabularData(IReadOnlyList<string?> Header, int HeaderRowNumber, IReadOnlyList<TabularRow> Rows);

public enum TabularFormat { Xlsx, Csv }

/// <summary>
/// Reads member and project lists as cluster managers keep them: .xlsx (first sheet; merged header cells are
/// filled) or .csv (semicolon, comma or tab; UTF-8 or the Windows-1252 Belgian Excel writes). The first
/// non-empty row is the header; blank rows stay in (with their numbers) so the report can say they were skipped.
/// Numbers and dates from Excel cells are written the Belgian way ("1234,5", "31-12-2026") so one parser reads both formats.
/// </summary>
public static class TabularFile
{
    public const long MaxBytes = 50 * 1024 * 1024;

    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static TabularFormat? FormatOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".xlsx" => TabularFormat.Xlsx,
        ".csv" or ".txt" => TabularFormat.Csv,
        _ => null,
    };

    /// <summary>Reads the file; a file that is not what its name says fails with <see cref="TabularFileException"/>.</summary>
    public static TabularData Read(Stream stream, TabularFormat format)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            stream = copy;
        }
        var rows = format == TabularFormat.Xlsx ? ReadXlsx(stream) : ReadCsv(stream);
        var headerIndex = rows.FindIndex(r => !r.IsBlank);
        if (headerIndex < 0) throw new TabularFileException("Import.EmptyFile");
        var header = rows[headerIndex];
        return new TabularData(header.Cells, header.RowNumber, rows.Skip(headerIndex + 1).ToList());
    }

    private static List<TabularRow> ReadXlsx(Stream stream)
    {
        if (!LooksLikeZip(stream)) throw new TabularFileException("Import.NotXlsx");
        try
        {
            var config = new OpenXmlConfiguration { FillMergedCells = true };
            var result = new List<TabularRow>();
            var rowNumber = 0;
            foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false, configuration: config))
            {
                rowNumber++;
                result.Add(new TabularRow(rowNumber, row.Values.Select(CellText).ToList()));
            }
            return result;
        }
        catch (Exception ex) when (ex is InvalidDataException or System.Xml.XmlException or InvalidOperationException or KeyNotFoundException or NotSupportedException)
        {
            throw new TabularFileException("Import.NotXlsx", ex);
        }
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) : d.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture),
        double x => x.ToString("0.##########", Localization.Cultures.Dutch).Replace(".", "", StringComparison.Ordinal),
        decimal m => m.ToString("0.##########", Localization.Cultures.Dutch).Replace(".", "", StringComparison.Ordinal),
        bool b => b ? "ja" : "nee",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static List<TabularRow> ReadCsv(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var bytes = buffer.ToArray();
        if (bytes.AsSpan().IndexOf((byte)0) >= 0) throw new TabularFileException("Import.NotCsv");
        var text = Decode(bytes);
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = new[] { ';', '\t', ',' }.OrderByDescending(d => firstLine.Count(c => c == d)).First();
        var rows = new List<TabularRow>();
        var cells = new List<string?>();
        var cell = new StringBuilder();
        var quoted = false;
        var rowNumber = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cell.Append(ch);
            }
            else if (ch == '"' && cell.Length == 0) quoted = true;
            else if (ch == delimiter) { cells.Add(cell.ToString()); cell.Clear(); }
            else if (ch == '\r') { }
            else if (ch == '\n')
            {
                cells.Add(cell.ToString()); cell.Clear();
                rows.Add(new TabularRow(rowNumber++, cells));
                cells = [];
            }
            else cell.Append(ch);
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            rows.Add(new TabularRow(rowNumber, cells));
        }
        return rows;
    }

    /// <summary>UTF-8 (with or without BOM) when the bytes are valid UTF-8; otherwise Windows-1252, as Excel saves "CSV" here.</summary>
    private static string Decode(byte[] bytes)
    {
        var start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(bytes);
        }
    }

    private static bool LooksLikeZip(Stream stream)
    {
        Span<byte> magic = stackalloc byte[4];
        var read = stream.Read(magic);
        stream.Position = 0;
        return read == 4 && magic[0] == (byte)'P' && magic[1] == (byte)'K' && magic[2] == 3 && magic[3] == 4;
    }
}

/// <summary>The file cannot be read as the kind it claims to be; the message key says why.</summary>
public sealed class TabularFileException(string messageKey, Exception? inner = null) : Exception(messageKey, inner)
{
    public string MessageKey { get; } = messageKey;
}
