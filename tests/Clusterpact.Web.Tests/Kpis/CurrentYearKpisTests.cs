using Clusterpact.Web.Features.Kpis;

namespace Clusterpact.Web.Tests.Kpis;

/// <summary>
/// The current year is among the KPI years, counted to date by the app's clock (01-12-2026 in tests) and labelled so
/// (<see cref="GetClusterKpis"/>, <see cref="GetKpiAcrossClusters"/>); before, the views stopped at last year and the
/// API answered the current year with no figures.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CurrentYearKpisTests(ClusterpactApp app)
{
    private Task<decimal?> MembersToDateAsync(Guid? cluster) =>
        app.WithDbAsync(async db => KpiCalculator.Compute(KpiCatalogue.Members, app.Today.Year, await DomainRule.InputsAsync(db), cluster, app.Today));

    private static int Number(IElement cell) => int.Parse(cell.TextContent.Trim().Replace(".", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_api_gives_the_current_years_computed_kpis_to_date()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var answer = await manager.GetAsync($"/api/v1/clusters/{catalisti}/kpis/{app.Today.Year}");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var members = (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("values").EnumerateArray()
            .Single(v => v.GetProperty("code").GetString() == KpiCatalogue.Members);
        var expected = await MembersToDateAsync(catalisti);
        Assert.True(expected > 0, "Catalisti has members today");
        Assert.Equal("Computed", members.GetProperty("origin").GetString());
        Assert.Equal(expected, members.GetProperty("actual").GetDecimal());
    }

    [Fact]
    public async Task A_clusters_kpi_page_shows_the_current_year_to_date()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var year = app.Today.Year;
        var doc = await manager.GetDocumentAsync($"/Kpis/Cluster/{catalisti}?kpi={KpiCatalogue.Members}");
        var row = doc.QuerySelector($"[data-testid=kpi-years] tr[data-year='{year}']");
        Assert.NotNull(row);
        Assert.Equal($"{year} (tot nu toe)", row.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal(await MembersToDateAsync(catalisti), (decimal?)Number(row.QuerySelector("[data-testid=actual]")!));
        // A complete year reads as the year alone; the table of all KPIs ends with the current year, labelled the same.
        Assert.Equal($"{year - 1}", doc.QuerySelector($"[data-testid=kpi-years] tr[data-year='{year - 1}'] td")!.TextContent.Trim());
        Assert.Equal($"{year} (tot nu toe)", doc.QuerySelectorAll("[data-testid=all-kpis] thead th").Last().TextContent.Trim());
    }

    [Fact]
    public async Task The_kpi_page_offers_the_current_year_to_date_and_still_opens_on_last_year()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var year = app.Today.Year;
        var opened = await officer.GetDocumentAsync($"/Kpis?kpi={KpiCatalogue.Members}");
        Assert.Equal($"{year - 1}", opened.QuerySelector("#year option[selected]")!.GetAttribute("value"));
        Assert.Equal($"{year} (tot nu toe)", opened.QuerySelector($"#year option[value='{year}']")!.TextContent.Trim());
        Assert.Equal($"{year} (tot nu toe)", opened.QuerySelector($"[data-testid=programme-years] tr[data-year='{year}'] td")!.TextContent.Trim());

        var doc = await officer.GetDocumentAsync($"/Kpis?kpi={KpiCatalogue.Members}&year={year}");
        Assert.Equal(await MembersToDateAsync(null), (decimal?)Number(doc.QuerySelector("[data-testid=programme-row] td")!));
        Assert.NotEmpty(doc.QuerySelectorAll("[data-testid=across] tr[data-cluster]"));
    }
}
