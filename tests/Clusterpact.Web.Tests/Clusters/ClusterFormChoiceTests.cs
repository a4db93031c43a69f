using Clusterpact.Web.Tests.Import;

namespace Clusterpact.Web.Tests.Clusters;

/// <summary>
/// Issue 18: the forms that chose among every cluster in a dropdown (3,000 options at EU size) have the one cluster field
/// (Shared/_ClusterChoice; several clusters: Shared/_ClusterChoices). A name typed chooses on the server, without script; a
/// text that chooses none brings the form back with what was typed and says why; a manager chooses among their own only.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClusterFormChoiceTests(ClusterpactApp app)
{
    public static TheoryData<string, string, string> Forms => new()
    {
        { Emails.Officer, "/Evaluations/New", "Input.ClusterId" },
        { Emails.Officer, "/Organisations/Import", "Input.ClusterId" },
        { Emails.Officer, "/Projects/Import", "Input.ClusterId" },
        { Emails.CatalistiManager, "/Clients/New", "Input.ClusterId" },
        { Emails.Admin, "/Admin/Users/New", "Input.AddCluster" },
        { Emails.CatalistiManager, "/Projects/New", "Input.AddCluster" },
        { Emails.Officer, "/Funds", "Input.ClusterId" },
    };

    /// <summary>
    /// The funds page's envelope form chooses among the spearhead clusters by name: a name no spearhead cluster holds (an unknown
    /// one, or another kind of cluster's) brings the form back with the message and everything typed; a spearhead's name opens its envelope.
    /// </summary>
    [Fact]
    public async Task An_envelope_is_earmarked_for_the_spearhead_cluster_whose_name_was_typed()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var other = await app.WithDbAsync(db => db.Clusters.Where(c => c.Type != ClusterType.SpearheadCluster).Select(c => c.Name).FirstAsync());
        foreach (var typed in new[] { "Geen zulke speerpuntcluster", other })
        {
            var refused = await officer.SubmitFormAsync("/Funds", new Dictionary<string, string>
            {
                ["Kind"] = "ClusterEarmarked", ["Input.ClusterId"] = typed, ["NewYear"] = "2087", ["Amount"] = "1.234.567", ["Note"] = "getypt",
            });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
            Assert.Equal(typed, doc.QuerySelector("input#Input_ClusterId")!.GetAttribute("value"));
            Assert.Contains($"Geen cluster heet of bevat „{typed}”", doc.QuerySelector("[data-testid=cluster-choice-message]")!.TextContent, StringComparison.Ordinal);
            Assert.Equal("1.234.567", doc.QuerySelector("input#Amount")!.GetAttribute("value"));
            Assert.Equal("getypt", doc.QuerySelector("input#Note")!.GetAttribute("value"));
        }
        Assert.False(await app.WithDbAsync(db => db.FundEnvelopes.AnyAsync(e => e.Year == 2087)));

        var flux = await app.ClusterIdAsync("Flux50");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync("/Funds", new Dictionary<string, string>
        {
            ["Kind"] = "ClusterEarmarked", ["Input.ClusterId"] = "flux50", ["NewYear"] = "2087", ["Amount"] = "1.000",
        })).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.FundEnvelopes.AnyAsync(e => e.Year == 2087 && e.ClusterId == flux)));
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task The_form_lists_no_clusters_but_has_a_labelled_text_field(string email, string page, string name)
    {
        var doc = await (await app.SignedInAsync(email)).GetDocumentAsync(page);
        var names = await app.WithDbAsync(db => db.Clusters.Select(c => c.Name).ToListAsync());
        Assert.DoesNotContain(doc.QuerySelectorAll("option"), o => names.Contains(o.TextContent.Trim()) || names.Contains(o.GetAttribute("value") ?? ""));
        var id = name.Replace('.', '_');
        var field = doc.QuerySelector($"form[method=post] input#{id}[name='{name}']");
        Assert.NotNull(field);
        Assert.NotNull(doc.QuerySelector($"label[for={id}]"));
        Assert.Equal("/api/v1/clusters/choices", field.GetAttribute("data-suggest"));
        Assert.Equal($"{id}-help", field.GetAttribute("aria-describedby"));
    }

    [Theory]
    [InlineData("/Organisations/Figures")]
    [InlineData("/Projects/Figures")]
    public async Task The_figures_pages_choose_their_cluster_by_name(string page)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var doc = await officer.GetDocumentAsync(page);
        Assert.Empty(doc.QuerySelectorAll("select#cluster option"));
        Assert.NotNull(doc.QuerySelector("form[method=get] input#cluster[name=cluster]"));
        Assert.NotNull(doc.QuerySelector("label[for=cluster]"));
        var typed = await officer.GetDocumentAsync(page + "?cluster=flux50");
        Assert.Equal("Flux50", typed.QuerySelector("input#cluster")!.GetAttribute("value"));
        var unknown = await officer.GetDocumentAsync(page + "?cluster=" + Uri.EscapeDataString("Geen zulke cluster"));
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(page + "?cluster=Geen")).StatusCode);
        Assert.Contains("Geen cluster heet of bevat", unknown.QuerySelector("[data-testid=cluster-choice-message]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_evaluation_is_for_the_cluster_whose_name_was_typed()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var flux = await app.ClusterIdAsync("Flux50");
        var title = $"Evaluatie op naam {Guid.NewGuid():N}";
        var response = await officer.SubmitFormAsync("/Evaluations/New", new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Kind"] = "Interim", ["Input.Scope"] = "Individual", ["Input.ClusterId"] = " flux50 ",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(flux, await app.WithDbAsync(db => db.Evaluations.Where(e => e.Title == title).Select(e => e.ClusterId).SingleAsync()));

        // The link from a cluster's page names the cluster in the field.
        var linked = await officer.GetDocumentAsync($"/Evaluations/New?cluster={flux}");
        Assert.Equal("Flux50", linked.QuerySelector("input#Input_ClusterId")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_name_that_chooses_no_cluster_brings_the_form_back_as_typed_with_the_reason_in_both_languages()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var title = $"Evaluatie zonder cluster {Guid.NewGuid():N}";
        var values = new Dictionary<string, string>
        {
            ["Input.Title"] = title, ["Input.Kind"] = "Interim", ["Input.Scope"] = "Individual", ["Input.ClusterId"] = "Geen zulke cluster",
        };
        var response = await officer.SubmitFormAsync("/Evaluations/New", values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        var field = doc.QuerySelector("input#Input_ClusterId")!;
        Assert.Equal("Geen zulke cluster", field.GetAttribute("value"));
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Equal(title, doc.QuerySelector("input[name='Input.Title']")!.GetAttribute("value"));
        Assert.Contains("Geen cluster heet of bevat „Geen zulke cluster”.", doc.QuerySelector("[data-testid=cluster-choice-message]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Geen cluster heet of bevat", doc.QuerySelector("#error-summary a[href='#Input_ClusterId']")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Evaluations.AnyAsync(e => e.Title == title)));

        // A part that several clusters hold names them, to choose from.
        values["Input.ClusterId"] = "a";
        doc = await (await officer.SubmitFormAsync("/Evaluations/New", values)).ParseAsync();
        Assert.Contains("Meer dan één cluster bevat „a”", doc.QuerySelector("[data-testid=cluster-choice-message]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(doc.QuerySelectorAll("datalist#Input_ClusterId-suggestions option"));

        values["Input.ClusterId"] = "Geen zulke cluster";
        try
        {
            await SwitchAsync(officer, Web.Infrastructure.Localization.Cultures.EnglishName);
            doc = await (await officer.SubmitFormAsync("/Evaluations/New", values)).ParseAsync();
            Assert.Contains("No cluster is named or contains “Geen zulke cluster”.", doc.QuerySelector("[data-testid=cluster-choice-message]")!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await SwitchAsync(officer, Web.Infrastructure.Localization.Cultures.DutchName);
        }
    }

    /// <summary>
    /// A defect the bad-input sweep found on PostgreSQL: a NUL or half a surrogate pair typed in a form's cluster field reached
    /// the database (500). Such text names no cluster: the form comes back with the reason, on both databases.
    /// </summary>
    [Theory]
    [InlineData("a\0b")]
    [InlineData("\ud800x")]
    [InlineData("Flux\u0007")]
    public async Task Text_that_cannot_be_a_name_chooses_no_cluster_and_brings_the_form_back(string typed)
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        foreach (var path in new[] { "/Organisations/Import", "/Projects/Import" })
        {
            var refused = await manager.UploadAsync(path, typed, Encoding.UTF8.GetBytes("Ondernemingsnummer\n0403170701"), "lijst.csv");
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.NotNull((await refused.ParseAsync()).QuerySelector("[data-testid=cluster-choice-message]"));
        }
    }

    [Fact]
    public async Task An_import_needs_a_cluster_and_a_manager_cannot_choose_another_by_its_exact_name()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var empty = await officer.UploadAsync("/Organisations/Import", "", Encoding.UTF8.GetBytes("Ondernemingsnummer\n0403170701"), "leden.csv");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.NotNull((await empty.ParseAsync()).QuerySelector("#error-summary a[href='#Input_ClusterId']"));

        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var refused = await manager.UploadAsync("/Organisations/Import", "Flux50", Encoding.UTF8.GetBytes("Ondernemingsnummer\n0403170701"), "leden.csv");
        var doc = await refused.ParseAsync();
        Assert.Equal("Flux50", doc.QuerySelector("input#Input_ClusterId")!.GetAttribute("value"));
        Assert.Contains("Geen cluster heet of bevat „Flux50”.", doc.QuerySelector("[data-testid=cluster-choice-message]")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(doc.QuerySelectorAll("datalist#Input_ClusterId-suggestions option"));
    }

    [Fact]
    public async Task A_project_form_has_a_box_for_its_chosen_clusters_only_and_adds_one_by_name()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var flux = await app.ClusterIdAsync("Flux50");
        Assert.Empty((await officer.GetDocumentAsync("/Projects/New")).QuerySelectorAll("input[name='Input.ClusterIds']"));
        var linked = await officer.GetDocumentAsync($"/Projects/New?cluster={flux}");
        var box = Assert.Single(linked.QuerySelectorAll("input[name='Input.ClusterIds']"));
        Assert.Equal(flux.ToString(), box.GetAttribute("value"));
        Assert.NotNull(box.GetAttribute("checked"));

        var back = await officer.SubmitFormAsync("/Projects/New", new Dictionary<string, string>
        {
            ["Input.Title"] = "Project op naam", ["Input.ClusterIds"] = flux.ToString(), ["Input.AddCluster"] = "Geen zulke cluster",
        });
        var doc = await back.ParseAsync();
        Assert.Equal("Geen zulke cluster", doc.QuerySelector("input#Input_AddCluster")!.GetAttribute("value"));
        Assert.Contains("Geen cluster heet of bevat „Geen zulke cluster”.", doc.QuerySelector("[data-testid=cluster-choice-message]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(doc.QuerySelectorAll("[data-testid=cluster-choices] input[checked]"));

        // A name adds its cluster to the ticked ones (the form comes back for its other fields).
        doc = await (await officer.SubmitFormAsync("/Projects/New", new Dictionary<string, string>
        {
            ["Input.Title"] = "Project op naam", ["Input.ClusterIds"] = flux.ToString(), ["Input.AddCluster"] = "catalisti",
        })).ParseAsync();
        Assert.Equal(["Catalisti", "Flux50"], doc.QuerySelectorAll("[data-testid=cluster-choices] label").Select(l => l.TextContent.Trim()).ToList());
        Assert.Equal("", doc.QuerySelector("input#Input_AddCluster")!.GetAttribute("value") ?? "");
    }

    [Fact]
    public async Task A_user_s_clusters_are_ticked_boxes_and_a_cluster_is_added_by_its_name()
    {
        var admin = await app.SignedInAsync(Emails.Admin);
        var (bhive, flux) = (await app.ClusterIdAsync("B-hive"), await app.ClusterIdAsync("Flux50"));
        var email = $"scope-by-name-{Guid.NewGuid():N}@clusterpact.demo";
        var fields = new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Manager op naam", ["Input.Email"] = email, ["Input.Role"] = Roles.ClusterManager,
            ["Input.ClusterIds"] = bhive.ToString(), ["Input.AddCluster"] = "flux5", ["Input.IsActive"] = "true", ["Input.NewPassword"] = UsersTestData.Password,
        };
        var created = await admin.SubmitFormAsync("/Admin/Users/New", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
        Assert.Equal(new[] { bhive, flux }.Order(), await app.WithDbAsync(db => db.UserClusterScopes.Where(s => s.UserId == userId).Select(s => s.ClusterId).OrderBy(c => c).ToListAsync()));

        var edit = await admin.GetDocumentAsync($"/Admin/Users/{userId}");
        var ticked = edit.QuerySelectorAll("[data-testid=cluster-choices] input[type=checkbox][name='Input.ClusterIds'][checked]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Equal(new[] { bhive.ToString(), flux.ToString() }.Order(), ticked.Order());
        Assert.Equal(["B-hive", "Flux50"], edit.QuerySelectorAll("[data-testid=cluster-choices] label").Select(l => l.TextContent.Trim()).ToList());

        // A name that chooses no cluster: the form comes back with the ticked clusters and the text as typed, nothing saved.
        fields["Input.AddCluster"] = "Geen zulke cluster";
        var back = await admin.SubmitFormAsync($"/Admin/Users/{userId}", fields);
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        var doc = await back.ParseAsync();
        Assert.Equal("Geen zulke cluster", doc.QuerySelector("input#Input_AddCluster")!.GetAttribute("value"));
        Assert.Contains("Geen cluster heet of bevat „Geen zulke cluster”.", doc.QuerySelector("[data-testid=cluster-choice-message]")!.TextContent, StringComparison.Ordinal);
        Assert.Single(doc.QuerySelectorAll("[data-testid=cluster-choices] input[checked]"));
        Assert.Equal(2, await app.WithDbAsync(db => db.UserClusterScopes.CountAsync(s => s.UserId == userId)));
    }

    /// <summary>The header's language switch (it keeps the person's preference: switch back).</summary>
    private static Task<HttpResponseMessage> SwitchAsync(HttpClient client, string culture) =>
        client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/" }, f => f.GetAttribute("action") == "/culture");
}
