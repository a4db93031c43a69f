using System.Text;
using Clusterpact.Web.Infrastructure.Import;

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
