using System.Text;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Sylvan.Data.Csv;

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

    /// <summary>
    /// Lenient where Excel is (a stray quote inside a field is kept as text), and no comment character: a line that
    /// starts with # is a row like any other. A quote left open runs to the end of the file, as Excel reads it.
    /// </summary>
    private static List<TabularRow> ReadCsv(Stream stream)
    {
        var start = stream.Position;
        var (encoding, delimiter) = Sniff(stream);
        stream.Position = start;
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false, Delimiter = delimiter, CsvStyle = CsvStyle.Lax, Comment = '\0', OwnsReader = false,
        };
        using var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
        try
        {
            using var csv = CsvDataReader.Create(text, options);
            var rows = new List<TabularRow>();
            while (csv.Read())
            {
                var cells = new string?[csv.RowFieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
                rows.Add(new TabularRow(rows.Count + 1, cells));
            }
            return rows;
        }
        catch (CsvFormatException ex)
        {
            throw new TabularFileException("Import.NotCsv", ex);
        }
    }

    /// <summary>
    /// One pass over the bytes before parsing: a NUL byte means it is not text; the text is UTF-8 (with or without BOM)
    /// when every byte is valid UTF-8, otherwise Windows-1252, as Excel saves "CSV" here; the delimiter is the one of
    /// ; tab , that the first line has most of (; when none).
    /// </summary>
    private static (Encoding Encoding, char Delimiter) Sniff(Stream stream)
    {
        var utf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var decoder = utf8.GetDecoder();
        var isUtf8 = true;
        var firstLine = true;
        int semicolons = 0, tabs = 0, commas = 0;
        var buffer = new byte[64 * 1024];
        var chars = new char[utf8.GetMaxCharCount(buffer.Length)];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            var bytes = buffer.AsSpan(0, read);
            if (bytes.IndexOf((byte)0) >= 0) throw new TabularFileException("Import.NotCsv");
            if (firstLine)
            {
                var end = bytes.IndexOf((byte)'\n');
                var line = end < 0 ? bytes : bytes[..end];
                (semicolons, tabs, commas) = (semicolons + line.Count((byte)';'), tabs + line.Count((byte)'\t'), commas + line.Count((byte)','));
                firstLine = end < 0;
            }
            isUtf8 = isUtf8 && IsValid(decoder, bytes, chars, flush: false);
        }
        isUtf8 = isUtf8 && IsValid(decoder, [], chars, flush: true);
        var delimiter = semicolons >= tabs && semicolons >= commas ? ';' : tabs >= commas ? '\t' : ',';
        return (isUtf8 ? utf8 : Encoding.GetEncoding(1252), delimiter);
    }

    /// <summary>Decodes (GetCharCount would not carry a character split between two reads over to the next).</summary>
    private static bool IsValid(Decoder decoder, ReadOnlySpan<byte> bytes, Span<char> chars, bool flush)
    {
        try
        {
            decoder.GetChars(bytes, chars, flush);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
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
