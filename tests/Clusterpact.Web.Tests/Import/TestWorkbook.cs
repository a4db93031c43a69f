using System.IO.Compression;
using System.Security;

namespace Clusterpact.Web.Tests.Import;

/// <summary>
/// Writes a small .xlsx by hand (inline strings, numbers, merged cells), so tests can give the importer the
/// messy sheets people really keep, which a tidy writer library would not produce.
/// </summary>
public static class TestWorkbook
{
    /// <param name="rows">Cells by row; a string is text, a double or int is a number, null is empty.</param>
    /// <param name="merges">Ranges such as "A1:B1".</param>
    public static byte[] Create(IReadOnlyList<object?[]> rows, params string[] merges)
    {
        var width = rows.Max(r => r.Length);
        var sheet = new StringBuilder("""<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">""");
        sheet.Append($"<dimension ref=\"A1:{Column(width - 1)}{rows.Count}\"/><sheetData>");
        for (var r = 0; r < rows.Count; r++)
        {
            sheet.Append($"<row r=\"{r + 1}\">");
            for (var c = 0; c < rows[r].Length; c++)
            {
                var cellRef = $"{Column(c)}{r + 1}";
                switch (rows[r][c])
                {
                    case null: sheet.Append($"<c r=\"{cellRef}\"/>"); break; // as Excel writes the covered cells of a merge
                    case string s: sheet.Append($"<c r=\"{cellRef}\" t=\"inlineStr\"><is><t>{SecurityElement.Escape(s)}</t></is></c>"); break;
                    case IFormattable n: sheet.Append($"<c r=\"{cellRef}\"><v>{n.ToString(null, System.Globalization.CultureInfo.InvariantCulture)}</v></c>"); break;
                }
            }
            sheet.Append("</row>");
        }
        sheet.Append("</sheetData>");
        if (merges.Length > 0) sheet.Append($"<mergeCells count=\"{merges.Length}\">").Append(string.Concat(merges.Select(m => $"<mergeCell ref=\"{m}\"/>"))).Append("</mergeCells>");
        sheet.Append("</worksheet>");
        return Package(sheet.ToString());
    }

    /// <summary>A workbook of one sheet given as its XML, with shared strings and styles when given (as Excel itself writes them).</summary>
    public static byte[] Package(string sheetXml, string? sharedStringsXml = null, string? stylesXml = null)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add(zip, "xl/workbook.xml", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Leden" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add(zip, "xl/_rels/workbook.xml.rels", """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add(zip, "xl/worksheets/sheet1.xml", sheetXml);
            if (sharedStringsXml is not null) Add(zip, "xl/sharedStrings.xml", sharedStringsXml);
            if (stylesXml is not null) Add(zip, "xl/styles.xml", stylesXml);
        }
        return ms.ToArray();
    }

    private static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column(index / 26 - 1) + (char)('A' + index % 26);

    private static void Add(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }
}
