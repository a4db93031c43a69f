using System.Globalization;
using MiniExcelLibs;

namespace Clusterpact.Web.Tests.Import;

/// <summary>
/// The .xlsx reader that reads the sheet's XML itself (docs/decisions/0017): shared and inline strings, dates stored as serial
/// numbers in a date style or typed as text, empty and missing cells, and a whole list read the same as its CSV twin.
/// </summary>
public sealed class XlsxSheetReaderTests
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    // Style 0: general; 1: the built-in date format 14; 2: a custom dd/mm/yyyy; 3: a custom number with a quoted "d" (not a date).
    private const string Styles = $"""<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{Main}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="0.00&quot; d&quot;"/></numFmts><cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="165" applyNumberFormat="1"/></cellXfs></styleSheet>""";

    [Fact]
    public void Shared_and_inline_strings_dates_booleans_and_empty_cells_read_as_the_csv_would_have_them()
    {
        var shared = $"""<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{Main}" count="4" uniqueCount="4"><si><t>Naam</t></si><si><t>Lid sinds</t></si><si><r><t>Aerts </t></r><r><rPr><b/></rPr><t>NV</t></r><rPh sb="0" eb="1"><t>X</t></rPh></si><si><t>line_x000D_break</t></si></sst>""";
        var sheet = $"""
            <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><dimension ref="A1:F3"/><sheetData>
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>Omzet</t></is></c><c r="D1" t="inlineStr"><is><t>Actief</t></is></c><c r="E1" t="inlineStr"><is><t>Tot</t></is></c><c r="F1" t="inlineStr"><is><t>Duur</t></is></c></row>
            <row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" s="1"><v>45658</v></c><c r="C2"><v>1234567.5</v></c><c r="D2" t="b"><v>1</v></c><c r="E2" s="2"><v>46022</v></c><c r="F2" s="3"><v>12</v></c></row>
            <row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="inlineStr"><is><t>31-12-2026</t></is></c><c r="D4" t="b"><v>0</v></c><c r="F4" t="str"><f>1+1</f><v>2</v></c></row>
            </sheetData></worksheet>
            """;
        var data = TabularFile.Read(new MemoryStream(TestWorkbook.Package(sheet, shared, Styles)), TabularFormat.Xlsx);

        Assert.Equal(["Naam", "Lid sinds", "Omzet", "Actief", "Tot", "Duur"], data.Header);
        Assert.Equal(1, data.HeaderRowNumber);
        Assert.Equal(["Aerts NV", "01-01-2025", "1234567,5", "ja", "31-12-2025", "12"], data.Rows[0].Cells);
        // Row 3 is not in the file: a blank row with its number, as Excel shows it.
        Assert.Equal(3, data.Rows[1].RowNumber);
        Assert.True(data.Rows[1].IsBlank);
        Assert.Equal(6, data.Rows[1].Cells.Count);
        Assert.Equal(4, data.Rows[2].RowNumber);
        Assert.Equal(["line\rbreak", "31-12-2026", null, "nee", null, "2"], data.Rows[2].Cells);
    }

    [Fact]
    public void Cells_without_references_follow_each_other_and_a_merged_range_carries_its_first_value_down_and_across()
    {
        var sheet = $"""<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{Main}"><sheetData><row><c t="inlineStr"><is><t>Naam</t></is></c><c t="inlineStr"><is><t>Rol</t></is></c><c/></row><row><c t="inlineStr"><is><t>A</t></is></c><c t="inlineStr"><is><t>Lid</t></is></c></row><row><c t="inlineStr"><is><t>B</t></is></c></row></sheetData><mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells></worksheet>""";
        var data = TabularFile.Read(new MemoryStream(TestWorkbook.Package(sheet)), TabularFormat.Xlsx);
        Assert.Equal(["Naam", "Rol", null], data.Header);
        Assert.Equal(["A", "Lid", "Lid"], data.Rows[0].Cells);
        Assert.Equal(["B", "Lid", "Lid"], data.Rows[1].Cells);
    }

    [Fact]
    public void A_thousand_row_list_reads_the_same_as_its_csv_twin()
    {
        var rng = new Random(18);
        var dutch = new CultureInfo("nl-BE");
        var rows = Enumerable.Range(0, 1000).Select(i => new
        {
            Naam = i % 7 == 0 ? $"Bedrijf; \"{i}\" & Zonen" : $"Bedrijf {i} BV",
            Ondernemingsnummer = $"0{2_000_000 + i:D7}{97 - (2_000_000 + i) % 97:D2}",
            LidSinds = new DateTime(2017, 1, 1).AddDays(rng.Next(0, 3000)),
            Lidgeld = 500m * rng.Next(1, 5) + (i % 3 == 0 ? 0.25m : 0m),
            VTE = rng.Next(1, 400),
            Opmerking = i % 10 == 0 ? null : "ok",
        }).ToList();
        using var xlsx = new MemoryStream();
        xlsx.SaveAs(rows.Select(r => new Dictionary<string, object?>
        {
            ["Naam"] = r.Naam, ["Ondernemingsnummer"] = r.Ondernemingsnummer, ["Lid sinds"] = r.LidSinds, ["Lidgeld"] = r.Lidgeld, ["VTE"] = r.VTE, ["Opmerking"] = r.Opmerking,
        }));
        var csv = new StringBuilder("Naam;Ondernemingsnummer;Lid sinds;Lidgeld;VTE;Opmerking\n");
        foreach (var r in rows)
            csv.Append(CultureInfo.InvariantCulture, $"\"{r.Naam.Replace("\"", "\"\"", StringComparison.Ordinal)}\";{r.Ondernemingsnummer};{r.LidSinds:dd-MM-yyyy};{r.Lidgeld.ToString("0.##", dutch)};{r.VTE};{r.Opmerking}\n");

        xlsx.Position = 0;
        var fromXlsx = TabularFile.Read(xlsx, TabularFormat.Xlsx);
        var fromCsv = TabularFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(csv.ToString())), TabularFormat.Csv);

        Assert.Equal(fromCsv.Header, fromXlsx.Header);
        Assert.Equal(1000, fromXlsx.Rows.Count);
        for (var i = 0; i < fromCsv.Rows.Count; i++)
        {
            Assert.Equal(fromCsv.Rows[i].RowNumber, fromXlsx.Rows[i].RowNumber);
            // CSV has "" where the sheet has no value.
            Assert.Equal(fromCsv.Rows[i].Cells.Select(c => c is "" ? null : c), fromXlsx.Rows[i].Cells.Select(c => c is "" ? null : c));
        }
    }
}
