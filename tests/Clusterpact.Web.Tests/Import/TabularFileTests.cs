namespace Clusterpact.Web.Tests.Import;

public sealed class TabularFileTests
{
    [Fact]
    public void A_messy_workbook_reads_with_file_row_numbers_filled_merged_headers_and_belgian_numbers()
    {
        var xlsx = TestWorkbook.Create(
        [
            [null, null, null, null],
            ["Ledenlijst Catalisti 2026", null, null, null],
            ["Naam", "Ondernemingsnummer", "Omzet", null],
            ["Aerts NV", "0403.170.701", 1234567.5, 12],
            [null, null, null, null],
            ["Maes BV", 403170701, "1.234,56", null],
        ], "C3:D3");
        var data = TabularFile.Read(new MemoryStream(xlsx), TabularFormat.Xlsx);
        // The first non-empty row is taken as the header: here a title line, which the column mapping will reject.
        Assert.Equal(2, data.HeaderRowNumber);
        Assert.Equal("Ledenlijst Catalisti 2026", data.Header[0]);
        var header = data.Rows[0];
        Assert.Equal(3, header.RowNumber);
        Assert.Equal(["Naam", "Ondernemingsnummer", "Omzet", "Omzet"], header.Cells);
        Assert.Equal("1234567,5", data.Rows[1].Cells[2]);
        Assert.Equal("12", data.Rows[1].Cells[3]);
        Assert.True(data.Rows[2].IsBlank);
        Assert.Equal(5, data.Rows[2].RowNumber);
        Assert.Equal("403170701", data.Rows[3].Cells[1]);
        Assert.Equal("1.234,56", data.Rows[3].Cells[2]);
    }

    [Fact]
    public void A_windows_1252_csv_with_semicolons_and_quotes_reads_right()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var text = "Naam;Gemeente;Opmerking\r\n\"Café Brüssel; BV\";Liège;\"zei \"\"ja\"\"\"\r\n;;\r\nDe Smet;Gent;\r\n";
        var data = TabularFile.Read(new MemoryStream(Encoding.GetEncoding(1252).GetBytes(text)), TabularFormat.Csv);
        Assert.Equal(["Naam", "Gemeente", "Opmerking"], data.Header);
        Assert.Equal(["Café Brüssel; BV", "Liège", "zei \"ja\""], data.Rows[0].Cells);
        Assert.Equal(2, data.Rows[0].RowNumber);
        Assert.True(data.Rows[1].IsBlank);
        Assert.Equal(4, data.Rows[2].RowNumber);
    }

    [Fact]
    public void A_utf8_csv_with_commas_and_a_bom_reads_right()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("Name,Country\nŁódź Sp. z o.o.,PL")).ToArray();
        var data = TabularFile.Read(new MemoryStream(bytes), TabularFormat.Csv);
        Assert.Equal(["Name", "Country"], data.Header);
        Assert.Equal(["Łódź Sp. z o.o.", "PL"], data.Rows[0].Cells);
    }

    [Fact]
    public void Quoted_fields_keep_their_line_breaks_semicolons_and_quotes_and_a_row_is_a_record_as_excel_numbers_it()
    {
        var text = "\uFEFFNaam;Adres;Opmerking\r\n" +
                   "\"Aerts; Zonen NV\";\"Kerkstraat 1\r\n9000 Gent\";\"zei \"\"ja\"\"\nen \"\"nee\"\"\"\r\n" +
                   "Maes BV;Markt 2;\r\n" +
                   "\r\n" +
                   "De Smet;\"\";\"\"\"\"\r\n";
        var data = TabularFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), TabularFormat.Csv);

        Assert.Equal(["Naam", "Adres", "Opmerking"], data.Header); // the byte-order mark is not part of the first name
        Assert.Equal(["Aerts; Zonen NV", "Kerkstraat 1\r\n9000 Gent", "zei \"ja\"\nen \"nee\""], data.Rows[0].Cells);
        Assert.Equal([2, 3, 4, 5], data.Rows.Select(r => r.RowNumber));
        Assert.Equal(["Maes BV", "Markt 2", ""], data.Rows[1].Cells);
        Assert.True(data.Rows[2].IsBlank);
        Assert.Equal(["De Smet", "", "\""], data.Rows[3].Cells);
    }

    [Fact]
    public void Empty_lines_at_the_end_are_blank_rows_and_a_last_line_without_a_line_break_still_counts()
    {
        var trailing = TabularFile.Read(new MemoryStream("Naam;Gemeente\nAerts;Gent\n\n\n"u8.ToArray()), TabularFormat.Csv);
        Assert.Equal(["Aerts", "Gent"], trailing.Rows[0].Cells);
        Assert.Equal([2, 3, 4], trailing.Rows.Select(r => r.RowNumber));
        Assert.All(trailing.Rows.Skip(1), row => Assert.True(row.IsBlank));

        var unterminated = TabularFile.Read(new MemoryStream("Naam;Gemeente\r\nAerts;Gent"u8.ToArray()), TabularFormat.Csv);
        Assert.Equal(["Aerts", "Gent"], Assert.Single(unterminated.Rows).Cells);
    }

    [Fact]
    public void A_hash_at_the_start_of_a_line_and_a_stray_quote_inside_a_field_are_data()
    {
        var data = TabularFile.Read(new MemoryStream("Naam;Omschrijving\n#Lab VZW;5\" schijf\n"u8.ToArray()), TabularFormat.Csv);

        Assert.Equal(["#Lab VZW", "5\" schijf"], Assert.Single(data.Rows).Cells);
    }

    [Theory]
    [InlineData("Naam;Gemeente,Land\nAerts, NV;Gent,BE", new[] { "Aerts, NV", "Gent,BE" })]
    [InlineData("Naam,Gemeente\nAerts;NV,Gent", new[] { "Aerts;NV", "Gent" })]
    [InlineData("Naam\tGemeente\tLand\nAerts; NV\tGent\tBE", new[] { "Aerts; NV", "Gent", "BE" })]
    [InlineData("Naam\nAerts, NV", new[] { "Aerts, NV" })]
    public void The_delimiter_is_the_one_the_header_line_has_most_of_and_a_semicolon_when_it_has_none(string text, string[] firstRow)
    {
        var data = TabularFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), TabularFormat.Csv);

        Assert.Equal(firstRow, data.Rows[0].Cells);
    }

    [Fact]
    public void A_large_utf8_file_with_an_accent_split_over_two_reads_is_still_utf8()
    {
        const int firstRead = 64 * 1024;
        var text = new StringBuilder("Naam;Gemeente\n");
        while (text.Length < firstRead - 20) text.Append("Aerts;Gent\n"); // ASCII so far: one byte per character
        var filler = new string('x', firstRead - 1 - text.Length);
        var bytes = Encoding.UTF8.GetBytes(text.Append(filler).Append("é;Liège\n").ToString());
        Assert.Equal(0xC3, bytes[firstRead - 1]); // the two bytes of é straddle the first 64 KB read

        var data = TabularFile.Read(new MemoryStream(bytes), TabularFormat.Csv);

        Assert.Equal([filler + "é", "Liège"], data.Rows[^1].Cells);
        Assert.Equal(data.Rows.Count + 1, data.Rows[^1].RowNumber);
    }

    [Theory]
    [InlineData("ledenlijst.pdf", null)]
    [InlineData("leden.XLSX", TabularFormat.Xlsx)]
    [InlineData("leden.csv", TabularFormat.Csv)]
    [InlineData("leden.xls", null)]
    public void Only_xlsx_and_csv_are_accepted(string name, TabularFormat? expected) => Assert.Equal(expected, TabularFile.FormatOf(name));

    [Fact]
    public void A_file_that_is_not_what_it_claims_is_refused_with_a_reason()
    {
        var notXlsx = Assert.Throws<TabularFileException>(() => TabularFile.Read(new MemoryStream("Naam;X\nA;B"u8.ToArray()), TabularFormat.Xlsx));
        Assert.Equal("Import.NotXlsx", notXlsx.MessageKey);
        var binary = Assert.Throws<TabularFileException>(() => TabularFile.Read(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 0, 0, 1]), TabularFormat.Csv));
        Assert.Equal("Import.NotCsv", binary.MessageKey);
        var empty = Assert.Throws<TabularFileException>(() => TabularFile.Read(new MemoryStream(";;\n;;\n"u8.ToArray()), TabularFormat.Csv));
        Assert.Equal("Import.EmptyFile", empty.MessageKey);
        var brokenZip = Assert.Throws<TabularFileException>(() => TabularFile.Read(new MemoryStream([0x50, 0x4B, 0x03, 0x04, 9, 9, 9, 9, 9]), TabularFormat.Xlsx));
        Assert.Equal("Import.NotXlsx", brokenZip.MessageKey);
    }
}
