namespace Clusterpact.Web.Tests.Calls;

/// <summary>
/// The decision letter says where the application stands against the call's budget from the ranking itself: the demo's
/// thematic call (EUR 600.000) granted the first-ranked application and refused the second on its merits, although both
/// fit within the budget; no letter may say otherwise because of words typed as motivation (issue 17).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DecisionLetterTests(ClusterpactApp app)
{
    private async Task<string> LetterTextAsync(HttpClient client, string applicant)
    {
        var id = await app.WithDbAsync(db => db.Applications.Where(a => a.ApplicantName == applicant && a.Status == ApplicationStatus.Decided).Select(a => a.Id).SingleAsync());
        var letter = await client.GetAsync($"/Calls/Application/{id}?handler=Letter");
        Assert.Equal("application/pdf", letter.Content.Headers.ContentType!.MediaType);
        var pdf = Path.Combine(Path.GetTempPath(), $"letter-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(pdf, await letter.Content.ReadAsByteArrayAsync());
        try { return string.Join(' ', Pdf.PdfReportTests.Poppler("pdftotext", pdf, "-").Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)); }
        finally { File.Delete(pdf); }
    }

    [Fact]
    public async Task The_letter_places_the_application_against_the_budget_line_from_the_ranking()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var granted = await LetterTextAsync(officer, "Circulair Bouwen Vlaanderen vzw");
        Assert.Contains("staat boven de budgetlijn", granted, StringComparison.Ordinal);
        Assert.DoesNotContain("staat onder de budgetlijn", granted, StringComparison.Ordinal);
        Assert.Contains("€ 600.000,00", granted, StringComparison.Ordinal);

        var refused = await LetterTextAsync(officer, "Betonrecyclage Consortium");
        // Refused on its merits although it fits: the letter says so, and no sentence calls it below the line.
        Assert.Contains("staat boven de budgetlijn", refused, StringComparison.Ordinal);
        Assert.DoesNotContain("onder de budgetlijn", refused, StringComparison.OrdinalIgnoreCase);
    }
}
