using System.Text;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace Clusterpact.Web.Infrastructure.Export;

/// <summary>A column of an export: its header in the user's language and how to read it from a row.</summary>
public sealed record ExportColumn<T>(string Header, Func<T, object?> Value);

/// <summary>One sheet of a workbook: its name and its rows.</summary>
public sealed record ExportSheet(string Name, IEnumerable<Dictionary<string, object?>> Rows)
{
    public static ExportSheet Of<T>(string name, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns) =>
        new(name, rows.Select(r => TableExport.Row(r, columns)));
}

/// <summary>
/// Lists to Excel (.xlsx, streamed by MiniExcel) and CSV (streamed by Sylvan.Data.Csv) as Belgian spreadsheets expect
/// them: semicolon-separated, decimal comma, dates dd-MM-yyyy, UTF-8 with a byte-order mark so Excel reads accents right.
/// </summary>
public static class TableExport
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvContentType = "text/csv; charset=utf-8";

    public static Task WriteXlsxAsync<T>(Stream output, string sheetName, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, CancellationToken ct) =>
        WriteWorkbookAsync(output, [ExportSheet.Of(sheetName, rows, columns)], ct);

    /// <summary>Several lists as the sheets of one workbook, in the order given.</summary>
    public static async Task WriteWorkbookAsync(Stream output, IReadOnlyList<ExportSheet> sheets, CancellationToken ct)
    {
        var book = new Dictionary<string, object>();
        foreach (var sheet in sheets) book[SafeSheetName(sheet.Name)] = sheet.Rows;
        await output.SaveAsAsync(book, cancellationToken: ct);
    }

    /// <summary>A row of a sheet as Excel gets it: typed values under the column headers.</summary>
    internal static Dictionary<string, object?> Row<T>(T row, IReadOnlyList<ExportColumn<T>> columns)
    {
        var dict = new Dictionary<string, object?>(columns.Count);
        foreach (var c in columns) dict[c.Header] = ForExcel(c.Value(row));
        return dict;
    }

    /// <summary>
    /// RFC 4180 quoting (a field with ; " or a line break is quoted, quotes doubled) and line ends whatever the
    /// server's platform. No comment character: a value starting with # is data, written as it is.
    /// </summary>
    private static readonly CsvDataWriterOptions CsvOptions = new()
    {
        Delimiter = ';', NewLine = "\r\n", Comment = '\0', WriteHeaders = false, MaxBufferSize = 16 * 1024 * 1024,
    };

    public static async Task WriteCsvAsync<T>(Stream output, IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, CancellationToken ct)
    {
        // The header goes through the writer as the first row, so it is defused and quoted like every other cell.
        var lines = rows.Select(row => (IReadOnlyList<string>)columns.Select(c => Defused(ForCsv(c.Value(row)))).ToArray())
            .Prepend(columns.Select(c => Defused(c.Header)).ToArray());
        var text = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = CsvDataWriter.Create(text, CsvOptions); // disposes (and so flushes) the StreamWriter
        using var reader = new TextRows(columns.Count, lines);
        await csv.WriteAsync(reader, ct);
    }

    /// <summary>An export as a downloadable file: CSV when asked for, Excel otherwise.</summary>
    public static async Task<Microsoft.AspNetCore.Mvc.FileStreamResult> ToFileAsync<T>(string? format, string sheetName, string fileBaseName,
        IEnumerable<T> rows, IReadOnlyList<ExportColumn<T>> columns, TimeProvider clock, CancellationToken ct)
    {
        var stream = new MemoryStream();
        var csv = string.Equals(format, "csv", StringComparison.OrdinalIgnoreCase);
        if (csv) await WriteCsvAsync(stream, rows, columns, ct);
        else await WriteXlsxAsync(stream, sheetName, rows, columns, ct);
        stream.Position = 0;
        return new Microsoft.AspNetCore.Mvc.FileStreamResult(stream, csv ? CsvContentType : XlsxContentType)
        {
            FileDownloadName = $"{fileBaseName}-{clock.TodayInBrussels():yyyyMMdd}.{(csv ? "csv" : "xlsx")}",
        };
    }

    /// <summary>Dates and numbers stay typed in Excel so people can sort and sum them.</summary>
    private static object? ForExcel(object? value) => value switch
    {
        DateOnly d => d.ToDateTime(TimeOnly.MinValue),
        DateTimeOffset dto => TimeZoneInfo.ConvertTime(dto, Formatting.Format.Brussels).DateTime,
        Enum e => e.ToString(),
        _ => value,
    };

    private static string ForCsv(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture),
        DateTimeOffset dto => TimeZoneInfo.ConvertTime(dto, Formatting.Format.Brussels).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture),
        decimal m => m.ToString("0.##", Localization.Cultures.Dutch),
        double x => x.ToString("0.####", Localization.Cultures.Dutch),
        bool b => b ? "1" : "0",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A leading = + - @ would make a spreadsheet run the cell as a formula (CSV injection); a number stays a number.</summary>
    private static string Defused(string s) =>
        s.Length > 0 && "=+-@".Contains(s[0], StringComparison.Ordinal) && !decimal.TryParse(s, NumberStyles.Number, Localization.Cultures.Dutch, out _) ? "'" + s : s;

    private static string SafeSheetName(string name)
    {
        var cleaned = new string(name.Where(c => !"[]:*?/\\".Contains(c, StringComparison.Ordinal)).ToArray());
        return cleaned.Length > 31 ? cleaned[..31] : cleaned.Length == 0 ? "Sheet1" : cleaned;
    }
}
