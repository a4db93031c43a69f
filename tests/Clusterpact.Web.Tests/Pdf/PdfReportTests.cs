using System.Diagnostics;
using Clusterpact.Web.Infrastructure.Pdf;

namespace Clusterpact.Web.Tests.Pdf;

/// <summary>
/// Proves the PDFs with Poppler, the renderer and text extractor most Linux viewers use (pdftoppm, pdftotext and
/// pdfinfo and pdffonts from Debian's poppler-utils, which test.sh installs): the file opens, renders, embeds its
/// fonts, and its text comes back as written.
/// </summary>
public sealed class PdfReportTests : IDisposable
{
    private const string NonBreakingHyphen = "\u2011", Hyphen = "\u2010";
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-BE");
    private readonly string _folder = Directory.CreateTempSubdirectory("clusterpact-pdf-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static PdfReport DecisionLetter(int rows, string language = "nl-BE", string footer = "Pagina {0} van {1}") =>
        new PdfReport("Beslissing steunovereenkomst", language, footer)
            .Title("Beslissing over de verlenging")
            .KeyValues([("Cluster", "Flux50"), ("Beslissing", "Goedgekeurd: één verlenging van 3 jaar"), ("Datum", "12 maart 2026")])
            .Heading($"Evaluatie {NonBreakingHyphen} tussentijds")
            .Paragraph("Geachte, de tussentijdse evaluatie is positief (ïdeeën, coördinatie, financiële rapportering).\n\n" +
                       "Een woord dat langer is dan een regel breekt: " + new string('x', 200))
            .Table(["Werkingsjaar", "Omschrijving", "Bedrag"],
                Enumerable.Range(1, rows).Select(i => (IReadOnlyList<string>)
                    [$"{2025 + (i % 3)}", $"Rij {i}: werkingsmiddelen voor het clusterbeleid, opvolging en rapportering", i == 1 ? "€ 1.234,56" : string.Create(Dutch, $"€ {i * 1000.5:N2}")]),
                relativeWidths: [1, 4, 1.5], rightAligned: [false, false, true])
            .Spacer()
            .BarChart("Aantal leden per jaar", [("2023", 120), ("2024", 184.5), ("2025", 0)], "N1");

    [Fact]
    public void A_long_decision_letter_flows_over_pages_that_render_and_keep_their_text()
    {
        var pdf = Save(DecisionLetter(rows: 120).ToBytes());

        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 5), StringComparison.Ordinal);
        var info = Poppler("pdfinfo", pdf);
        var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:", StringComparison.Ordinal))[6..].Trim(), CultureInfo.InvariantCulture);
        Assert.True(pages >= 3, $"120 rows should take at least 3 pages, got {pages}");
        Assert.Contains("Beslissing steunovereenkomst", info, StringComparison.Ordinal);
        Assert.Contains("Clusterpact", info, StringComparison.Ordinal);

        foreach (var page in new[] { 1, pages })
        {
            var png = Path.Combine(_folder, $"page-{page}");
            Poppler("pdftoppm", "-png", "-r", "72", "-f", $"{page}", "-l", $"{page}", "-singlefile", pdf, png);
            Assert.True(new FileInfo(png + ".png").Length > 5_000, $"page {page} rendered to an almost empty image");
        }

        var text = Poppler("pdftotext", "-enc", "UTF-8", pdf, "-");
        Assert.Contains($"Pagina 1 van {pages}", text, StringComparison.Ordinal);
        Assert.Contains($"Pagina {pages} van {pages}", text, StringComparison.Ordinal);
        Assert.Contains("€ 1.234,56", text, StringComparison.Ordinal);
        Assert.Contains($"Evaluatie {Hyphen} tussentijds", text, StringComparison.Ordinal); // the font has no non-breaking hyphen
        Assert.Contains("één verlenging", text, StringComparison.Ordinal);
        Assert.Contains("ïdeeën, coördinatie, financiële", text, StringComparison.Ordinal);
        Assert.Contains("Rij 120:", text, StringComparison.Ordinal);
        Assert.Contains("184,5", text, StringComparison.Ordinal); // the chart's values in Belgian Dutch

        var secondPage = Poppler("pdftotext", "-enc", "UTF-8", "-f", "2", "-l", "2", pdf, "-");
        var repeatedHeader = secondPage.IndexOf("Werkingsjaar", StringComparison.Ordinal);
        Assert.InRange(repeatedHeader, 0, secondPage.IndexOf("Rij ", StringComparison.Ordinal)); // the header repeats, above the rows
    }

    [Fact]
    public void Only_the_embedded_liberation_sans_is_used_and_it_travels_inside_the_file()
    {
        var fonts = Poppler("pdffonts", Save(DecisionLetter(rows: 3).ToBytes())).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).ToList();

        Assert.Equal(2, fonts.Count);
        Assert.All(fonts, font => Assert.Matches(@"^[A-Z]{6}\+Liberation Sans(,Bold)?\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes", font));
    }

    [Fact]
    public void Reports_made_at_the_same_time_on_several_threads_each_come_out_whole()
    {
        var pdfs = new byte[8][];
        Parallel.For(0, pdfs.Length, i => pdfs[i] = DecisionLetter(rows: 40 + i).ToBytes());

        for (var i = 0; i < pdfs.Length; i++)
        {
            Assert.Contains($"Rij {40 + i}:", Poppler("pdftotext", "-enc", "UTF-8", Save(pdfs[i]), "-"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_footer_follows_the_format_given()
    {
        var text = Poppler("pdftotext", "-enc", "UTF-8", Save(DecisionLetter(rows: 3, "en-GB", "Page {0} of {1}").ToBytes()), "-");

        Assert.Contains("Page 1 of 1", text, StringComparison.Ordinal);
        Assert.Contains("184.5", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finished_report_gives_the_same_bytes_again_and_takes_no_more_blocks()
    {
        var report = DecisionLetter(rows: 1);
        var bytes = report.ToBytes();

        Assert.Same(bytes, report.ToBytes());
        Assert.Throws<InvalidOperationException>(() => report.Paragraph("te laat"));
    }

    private string Save(byte[] pdf)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        return path;
    }

    /// <summary>Runs a poppler-utils tool and returns what it printed; fails the test when the tool is missing.</summary>
    internal static string Poppler(string tool, params string[] arguments)
    {
        var executable = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(folder => Path.Combine(folder, tool)).FirstOrDefault(File.Exists);
        if (executable is null) Assert.Fail($"{tool} is not on PATH: install Debian's poppler-utils (test.sh does).");
        var start = new ProcessStartInfo(executable) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} failed ({process.ExitCode}): {errors}");
        Assert.True(errors.Length == 0, $"{tool} complained about the PDF: {errors}");
        return output.Result;
    }
}
