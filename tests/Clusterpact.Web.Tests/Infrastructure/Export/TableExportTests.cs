using Clusterpact.Web.Infrastructure.Export;

namespace Clusterpact.Web.Tests.Infrastructure.Export;

/// <summary>The CSV export byte for byte: what Belgian Excel opens with accents, numbers and dates right.</summary>
public sealed class TableExportTests
{
    private static readonly ExportColumn<object?[]>[] Columns =
        new[] { "Naam", "Bedrag", "Datum", "Tijdstip", "Actief", "Opmerking", "Aandeel" }.Select((h, i) => new ExportColumn<object?[]>(h, r => r[i])).ToArray();

    private static readonly object?[][] Rows =
    [
        ["Café; Brüssel", 1234.5m, new DateOnly(2026, 3, 12), new DateTimeOffset(2026, 3, 12, 8, 30, 0, TimeSpan.Zero), true, "zei \"ja\"\nen ging", 0.125],
        ["=SUM(A1)", -12.5m, null, new DateTimeOffset(2026, 7, 1, 22, 15, 0, TimeSpan.Zero), false, "#hashtag", "@gebruiker"],
        ["+32 9 123 45 67", 0m, new DateOnly(2026, 12, 31), null, null, "", -3.0],
    ];

    [Fact]
    public async Task Csv_is_utf8_with_a_bom_semicolons_crlf_belgian_numbers_brussels_times_and_defused_formulas()
    {
        var output = new MemoryStream();
        await TableExport.WriteCsvAsync(output, Rows, Columns, default);
        var bytes = output.ToArray();

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.Equal(
            "Naam;Bedrag;Datum;Tijdstip;Actief;Opmerking;Aandeel\r\n" +
            "\"Café; Brüssel\";1234,5;12-03-2026;12-03-2026 09:30;1;\"zei \"\"ja\"\"\nen ging\";0,125\r\n" +
            "'=SUM(A1);-12,5;;02-07-2026 00:15;0;#hashtag;'@gebruiker\r\n" +
            "'+32 9 123 45 67;0;31-12-2026;;;;-3\r\n",
            Encoding.UTF8.GetString(bytes[3..]));
    }

    [Fact]
    public async Task What_the_export_writes_the_import_reads_back_cell_for_cell()
    {
        var output = new MemoryStream();
        await TableExport.WriteCsvAsync(output, Rows, Columns, default);
        output.Position = 0;

        var data = TabularFile.Read(output, TabularFormat.Csv);

        Assert.Equal(Columns.Select(c => c.Header), data.Header);
        Assert.Equal(["Café; Brüssel", "1234,5", "12-03-2026", "12-03-2026 09:30", "1", "zei \"ja\"\nen ging", "0,125"], data.Rows[0].Cells);
        Assert.Equal(3, data.Rows.Count);
    }

    [Fact]
    public async Task A_cancelled_export_stops()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TableExport.WriteCsvAsync(new MemoryStream(), Rows, Columns, cancelled.Token));
    }
}
