using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Clusterpact.Web.Infrastructure.Pdf;

/// <summary>
/// A small flow-layout PDF builder for letters and reports, drawn with PDFsharp: blocks are added top to bottom on A4
/// pages and flow onto a new page when one is full; every page gets the document title and "page n of m" in its footer.
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
    private static readonly XColor Ink = XColor.FromArgb(0x1A, 0x1A, 0x1A), Accent = XColor.FromArgb(0x1F, 0x4E, 0x79),
        Muted = XColor.FromArgb(0x59, 0x59, 0x59), HeaderFill = XColor.FromArgb(0xE6, 0xE6, 0xE6), Rule = XColor.FromArgb(0xA6, 0xA6, 0xA6);

    // XFont and brushes are not documented as safe to share between threads, so each report makes its own.
    private readonly TextStyle _titleStyle = Style(bold: true, 18, Accent), _headingStyle = Style(bold: true, 13, Accent),
        _subheadingStyle = Style(bold: true, 11, Ink), _bodyStyle = Style(bold: false, 10, Ink),
        _bodyBoldStyle = Style(bold: true, 10, Ink), _cellStyle = Style(bold: false, 9, Ink),
        _cellBoldStyle = Style(bold: true, 9, Ink), _footerStyle = Style(bold: false, 8, Muted);

    private readonly PdfDocument _document = new();
    private readonly XGraphics _measure = XGraphics.CreateMeasureContext(new XSize(PageWidth, PageHeight), XGraphicsUnit.Point, XPageDirection.Downwards);
    private readonly string _title, _footerFormat;
    private readonly CultureInfo _culture;
    private XGraphics _page;
    private double _y = Margin;
    private byte[]? _bytes;

    static PdfReport() => EmbeddedFonts.Register();

    /// <param name="title">The document title, shown in the viewer's title bar and in every footer.</param>
    /// <param name="language">BCP 47 tag of the text (PDF /Lang); also formats the chart values.</param>
    /// <param name="footerFormat">The page number text: {0} is the page, {1} the number of pages.</param>
    public PdfReport(string title, string language = "nl-BE", string footerFormat = "Pagina {0} van {1}")
    {
        (_title, _footerFormat) = (title, footerFormat);
        _culture = CultureInfo.GetCultureInfo(language);
        _document.Info.Title = title;
        _document.Info.Creator = "Clusterpact";
        _document.Language = language;
        _page = NewPage();
    }

    public PdfReport Title(string text) => Lines(text, _titleStyle, spaceBefore: 0, spaceAfter: 10, keepWithNext: true);

    public PdfReport Heading(string text) => Lines(text, _headingStyle, spaceBefore: 10, spaceAfter: 4, keepWithNext: true);

    /// <summary>Wrapped text; a "\n" starts a new line and an empty line leaves a blank one.</summary>
    public PdfReport Paragraph(string text) => Lines(text, _bodyStyle, spaceBefore: 0, spaceAfter: 6);

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
            Row([key, value], widths, rightAligned: null, column => column == 0 ? _bodyBoldStyle : _bodyStyle, fill: null, ruled: false, onNewPage: null);
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
        void Header() => Row(headers, widths, rightAligned, _ => _cellBoldStyle, HeaderFill, ruled: true, onNewPage: null);
        EnsureSpace(4 * _cellStyle.LineHeight); // the header never stands alone at the bottom of a page
        Header();
        foreach (var row in rows)
        {
            if (row.Count != headers.Count) throw new ArgumentException($"A row has {row.Count} cells for {headers.Count} headers.");
            Row(row, widths, rightAligned, _ => _cellStyle, fill: null, ruled: true, onNewPage: Header);
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
        Lines(title, _subheadingStyle, spaceBefore: 4, spaceAfter: 2, keepWithNext: true);
        double labelWidth = ContentWidth * 0.3, barLeft = Left + labelWidth + CellPadding, barSpace = ContentWidth * 0.55;
        var max = bars.Count == 0 ? 0 : bars.Max(b => b.Value);
        foreach (var (label, value) in bars)
        {
            var labelLines = Wrap(label, _cellStyle, labelWidth);
            var height = Math.Max(BarHeight, labelLines.Count * _cellStyle.LineHeight) + 4;
            if (EnsureSpace(height)) Lines(title, _subheadingStyle, spaceBefore: 0, spaceAfter: 2);
            DrawLines(labelLines, _cellStyle, Left, _y + 2);
            var length = max > 0 ? Math.Max(0, value) / max * barSpace : 0;
            _page.DrawRectangle(new XSolidBrush(Accent), barLeft, _y + 2, length, BarHeight);
            DrawLines([value.ToString(valueFormat, _culture)], _cellStyle, barLeft + length + CellPadding, _y + 2);
            _y += height;
        }

        return Spacer(8);
    }

    /// <summary>The finished PDF. Blocks cannot be added after this.</summary>
    public byte[] ToBytes()
    {
        if (_bytes is not null) return _bytes;
        _page.Dispose();
        var pages = _document.PageCount;
        for (var page = 0; page < pages; page++)
        {
            // The page count is known only now, so each page is reopened to draw its footer on top of its content.
            using var footer = XGraphics.FromPdfPage(_document.Pages[page], XGraphicsPdfPageOptions.Append);
            var footerTop = Bottom + 16;
            var number = string.Format(_culture, _footerFormat, page + 1, pages);
            footer.DrawLine(new XPen(Rule, 0.5), Left, footerTop - 4, Right, footerTop - 4);
            Draw(footer, Fit(_title, _footerStyle, ContentWidth * 0.7), _footerStyle, Left, footerTop);
            Draw(footer, number, _footerStyle, Right - Width(number, _footerStyle), footerTop);
        }

        using var output = new MemoryStream();
        _document.Save(output, closeStream: false);
        _document.Dispose();
        _measure.Dispose();
        return _bytes = output.ToArray();
    }

    private XGraphics NewPage()
    {
        var page = _document.AddPage();
        page.Size = PageSize.A4;
        return XGraphics.FromPdfPage(page);
    }

    private PdfReport Lines(string text, TextStyle style, double spaceBefore, double spaceAfter, bool keepWithNext = false)
    {
        // A title or heading keeps at least two lines of what follows on its page.
        EnsureSpace(spaceBefore + style.LineHeight + (keepWithNext ? 2 * _bodyStyle.LineHeight : 0));
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
        Func<int, TextStyle> styleOf, XColor? fill, bool ruled, Action? onNewPage)
    {
        var wrapped = cells.Select((cell, i) => Wrap(cell, styleOf(i), widths[i] - (2 * CellPadding))).ToList();
        var height = wrapped.Select((lines, i) => lines.Count * styleOf(i).LineHeight).Max() + (2 * CellPadding);
        if (EnsureSpace(height)) onNewPage?.Invoke();
        if (fill is { } color) _page.DrawRectangle(new XSolidBrush(color), Left, _y, ContentWidth, height);
        var x = Left;
        for (var i = 0; i < cells.Count; i++)
        {
            DrawLines(wrapped[i], styleOf(i), x + CellPadding, _y + CellPadding, rightAligned?[i] == true ? widths[i] - (2 * CellPadding) : null);
            x += widths[i];
        }

        if (ruled) _page.DrawLine(new XPen(Rule, 0.5), Left, _y + height, Right, _y + height);
        _y += height;
    }

    /// <summary>Draws lines from <paramref name="top"/> down; with <paramref name="alignRightWithin"/>, flush right in that width.</summary>
    private void DrawLines(IEnumerable<string> lines, TextStyle style, double x, double top, double? alignRightWithin = null)
    {
        foreach (var line in lines)
        {
            var lineX = alignRightWithin is { } width ? x + width - Width(line, style) : x;
            Draw(_page, line, style, lineX, top);
            top += style.LineHeight;
        }
    }

    /// <summary>Starts a new page when <paramref name="height"/> does not fit; true when it did.</summary>
    private bool EnsureSpace(double height)
    {
        if (_bytes is not null) throw new InvalidOperationException("The PDF has been produced; start a new PdfReport.");
        if (_y + height <= Bottom || _y <= Margin) return false;
        _page.Dispose();
        _page = NewPage();
        _y = Margin;
        return true;
    }

    /// <summary>Greedy word wrap; a word wider than the line is broken where it reaches the edge.</summary>
    private List<string> Wrap(string text, TextStyle style, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : $"{line} {word}";
                if (Width(candidate, style) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0) lines.Add(line);
                line = word;
                while (Width(line, style) > width && line.Length > 1)
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
    private string Fit(string text, TextStyle style, double width)
    {
        var length = text.Length;
        while (length > 1 && Width(text[..length], style) > width) length--;
        return text[..length];
    }

    private double Width(string text, TextStyle style) => _measure.MeasureString(Drawable(text), style.Font).Width;

    /// <summary>One line of text whose top is at <paramref name="top"/> (PDFsharp places text on its baseline).</summary>
    private static void Draw(XGraphics graphics, string text, TextStyle style, double x, double top) =>
        graphics.DrawString(Drawable(text), style.Font, style.Brush, x, top + style.Ascent);

    /// <summary>
    /// Liberation Sans has no glyph for the non-breaking hyphen or the narrow no-break space (French thousands), so
    /// those are drawn with the nearest character it has, of the same width role, instead of an empty box.
    /// </summary>
    private static string Drawable(string text) =>
        text.AsSpan().IndexOfAny('\u2011', '\u202F') < 0 ? text : text.Replace('\u2011', '\u2010').Replace('\u202F', '\u00A0');

    /// <summary>Unicode encoding so every character (€, é, the non-breaking hyphen) is embedded and extracts as written.</summary>
    private static TextStyle Style(bool bold, double size, XColor color) =>
        new(new XFont(EmbeddedFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode)), new XSolidBrush(color));

    private sealed record TextStyle(XFont Font, XBrush Brush)
    {
        public double LineHeight => Font.Size * 1.35;
        public double Ascent => Font.Metrics.Ascent * Font.Size / Font.Metrics.UnitsPerEm;
    }
}
