using Clusterpact.Web.Infrastructure.Localization;

namespace Clusterpact.Web.Tests.Shared;

/// <summary>
/// Issue 18: the dashboard's figures, the answer shared by everybody who sees the whole programme, are rendered once per
/// culture under that answer's version. Two people reading it in two languages each get their own language, and a
/// change shows at the next request (ReadModelTests: a payment paid, a member imported).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DashboardRenderTests(ClusterpactApp app)
{
    [Fact]
    public async Task The_kept_figures_are_rendered_in_the_language_of_each_reader()
    {
        var dutch = await app.SignedInAsync(Emails.Officer);
        var english = await app.SignedInAsync(Emails.Reader);
        await SwitchAsync(english, Cultures.EnglishName);
        try
        {
            var first = await dutch.GetDocumentAsync("/Dashboard");
            var inEnglish = await english.GetDocumentAsync("/Dashboard");
            var again = await dutch.GetDocumentAsync("/Dashboard");

            Assert.Equal("Middelen per kalenderjaar (EUR)", Caption(first));
            Assert.Equal("Money per calendar year (EUR)", Caption(inEnglish));
            Assert.Equal(Caption(first), Caption(again));
            Assert.Equal(first.QuerySelector("[data-testid=money]")!.OuterHtml, again.QuerySelector("[data-testid=money]")!.OuterHtml);
            // The same figures in both languages: the rows, one per year, and their number of cells.
            Assert.Equal(Years(first), Years(inEnglish));
        }
        finally
        {
            await SwitchAsync(english, Cultures.DutchName);
        }
    }

    private static string Caption(AngleSharp.Html.Dom.IHtmlDocument doc) => doc.QuerySelector("[data-testid=money] caption")!.TextContent.Trim();

    private static IReadOnlyList<string?> Years(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll("[data-testid=money] tbody tr").Select(r => r.GetAttribute("data-year")).ToList();

    private static Task SwitchAsync(HttpClient client, string culture) =>
        client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/" }, f => f.GetAttribute("action") == "/culture");
}
