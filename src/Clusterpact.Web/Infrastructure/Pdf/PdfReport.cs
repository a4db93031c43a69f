using System.Globalization;

namespace Clusterpact.Web.Infrastructure.Pdf;

/// <summary>
/// A small flow-layout PDF builder for letters and reports: blocks are added top to bottom on A4 pages and flow
/// onto a new page when one is full; every page gets the document title and "page n of m" in its footer.
/// <code>
/// var pdf = new PdfReport("Beslissing", "nl-BE", "Pagina {0} van {1}")
///     .Title("Beslissing").Paragraph("Geachte ...").Table(headers, rows).ToBytes();
/// </code>
/// </summary>
public sealed class PdfReport
{
    private const double PageWidth = 595.28, PageHeight = 841.89; // A4 in points
    private const double Margin = 56.69, Left = Margin, Right = PageWidth - Margin, Bottom = PageHeight - Margin; // 2 cm
    private const double ContentWidth = Right - Left, CellPadding = 4, BarHeight = 12;

    // Dark text on white or light grey: #1A1A1A on #E6E6E6 is 14:1, the accent #1F4E79 on white 8.6:1 and the
    // footer grey #595959 on white 7:1, all above WCAG 2.2 AA (4.5:1 for text, 3:1 for the bars as graphics).
    private static readonly PdfColor Ink = new(0x1A, 0x1A, 0x1A), Accent = new(0x1F, 0x4E, 0x79),
        Muted = new(0x59, 0x59, 0x59), HeaderFill = new(0xE6, 0xE6, 0xE6), Rule = new(0xA6, 0xA6, 0xA6);

    private static readonly TextStyle TitleStyle = new(EmbeddedFonts.Bold, 18, Accent), HeadingStyle = new(EmbeddedFonts.Bold, 13, Accent),
        SubheadingStyle = new(EmbeddedFonts.Bold, 11, Ink), BodyStyle = new(EmbeddedFonts.Regular, 10, Ink),
        BodyBoldStyle = new(EmbeddedFonts.Bold, 10, Ink), CellStyle = new(EmbeddedFonts.Regular, 9, Ink),
        CellBoldStyle = new(EmbeddedFonts.Bold, 9, Ink), FooterStyle = new(EmbeddedFonts.Regular, 8, Muted);

    private readonly PdfFileWriter _writer = new(PageWidth, PageHeight);
    private readonly string _title, _language, _footerFormat;
    private readonly CultureInfo _culture;
    private double _y = Margin;
    private byte[]? _bytes;

    /// <param name="title">The document title, shown in the viewer's title bar and in every footer.</param>
    /// <param name="language">BCP 47 tag of the text (PDF /Lang); also formats the chart values.</param>
    /// <param name="footerFormat">The page number text: {0} is the page, {1} the number of pages.</param>
    public PdfReport(string title, string language = "nl-BE", string footerFormat = "Pagina {0} van {1}")
    {
        (_title, _language, _footerFormat) = (title, language, footerFormat);
        _culture = CultureInfo.GetCultureInfo(language);
        _writer.AddPage();
    }

    private int Page => _writer.PageCount - 1;

    public PdfReport Title(string text) => Lines(text, TitleStyle, spaceBefore: 0, spaceAfter: 10, keepWithNext: true);

    public PdfReport Heading(string text) => Lines(text, HeadingStyle, spaceBefore: 10, spaceAfter: 4, keepWithNext: true);

    /// <summary>Wrapped text; a "\n" starts a new line and an empty line leaves a blank one.</summary>
    public PdfReport Paragraph(string text) => Lines(text, BodyStyle, spaceBefore: 0, spaceAfter: 6);

    public PdfReport Spacer(double points = 12)
    {
        _y = Math.Min(_y + points, Bottom);
        return this;
    }

    /// <summary>Labels in bold on the left, their values on the right, for the facts at the top of a letter.</summary>
    public PdfReport KeyValues(IEnumerable<(string Key, string Value)> pairs)
    {
        double[] widths = [ContentWidth * 0.35, ContentWidth * 0.65];
        foreach (var (key, value) in pairs)
        {
            Row([key, value], widths, rightAligned: null, column => column == 0 ? BodyBoldStyle : BodyStyle, fill: null, ruled: false, onNewPage: null);
        }

        return Spacer(6);
    }

    /// <summary>
    /// A table across the page width. Cell text wraps; the bold header on grey is repeated on every page the
    /// table continues on.
    /// </summary>
    public PdfReport Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows,
        IReadOnlyList<double>? relativeWidths = null, IReadOnlyList<bool>? rightAligned = null)
    {
        var relative = relativeWidths ?? Enumerable.Repeat(1.0, headers.Count).ToList();
        if (relative.Count != headers.Count || (rightAligned is not null && rightAligned.Count != headers.Count))
        {
            throw new ArgumentException("relativeWidths and rightAligned need one entry per header.");
        }

        var widths = relative.Select(w => ContentWidth * w / relative.Sum()).ToArray();
        void Header() => Row(headers, widths, rightAligned, _ => CellBoldStyle, HeaderFill, ruled: true, onNewPage: null);
        EnsureSpace(4 * CellStyle.LineHeight); // the header never stands alone at the bottom of a page
        Header();
        foreach (var row in rows)
        {
            if (row.Count != headers.Count) throw new ArgumentException($"A row has {row.Count} cells for {headers.Count} headers.");
            Row(row, widths, rightAligned, _ => CellStyle, fill: null, ruled: true, onNewPage: Header);
        }

        return Spacer(8);
    }

    /// <summary>
    /// Horizontal bars scaled to the largest value, each with its label and formatted value (for example a KPI per
    /// year). <paramref name="valueFormat"/> is a .NET format string such as "N0" or "0.0'%'"; negative values get
    /// no bar.
    /// </summary>
    public PdfReport BarChart(string title, IReadOnlyList<(string Label, double Value)> bars, string valueFormat)
    {
        Lines(title, SubheadingStyle, spaceBefore: 4, spaceAfter: 2, keepWithNext: true);
        double labelWidth = ContentWidth * 0.3, barLeft = Left + labelWidth + CellPadding, barSpace = ContentWidth * 0.55;
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        foreach (var (label, value) in bars)
        {
            var labelLines = Wrap(label, CellStyle, labelWidth);
            var height = Math.Max(BarHeight, labelLines.Count * CellStyle.LineHeight) + 4;
            if (EnsureSpace(height)) Lines(title, SubheadingStyle, spaceBefore: 0, spaceAfter: 2);
            DrawLines(labelLines, CellStyle, Left, _y + 2);
            var length = max > 0 ? Math.Max(0, value) / max * barSpace : 0;
            _writer.FillRectangle(Page, barLeft, _y + 2, length, BarHeight, Accent);
            DrawLines([value.ToString(valueFormat, _culture)], CellStyle, barLeft + length + CellPadding, _y + 2);
            _y += height;
        }

        return Spacer(8);
    }

    /// <summary>The finished PDF. Blocks cannot be added after this.</summary>
    public byte[] ToBytes()
    {
        if (_bytes is not null) return _bytes;
        var pages = _writer.PageCount;
        for (var page = 0; page < pages; page++)
        {
            var footerTop = Bottom + 16;
            var number = string.Format(_culture, _footerFormat, page + 1, pages);
            _writer.Line(page, Left, footerTop - 4, Right, footerTop - 4, 0.5, Rule);
            _writer.Text(page, Left, footerTop + FooterStyle.Ascent, Fit(_title, FooterStyle, ContentWidth * 0.7), FooterStyle.Font, FooterStyle.Size, FooterStyle.Color);
            _writer.Text(page, Right - FooterStyle.Width(number), footerTop + FooterStyle.Ascent, number, FooterStyle.Font, FooterStyle.Size, FooterStyle.Color);
        }

        return _bytes = _writer.ToBytes(_title, "Clusterpact", _language);
    }

    private PdfReport Lines(string text, TextStyle style, double spaceBefore, double spaceAfter, bool keepWithNext = false)
    {
        // A title or heading keeps at least two lines of what follows on its page.
        EnsureSpace(spaceBefore + style.LineHeight + (keepWithNext ? 2 * BodyStyle.LineHeight : 0));
        if (_y > Margin) _y += spaceBefore;
        foreach (var line in Wrap(text, style, ContentWidth))
        {
            EnsureSpace(style.LineHeight);
            DrawLines([line], style, Left, _y);
            _y += style.LineHeight;
        }

        _y += spaceAfter;
        return this;
    }

    /// <summary>Draws one row of wrapped cells, calling <paramref name="onNewPage"/> first if it starts a new page.</summary>
    private void Row(IReadOnlyList<string> cells, double[] widths, IReadOnlyList<bool>? rightAligned,
        Func<int, TextStyle> styleOf, PdfColor? fill, bool ruled, Action? onNewPage)
    {
        var wrapped = cells.Select((cell, i) => Wrap(cell, styleOf(i), widths[i] - (2 * CellPadding))).ToList();
        var height = wrapped.Select((lines, i) => lines.Count * styleOf(i).LineHeight).Max() + (2 * CellPadding);
        if (EnsureSpace(height)) onNewPage?.Invoke();
        if (fill is { } color) _writer.FillRectangle(Page, Left, _y, ContentWidth, height, color);
        var x = Left;
        for (var i = 0; i < cells.Count; i++)
        {
            DrawLines(wrapped[i], styleOf(i), x + CellPadding, _y + CellPadding, rightAligned?[i] == true ? widths[i] - (2 * CellPadding) : null);
            x += widths[i];
        }

        if (ruled) _writer.Line(Page, Left, _y + height, Right, _y + height, 0.5, Rule);
        _y += height;
    }

    /// <summary>Draws lines from <paramref name="top"/> down; with <paramref name="alignRightWithin"/>, flush right in that width.</summary>
    private void DrawLines(IEnumerable<string> lines, TextStyle style, double x, double top, double? alignRightWithin = null)
    {
        foreach (var line in lines)
        {
            var lineX = alignRightWithin is { } width ? x + width - style.Width(line) : x;
            _writer.Text(Page, lineX, top + style.Ascent, line, style.Font, style.Size, style.Color);
            top += style.LineHeight;
        }
    }

    /// <summary>Starts a new page when <paramref name="height"/> does not fit; true when it did.</summary>
    private bool EnsureSpace(double height)
    {
        if (_bytes is not null) throw new InvalidOperationException("The PDF has been produced; start a new PdfReport.");
        if (_y + height <= Bottom || _y <= Margin) return false;
        _writer.AddPage();
        _y = Margin;
        return true;
    }

    /// <summary>Greedy word wrap; a word wider than the line is broken where it reaches the edge.</summary>
    private static List<string> Wrap(string text, TextStyle style, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (style.Width(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0) lines.Add(line);
                line = word;
                while (style.Width(line) > width && line.Length > 1)
                {
                    var fit = Fit(line, style, width).Length;
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    /// <summary>The longest start of <paramref name="text"/> that fits <paramref name="width"/> (at least one character).</summary>
    private static string Fit(string text, TextStyle style, double width)
    {
        var length = text.Length;
        while (length > 1 && style.Width(text[..length]) > width) length--;
        return text[..length];
    }

    private sealed record TextStyle(TrueTypeFont Font, double Size, PdfColor Color)
    {
        public double LineHeight => Size * 1.35;
        public double Ascent => Font.Ascent * Size / Font.UnitsPerEm;
        public double Width(string text) => Font.Width(text, Size);
    }
}
