using Clusterpact.Web.Features.Shared;

namespace Clusterpact.Web.Tests.Kpis;

/// <summary>
/// Issue 18: the KPI across clusters has a row per cluster, 3,000 at EU size (1.1 MB of HTML): the clusters are paged,
/// searched and sorted by name or value, while the programme's value (each organisation once) stays above them on
/// every page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class KpiAcrossPagingTests(ClusterpactApp app)
{
    private static readonly CultureInfo Nl = new("nl-BE");

    [Fact]
    public async Task The_clusters_are_paged_and_sorted_by_value_and_the_programme_value_is_above_them_on_every_page()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var url = $"/Kpis?kpi={KpiCatalogue.Members}&year={app.Today.Year - 1}";
        var all = Rows(await officer.GetDocumentAsync(url + "&size=" + Paging.MaxPageSize));
        Assert.True(all.Count > 10, $"{all.Count} clusters with members");

        var first = await officer.GetDocumentAsync(url + "&size=5");
        var second = await officer.GetDocumentAsync(url + "&size=5&p=2");
        Assert.Equal(all.Take(5).Select(r => r.Name), Rows(first).Select(r => r.Name));
        Assert.Equal(all.Skip(5).Take(5).Select(r => r.Name), Rows(second).Select(r => r.Name));
        var programme = Programme(first);
        Assert.NotEqual("–", programme);
        Assert.Equal(programme, Programme(second));
        Assert.True(first.QuerySelector("[data-testid=programme-row]")!.CompareDocumentPosition(first.QuerySelector("[data-testid=across]")!).HasFlag(DocumentPositions.Following),
            "the programme's value comes before the clusters' table");

        var byValue = Rows(await officer.GetDocumentAsync(url + "&sort=Actual&desc=true&size=" + Paging.MaxPageSize)).Select(r => r.Value).ToList();
        Assert.Equal(all.Count, byValue.Count);
        Assert.Equal(byValue.OrderBy(v => v is null).ThenByDescending(v => v), byValue);
        Assert.NotEqual(all.Select(r => r.Value), byValue);
    }

    private static string Programme(AngleSharp.Html.Dom.IHtmlDocument doc) => doc.QuerySelector("[data-testid=programme-row] td")!.TextContent.Trim();

    private static IReadOnlyList<(string Name, decimal? Value)> Rows(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll("[data-testid=across] tbody tr[data-cluster]").Select(r => (r.Children[0].TextContent.Trim(),
            decimal.TryParse(r.Children[1].TextContent.Trim(), NumberStyles.Number, Nl, out var v) ? v : (decimal?)null)).ToList();
}
