namespace Clusterpact.Web.Tests.Agreements;

/// <summary>Issue 17, nothing typed is lost: a refused budget form comes back with what was typed and the real reason next to its field.</summary>
[Collection(AppCollection.Name)]
public sealed class BudgetFormsKeepTypedTests(ClusterpactApp app)
{
    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    private async Task<(Guid Agreement, DateOnly FirstYear, Guid YearId, string Url)> CatalistiAsync()
    {
        var cluster = await app.ClusterIdAsync("Catalisti");
        var year = await app.WithDbAsync(db => db.AgreementYears.AsNoTracking()
            .Where(y => db.SupportAgreements.Any(a => a.Id == y.AgreementId && a.ClusterId == cluster))
            .OrderBy(y => y.YearStart).Select(y => new { y.AgreementId, y.YearStart, y.Id }).FirstAsync());
        return (year.AgreementId, year.YearStart, year.Id, $"/Clusters/{cluster}/Agreements/{year.AgreementId}/Budget");
    }

    private static string? Value(AngleSharp.Dom.IDocument page, string selector) => page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>(selector)?.GetAttribute("value");

    [Fact]
    public async Task A_refused_working_year_keeps_every_typed_amount_and_says_the_year_exists()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var (agreement, first, _, url) = await CatalistiAsync();
        var before = await app.WithDbAsync(db => db.AgreementYears.CountAsync(y => y.AgreementId == agreement));
        var start = first.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // Amounts as people type them in Belgium: with a euro sign, a space or dots between thousands, a decimal comma.
        var refused = await officer.SubmitFormAsync(url, new Dictionary<string, string>
        {
            ["yearStart"] = start, ["grantedAid"] = "€ 150.000", ["plannedCofinancing"] = "160 000", ["animation"] = "200.000,50", ["marketing"] = "100000",
        }, f => Handler(f, "Year"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal(start, Value(page, "input[name=yearStart]"));
        Assert.Equal("€ 150.000", Value(page, "input[name=grantedAid]"));
        Assert.Equal("160 000", Value(page, "input[name=plannedCofinancing]"));
        Assert.Equal("200.000,50", Value(page, "input[name=animation]"));
        Assert.Equal("100000", Value(page, "input[name=marketing]"));
        Assert.DoesNotContain("Vul alle verplichte velden in", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dit werkjaar bestaat al.", page.QuerySelector("input[name=yearStart] + .field-validation-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDbAsync(db => db.AgreementYears.CountAsync(y => y.AgreementId == agreement)));
    }

    [Fact]
    public async Task A_refused_deposit_keeps_what_the_manager_typed_in_that_year_only()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var (_, first, yearId, url) = await CatalistiAsync();
        var early = first.AddDays(-10).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var refused = await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["paidOn"] = early, ["amount"] = "€ 1.234,56", ["reference"] = "OGM 17" },
            f => Handler(f, "Cofinancing") && f.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=yearId]")?.Value == yearId.ToString());

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.ParseAsync();
        Assert.Equal(early, Value(page, $"#paid-{yearId}"));
        Assert.Equal("€ 1.234,56", Value(page, $"#amount-{yearId}"));
        Assert.Equal("OGM 17", Value(page, $"#ref-{yearId}"));
        Assert.Contains("De storting valt voor het begin van het werkjaar.", page.QuerySelector($"#paid-{yearId} + .field-validation-error")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Vul alle verplichte velden in", page.Body!.TextContent, StringComparison.Ordinal);
        // The other years' forms stay empty.
        Assert.All(page.QuerySelectorAll("input[name=amount][id^=amount-]").Where(i => i.Id != $"amount-{yearId}"), i => Assert.True(string.IsNullOrEmpty(i.GetAttribute("value"))));
    }
}
