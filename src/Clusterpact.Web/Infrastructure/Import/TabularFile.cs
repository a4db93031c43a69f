using System.Text;
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
/// Reads member and project lists as cluster managers keep them: .xlsx (first sheet, read from its XML by
/// <see cref="XlsxSheetReader"/>; merged cells are filled) or .csv (semicolon, comma or tab; UTF-8 or the Windows-1252 Belgian Excel writes). The first
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
        using var reader = Open(stream, format, ownsStream: false);
        return new TabularData(reader.Header, reader.HeaderRowNumber, reader.Rows.ToList());
    }

    /// <summary>
    /// Reads the header now and the rows under it one at a time as they are enumerated (once): a commit of a
    /// million-row list holds one row, not the file. The stream must be seekable (a CSV is read twice: once to tell its
    /// encoding and delimiter, once to parse it).
    /// </summary>
    public static TabularReader Open(Stream stream, TabularFormat format, bool ownsStream)
    {
        IEnumerator<TabularRow>? rows = null;
        try
        {
            rows = format == TabularFormat.Xlsx ? ReadXlsx(stream) : ReadCsv(stream);
            while (rows.MoveNext())
                if (!rows.Current.IsBlank)
                    return new TabularReader(rows.Current.Cells, rows.Current.RowNumber, rows, ownsStream ? stream : null);
            throw new TabularFileException("Import.EmptyFile");
        }
        catch
        {
            rows?.Dispose();
            if (ownsStream) stream.Dispose();
            throw;
        }
    }

    private static IEnumerator<TabularRow> ReadXlsx(Stream stream)
    {
        if (!LooksLikeZip(stream)) throw new TabularFileException("Import.NotXlsx");
        return new Guarded(XlsxSheetReader.Rows(stream, CellText).GetEnumerator(), "Import.NotXlsx",
            ex => ex is InvalidDataException or System.Xml.XmlException or InvalidOperationException or KeyNotFoundException or NotSupportedException);
    }

    private static string? CellText(object? value) => value switch
    {
        null => null,
        string s => s,
        DateTime d => d.TimeOfDay == TimeSpan.Zero ? d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) : d.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture),
        // A whole number (most number cells of a list) is its digits: what the format below gives it, without the format parser.
        double x when x != 0 && Math.Abs(x) < 1e15 && x == Math.Floor(x) => ((long)x).ToString(CultureInfo.InvariantCulture),
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
    private static IEnumerator<TabularRow> ReadCsv(Stream stream)
    {
        var start = stream.Position;
        var (encoding, delimiter) = Sniff(stream);
        stream.Position = start;
        var options = new CsvDataReaderOptions
        {
            HasHeaders = false, Delimiter = delimiter, CsvStyle = CsvStyle.Lax, Comment = '\0', OwnsReader = true,
        };
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        try
        {
            return new Guarded(CsvRows(CsvDataReader.Create(text, options)).GetEnumerator(), "Import.NotCsv", ex => ex is CsvFormatException);
        }
        catch (CsvFormatException ex)
        {
            text.Dispose();
            throw new TabularFileException("Import.NotCsv", ex);
        }
    }

    private static IEnumerable<TabularRow> CsvRows(CsvDataReader csv)
    {
        using (csv)
        {
            var rowNumber = 0;
            while (csv.Read())
            {
                var cells = new string?[csv.RowFieldCount];
                for (var i = 0; i < cells.Length; i++) cells[i] = csv.GetString(i);
                yield return new TabularRow(++rowNumber, cells);
            }
        }
    }

    /// <summary>Turns the parser's own exceptions, wherever in the file they happen, into the import's message.</summary>
    private sealed class Guarded(IEnumerator<TabularRow> inner, string messageKey, Func<Exception, bool> isFormatError) : IEnumerator<TabularRow>
    {
        public TabularRow Current => inner.Current;
        object System.Collections.IEnumerator.Current => inner.Current;

        public bool MoveNext()
        {
            try
            {
                return inner.MoveNext();
            }
            catch (Exception ex) when (isFormatError(ex))
            {
                throw new TabularFileException(messageKey, ex);
            }
        }

        public void Reset() => inner.Reset();
        public void Dispose() => inner.Dispose();
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

/// <summary>An open sheet: its header, and its rows under the header as they are read (enumerate <see cref="Rows"/> once).</summary>
public sealed class TabularReader : IDisposable
{
    private readonly IEnumerator<TabularRow> _rows;
    private readonly Stream? _owned;
    private bool _started;

    internal TabularReader(IReadOnlyList<string?> header, int headerRowNumber, IEnumerator<TabularRow> rows, Stream? owned)
    {
        (Header, HeaderRowNumber, _rows, _owned) = (header, headerRowNumber, rows, owned);
    }

    public IReadOnlyList<string?> Header { get; }
    public int HeaderRowNumber { get; }

    /// <summary>The data rows under the header, blank ones included, read from the file as they are enumerated.</summary>
    public IEnumerable<TabularRow> Rows
    {
        get
        {
            if (_started) throw new InvalidOperationException("The rows of a sheet are read once.");
            _started = true;
            return Remaining();
        }
    }

    private IEnumerable<TabularRow> Remaining()
    {
        while (_rows.MoveNext()) yield return _rows.Current;
    }

    /// <summary>How far into the file reading has come, 0 to 1 (for progress; approximate, the parser reads ahead).</summary>
    public double Fraction => _owned is { CanSeek: true, Length: > 0 } s ? Math.Min(1, (double)s.Position / s.Length) : 0;

    public void Dispose()
    {
        _rows.Dispose();
        _owned?.Dispose();
    }
}

/// <summary>The file cannot be read as the kind it claims to be; the message key says why.</summary>
public sealed class TabularFileException(string messageKey, Exception? inner = null) : Exception(messageKey, inner)
{
    public string MessageKey { get; } = messageKey;
}
