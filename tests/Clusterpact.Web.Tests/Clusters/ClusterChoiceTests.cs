namespace Clusterpact.Web.Tests.Clusters;

/// <summary>
/// Issue 18: the cluster filter of the lists is a text field with suggestions from the server (Shared/_ClusterChoice),
/// not a dropdown of every cluster (3,000 options in every page at EU size). A name typed without script filters as the
/// id does; the suggestions and the choice are scoped, so a manager learns no other cluster's name or id.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClusterChoiceTests(ClusterpactApp app)
{
    public static TheoryData<string, string> FilterPages => new()
    {
        { "/Organisations", "organisation-table" },
        { "/Projects", "project-table" },
        { "/Evaluations", "evaluations" },
    };

    [Theory]
    [MemberData(nameof(FilterPages))]
    public async Task The_filter_lists_no_clusters_but_is_a_labelled_text_field(string page, string table)
    {
        _ = table;
        var doc = await (await app.SignedInAsync(Emails.Officer)).GetDocumentAsync(page);
        Assert.Null(doc.QuerySelector("select[name=cluster]"));
        var field = doc.QuerySelector("form[method=get] input#cluster[name=cluster]");
        Assert.NotNull(field);
        Assert.NotNull(doc.QuerySelector("label[for=cluster]"));
        Assert.Empty(doc.QuerySelectorAll("datalist#cluster-suggestions option"));
        Assert.Equal("/api/v1/clusters/choices", field.GetAttribute("data-suggest"));
    }

    [Theory]
    [MemberData(nameof(FilterPages))]
    public async Task A_name_typed_without_script_filters_as_the_cluster_id_does(string page, string table)
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var byId = await client.GetDocumentAsync($"{page}?cluster={catalisti}&size=200");
        var rows = Rows(byId, table);
        Assert.NotEmpty(rows);
        Assert.True(rows.Count < Rows(await client.GetDocumentAsync($"{page}?size=200"), table).Count || page == "/Evaluations");
        foreach (var typed in new[] { "Catalisti", "catalisti", " CATALIS " })
        {
            var doc = await client.GetDocumentAsync($"{page}?cluster={Uri.EscapeDataString(typed)}&size=200");
            Assert.Equal(rows, Rows(doc, table));
            Assert.Equal("Catalisti", doc.QuerySelector("input#cluster")!.GetAttribute("value"));
        }
        Assert.Equal("Catalisti", byId.QuerySelector("input#cluster")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_text_that_chooses_no_cluster_lists_nothing_and_says_which_clusters_it_contains()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var doc = await client.GetDocumentAsync("/Organisations?cluster=" + Uri.EscapeDataString("No such cluster"));
        Assert.Empty(Rows(doc, "organisation-table"));
        Assert.Contains("No such cluster", doc.QuerySelector("[data-testid=cluster-choice-message]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", doc.QuerySelector("input#cluster")!.GetAttribute("aria-invalid"));

        // A part several clusters share: nothing listed, those clusters offered (in the message and the field's list).
        var names = await app.WithDbAsync(db => db.Clusters.Select(c => c.Name).ToListAsync());
        var shared = names.Where(n => n.Contains('a', StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.True(shared.Count >= 2);
        doc = await client.GetDocumentAsync("/Organisations?cluster=a");
        Assert.Empty(Rows(doc, "organisation-table"));
        var offered = doc.QuerySelectorAll("datalist#cluster-suggestions option").Select(o => o.GetAttribute("value")!).ToList();
        Assert.Equal(Math.Min(shared.Count, 10), offered.Count);
        Assert.All(offered, name => Assert.Contains(name, shared));
        Assert.Contains(offered[0], doc.QuerySelector("[data-testid=cluster-choice-message]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_are_the_clusters_the_caller_may_see_whose_name_contains_the_text()
    {
        var names = await app.WithDbAsync(db => db.Clusters.Select(c => c.Name).ToListAsync());
        var officer = await app.SignedInAsync(Emails.Officer);
        var all = await SuggestAsync(officer, "a");
        Assert.Equal(Math.Min(10, names.Count(n => n.Contains('a', StringComparison.OrdinalIgnoreCase))), all.Count);
        Assert.Contains("Flux50", await SuggestAsync(officer, "flux"));
        Assert.Empty(await SuggestAsync(officer, ""));

        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        Assert.Equal(["Catalisti"], await SuggestAsync(manager, "a"));
        Assert.Empty(await SuggestAsync(manager, "flux"));
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().GetAsync("/api/v1/clusters/choices?search=flux")).StatusCode);
    }

    [Fact]
    public async Task A_manager_who_types_another_clusters_name_or_id_learns_nothing_of_it()
    {
        var flux50 = await app.ClusterIdAsync("Flux50");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        foreach (var typed in new[] { "Flux50", flux50.ToString() })
        {
            var doc = await manager.GetDocumentAsync("/Organisations?cluster=" + Uri.EscapeDataString(typed));
            Assert.Empty(Rows(doc, "organisation-table"));
            Assert.Empty(doc.QuerySelectorAll("datalist#cluster-suggestions option"));
            var html = doc.DocumentElement.OuterHtml;
            if (typed == "Flux50") Assert.DoesNotContain(flux50.ToString(), html, StringComparison.OrdinalIgnoreCase);
            else Assert.DoesNotContain("Flux50", html, StringComparison.Ordinal);
        }
    }

    private static async Task<List<string>> SuggestAsync(HttpClient client, string search)
    {
        var items = await client.GetFromJsonAsync<JsonElement>("/api/v1/clusters/choices?search=" + Uri.EscapeDataString(search));
        return items.EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList();
    }

    private static List<string> Rows(AngleSharp.Html.Dom.IHtmlDocument doc, string table) =>
        doc.QuerySelectorAll($"[data-testid={table}] tbody tr").Where(r => r.QuerySelector("td[colspan]") is null).Select(r => r.OuterHtml).ToList();
}
