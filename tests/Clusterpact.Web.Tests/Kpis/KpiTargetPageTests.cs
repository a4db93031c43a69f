using AngleSharp.Html.Dom;

namespace Clusterpact.Web.Tests.Kpis;

/// <summary>
/// The KPI page's target form sends the version of each target it showed, so two officers working from the same page
/// cannot overwrite each other silently: the later one is told the target changed meanwhile, and the earlier one stays.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class KpiTargetPageTests(ClusterpactApp app)
{
    private static IHtmlFormElement TargetForm(IHtmlDocument page) =>
        page.Forms.Single(f => f.GetAttribute("action")?.Contains("handler=Target", StringComparison.OrdinalIgnoreCase) == true);

    /// <summary>Posts the target form as it was when <paramref name="page"/> was read (its hidden fields and token).</summary>
    private static Task<HttpResponseMessage> PostAsync(HttpClient officer, IHtmlDocument page, string year, string target, string? reason)
    {
        var form = TargetForm(page);
        var fields = form.Elements.OfType<IHtmlInputElement>().Where(i => i.Type == "hidden" && !string.IsNullOrEmpty(i.Name)).Select(i => new KeyValuePair<string, string>(i.Name!, i.Value))
            .Concat([new("TargetYear", year), new("Target", target), new("Reason", reason ?? "")]);
        return officer.PostFormRawAsync(form.GetAttribute("action")!, fields);
    }

    /// <summary>A post the page took: it sends back to the KPI page (a refusal shows the form again, with why).</summary>
    private static async Task SavedAsync(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect) return;
        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Fail($"{(int)response.StatusCode}: " + string.Join(" | ", page.QuerySelectorAll(".validation-summary-errors li, .field-validation-error, .alert").Select(e => e.TextContent.Trim())));
    }

    private Task<KpiTarget?> StoredAsync(Guid cluster) =>
        app.WithDbAsync(db => db.KpiTargets.AsNoTracking().SingleOrDefaultAsync(t => t.ClusterId == cluster && t.KpiCode == KpiCatalogue.NewMembers && t.Year == 2043));

    [Fact]
    public async Task A_target_set_or_changed_meanwhile_is_not_overwritten_from_a_page_read_before()
    {
        var flux = await app.ClusterIdAsync("Flux50");
        var url = $"/Kpis/Cluster/{flux}?kpi={KpiCatalogue.NewMembers}";
        var first = await app.SignedInAsync(Emails.Officer);
        var second = await app.SignedInAsync(Emails.Admin);

        // Both read the page while 2043 has no target; the first sets one, the second's "new" target is refused.
        var firstPage = await first.GetDocumentAsync(url);
        var secondPage = await second.GetDocumentAsync(url);
        await SavedAsync(await PostAsync(first, firstPage, "2043", "30", null));
        var refused = await PostAsync(second, secondPage, "2043", "40", "Ander voorstel");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Iemand anders heeft dit record intussen gewijzigd", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(30m, (await StoredAsync(flux))!.Target);

        // Both read it again (with its version); the first changes it, the second's change from the older page is refused.
        firstPage = await first.GetDocumentAsync(url);
        secondPage = await second.GetDocumentAsync(url);
        Assert.Contains(TargetForm(secondPage).Elements.OfType<IHtmlInputElement>(), i => i.Name == "Versions" && i.Value.StartsWith("2043:", StringComparison.Ordinal));
        await SavedAsync(await PostAsync(first, firstPage, "2043", "35", "Twee nieuwe leden verwacht"));
        refused = await PostAsync(second, secondPage, "2043", "45", "Meer ambitie");
        Assert.Contains("Iemand anders heeft dit record intussen gewijzigd", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var stored = (await StoredAsync(flux))!;
        Assert.Equal(35m, stored.Target);
        Assert.Equal(2, stored.Changes.Count);
    }
}
