namespace Clusterpact.Web.Tests.Projects;

/// <summary>
/// Projects and earmarked funds through HTTP: a cluster manager proposes for their own cluster, the agency approves
/// and the aid is committed on the envelope (never beyond it), the roles are refused what is not theirs, and a
/// project list imports all good rows or none. Each test uses its own far-future year so tests do not share envelopes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ProjectTests(ClusterpactApp app)
{
    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    /// <summary>The decision form (approve or reject, with its note).</summary>
    private static bool Decision(AngleSharp.Html.Dom.IHtmlFormElement f) => Handler(f, "Step") && f.QuerySelector("#Note") is not null;

    /// <summary>The button form of one lifecycle step.</summary>
    private static bool StepForm(AngleSharp.Html.Dom.IHtmlFormElement f, string step) => Handler(f, "Step") && f.QuerySelector("input[name=step]")?.GetAttribute("value") == step;

    private Task<string> CompanyOfAsync(string cluster, int skip = 0) => app.WithDbAsync(async db =>
    {
        var id = await db.Clusters.Where(c => c.Name == cluster).Select(c => c.Id).SingleAsync();
        return (await db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Company && o.EnterpriseNumber != null && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == id))
            .OrderBy(o => o.EnterpriseNumber).Skip(skip).Select(o => o.EnterpriseNumber!).FirstAsync());
    });

    private async Task<Guid> ProposeAsync(HttpClient client, Guid cluster, string title, int year, string aid, string budget = "1.000.000")
    {
        var response = await client.SubmitFormAsync("/Projects/New", new Dictionary<string, string>
        {
            ["Input.LeadEnterpriseNumber"] = await CompanyOfAsync("Catalisti"), ["Input.Type"] = "Collaboration", ["Input.Title"] = title, ["Input.Theme"] = "CircularEconomy",
            ["Input.Start"] = $"{year}-02-01", ["Input.End"] = $"{year + 2}-01-31", ["Input.TrlStart"] = "3", ["Input.TrlTarget"] = "6",
            ["Input.TotalBudget"] = budget, ["Input.Aid"] = aid, ["Input.ClusterIds"] = cluster.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<Guid> OpenEnvelopeAsync(HttpClient officer, Guid cluster, int year, string amount)
    {
        var opened = await officer.SubmitFormAsync("/Funds", new Dictionary<string, string>
        {
            ["Kind"] = "ClusterEarmarked", ["Input.ClusterId"] = cluster.ToString(), ["NewYear"] = year.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Amount"] = amount,
        });
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        return await app.WithDbAsync(db => db.FundEnvelopes.Where(e => e.ClusterId == cluster && e.Year == year).Select(e => e.Id).SingleAsync());
    }

    private Task<FundEnvelope> EnvelopeAsync(Guid id) => app.WithDbAsync(db => db.FundEnvelopes.AsNoTracking().SingleAsync(e => e.Id == id));

    private Task<Project> ProjectAsync(Guid id) => app.WithDbAsync(db => db.Projects.AsNoTracking().SingleAsync(p => p.Id == id));

    [Fact]
    public async Task The_api_gives_a_manager_only_their_clusters_projects_and_envelopes()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        using var projects = System.Text.Json.JsonDocument.Parse(await manager.GetStringAsync("/api/v1/projects?limit=200"));
        var items = projects.RootElement.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        var ids = items.Select(i => i.GetProperty("id").GetGuid()).ToList();
        var clustersOf = await app.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).ToListAsync());
        Assert.All(clustersOf, p => Assert.Contains(catalisti, p.ClusterIds));
        using var funds = System.Text.Json.JsonDocument.Parse(await manager.GetStringAsync("/api/v1/funds"));
        Assert.All(funds.RootElement.GetProperty("items").EnumerateArray(), e => Assert.Equal(catalisti, e.GetProperty("clusterId").GetGuid()));
    }

    [Fact]
    public async Task Anonymous_is_sent_to_sign_in()
    {
        foreach (var path in new[] { "/Projects", "/Funds", "/Projects/Figures" })
        {
            var response = await app.Anonymous().GetAsync(path);
            AccessAssert.SentToSignIn(response);
        }
    }

    [Fact]
    public async Task A_manager_proposes_for_their_cluster_and_the_agency_approves_which_commits_the_aid_on_the_envelope()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var officer = await app.SignedInAsync(Emails.Officer);
        var envelope = await OpenEnvelopeAsync(officer, catalisti, 2031, "8.000.000");

        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var id = await ProposeAsync(manager, catalisti, "Bio-aromaten uit lignine", 2031, "600.000,50");
        var proposed = await ProjectAsync(id);
        Assert.Equal((ProjectStatus.Proposed, 600_000.50m, 1_000_000m), (proposed.Status, proposed.Aid, proposed.TotalBudget));

        // The manager cannot decide; the page does not offer it and a posted decision is refused.
        var page = await manager.GetDocumentAsync($"/Projects/{id}");
        Assert.Null(page.QuerySelector("form[action*='handler=Step']"));
        var token = page.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("input[name=__RequestVerificationToken]")!.Value;
        var forged = await manager.PostFormRawAsync($"/Projects/{id}?handler=Step", new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Version"] = proposed.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), ["step"] = "Approve",
        });
        Assert.NotEqual(HttpStatusCode.OK, forged.StatusCode);
        Assert.Equal(ProjectStatus.Proposed, (await ProjectAsync(id)).Status);

        var approved = await officer.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string> { ["step"] = "Approve", ["Reason"] = "Past in de roadmap" }, Decision);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(ProjectStatus.Approved, (await ProjectAsync(id)).Status);
        var e = await EnvelopeAsync(envelope);
        Assert.Equal((600_000.50m, 7_399_999.50m), (e.Committed, e.Remaining));
        // Who decided and on which day, as the audit trail recorded the approval.
        var officerName = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Officer).Select(u => u.DisplayName).SingleAsync());
        var decided = (await manager.GetDocumentAsync($"/Projects/{id}")).QuerySelector("[data-testid=project-decided]")!.TextContent.Trim();
        Assert.Equal($"{officerName} op {app.Today:dd-MM-yyyy}", decided);

        // After the decision the manager can no longer edit.
        Assert.Equal(HttpStatusCode.Redirect, (await manager.GetAsync($"/Projects/{id}/Edit")).StatusCode);
        var funds = await officer.GetDocumentAsync($"/Funds/{envelope}");
        Assert.Contains("Bio-aromaten uit lignine", funds.QuerySelector("[data-testid=uses]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approval_beyond_the_envelope_is_refused_and_changes_nothing()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var officer = await app.SignedInAsync(Emails.Officer);
        var envelope = await OpenEnvelopeAsync(officer, catalisti, 2032, "500.000");
        var first = await ProposeAsync(officer, catalisti, "Eerste project 2032", 2032, "400.000");
        var second = await ProposeAsync(officer, catalisti, "Tweede project 2032", 2032, "100.000,01");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync($"/Projects/{first}", new Dictionary<string, string> { ["step"] = "Approve" }, Decision)).StatusCode);

        var refused = await officer.SubmitFormAsync($"/Projects/{second}", new Dictionary<string, string> { ["step"] = "Approve", ["Reason"] = "Mijn motivering" }, Decision);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var doc = await refused.ParseAsync();
        Assert.Contains("overschrijden", doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Mijn motivering", doc.QuerySelector("#Note")!.TextContent);
        Assert.Equal(ProjectStatus.Proposed, (await ProjectAsync(second)).Status);
        Assert.Equal(400_000m, (await EnvelopeAsync(envelope)).Committed);
    }

    [Fact]
    public async Task Approving_without_an_envelope_for_the_start_year_is_refused()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var officer = await app.SignedInAsync(Emails.Officer);
        var id = await ProposeAsync(officer, catalisti, "Zonder enveloppe", 2039, "10.000");
        var refused = await officer.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string> { ["step"] = "Approve" }, Decision);
        Assert.Contains("geen enveloppe", (await refused.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(ProjectStatus.Proposed, (await ProjectAsync(id)).Status);
    }

    [Fact]
    public async Task Stopping_a_project_gives_back_what_was_not_paid()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var officer = await app.SignedInAsync(Emails.Officer);
        var envelope = await OpenEnvelopeAsync(officer, catalisti, 2033, "1.000.000");
        var id = await ProposeAsync(officer, catalisti, "Stopgezet project", 2033, "300.000");
        await officer.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string> { ["step"] = "Approve" }, Decision);
        var paid = await officer.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string> { ["Amount"] = "120.000" }, f => Handler(f, "Pay"));
        Assert.Equal(HttpStatusCode.Redirect, paid.StatusCode);
        var tooMuch = await officer.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string> { ["Amount"] = "180.000,01" }, f => Handler(f, "Pay"));
        Assert.Equal(HttpStatusCode.OK, tooMuch.StatusCode);

        var released = await officer.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string> { ["Release"] = "30.000" }, f => Handler(f, "Release"));
        Assert.Equal(HttpStatusCode.Redirect, released.StatusCode);
        Assert.Equal(270_000m, (await EnvelopeAsync(envelope)).Committed);
        var beyondPaid = await officer.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string> { ["Release"] = "150.000,01" }, f => Handler(f, "Release"));
        Assert.Contains("betaald", (await beyondPaid.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);

        var noReason = await officer.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string>(), f => StepForm(f, "Stop"));
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var stopped = await officer.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string> { ["reason"] = "Partner failliet" }, f => StepForm(f, "Stop"));
        Assert.Equal(HttpStatusCode.Redirect, stopped.StatusCode);
        var e = await EnvelopeAsync(envelope);
        Assert.Equal((120_000m, 120_000m, 880_000m), (e.Committed, e.Paid, e.Remaining));
        Assert.Equal(ProjectStatus.Stopped, (await ProjectAsync(id)).Status);
    }

    [Fact]
    public async Task A_manager_neither_proposes_for_nor_sees_another_cluster()
    {
        var flux = await app.ClusterIdAsync("Flux50");
        var officer = await app.SignedInAsync(Emails.Officer);
        var fluxProject = await ProposeAsync(officer, flux, "Flux-only project", 2034, "0");
        var fluxEnvelope = await OpenEnvelopeAsync(officer, flux, 2034, "1.000.000");

        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Projects/{fluxProject}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Funds/{fluxEnvelope}")).StatusCode);
        var list = await manager.GetDocumentAsync("/Projects?search=Flux-only");
        Assert.Empty(list.QuerySelectorAll("[data-project]"));

        var attempt = await manager.SubmitFormAsync("/Projects/New", new Dictionary<string, string>
        {
            ["Input.LeadEnterpriseNumber"] = await CompanyOfAsync("Catalisti"), ["Input.Type"] = "Collaboration", ["Input.Title"] = "Not mine",
            ["Input.Start"] = "2034-01-01", ["Input.End"] = "2035-01-01", ["Input.TotalBudget"] = "1000", ["Input.ClusterIds"] = flux.ToString(),
        });
        // Refused next to the field, with the form and what was typed kept (not an access-denied page).
        Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        var refused = await attempt.ParseAsync();
        Assert.Contains("minstens één cluster waarvoor u optreedt", refused.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Not mine", refused.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Title")!.Value);
        Assert.False(await app.WithDbAsync(db => db.Projects.AnyAsync(p => p.Title == "Not mine")));

        // Nor does a manager open envelopes.
        var page = await manager.GetDocumentAsync("/Funds");
        Assert.Null(page.QuerySelector("form[method=post] #Amount"));
    }

    [Fact]
    public async Task A_form_with_bad_input_explains_and_keeps_what_was_typed()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var response = await manager.SubmitFormAsync("/Projects/New", new Dictionary<string, string>
        {
            ["Input.LeadEnterpriseNumber"] = "0403.170.702", ["Input.Type"] = "Intercluster", ["Input.Title"] = "Te klein consortium",
            ["Input.Start"] = "2030-01-01", ["Input.End"] = "2031-01-01", ["Input.TotalBudget"] = "veel", ["Input.Aid"] = "10", ["Input.ClusterIds"] = catalisti.ToString(),
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.Contains("geen geldig bedrag", doc.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Te klein consortium", doc.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_Title")!.Value);
        Assert.Equal("veel", doc.QuerySelector<AngleSharp.Html.Dom.IHtmlInputElement>("#Input_TotalBudget")!.Value);

        var intercluster = await manager.SubmitFormAsync("/Projects/New", new Dictionary<string, string>
        {
            ["Input.LeadEnterpriseNumber"] = await CompanyOfAsync("Catalisti"), ["Input.Type"] = "Intercluster", ["Input.Title"] = "Te klein consortium",
            ["Input.Start"] = "2030-01-01", ["Input.End"] = "2031-01-01", ["Input.TotalBudget"] = "1.000", ["Input.Aid"] = "10", ["Input.ClusterIds"] = catalisti.ToString(),
        });
        Assert.Contains("minstens twee clusters", (await intercluster.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stale_edit_is_refused_instead_of_overwriting()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var id = await ProposeAsync(manager, catalisti, "Gelijktijdig bewerkt", 2035, "1.000");
        var stale = await manager.GetDocumentAsync($"/Projects/{id}/Edit");
        var officer = await app.SignedInAsync(Emails.Officer);
        var fresh = await officer.GetDocumentAsync($"/Projects/{id}/Edit");
        Assert.Equal(HttpStatusCode.Redirect, (await officer.PostFormRawAsync($"/Projects/{id}/Edit", AllFields(fresh, "Input.Title", "Eerst bewaard"))).StatusCode);

        var late = await manager.PostFormRawAsync($"/Projects/{id}/Edit", AllFields(stale, "Input.Title", "Later bewaard"));
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        Assert.Contains("gewijzigd", (await late.ParseAsync()).QuerySelector("#error-summary")!.TextContent, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Eerst bewaard", (await ProjectAsync(id)).Title);
    }

    [Fact]
    public async Task Partners_count_as_companies_but_knowledge_institutions_do_not()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var id = await ProposeAsync(manager, catalisti, "Consortium opbouwen", 2036, "1.000");
        var institute = await app.WithDbAsync(db => db.Organisations.Where(o => o.Kind == OrganisationKind.KnowledgeInstitution && o.EnterpriseNumber != null).Select(o => o.EnterpriseNumber!).FirstAsync());
        foreach (var number in new[] { await CompanyOfAsync("Catalisti", 1), institute })
        {
            var added = await manager.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string> { ["EnterpriseNumber"] = number, ["Role"] = "Partner", ["BudgetShare"] = "100" }, f => Handler(f, "Partner"));
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        }
        var page = await manager.GetDocumentAsync($"/Projects/{id}");
        Assert.Equal("2", page.QuerySelector("[data-testid=companies]")!.TextContent.Trim());
        await manager.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string> { ["EnterpriseNumber"] = await CompanyOfAsync("Catalisti", 2), ["Role"] = "Partner" }, f => Handler(f, "Partner"));
        page = await manager.GetDocumentAsync($"/Projects/{id}");
        Assert.Equal("3", page.QuerySelector("[data-testid=companies]")!.TextContent.Trim());
        Assert.Contains("≥ 3", page.QuerySelector(".stat .badge")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(4, (await ProjectAsync(id)).Partners.Count);
    }

    [Fact]
    public async Task A_partner_from_another_cluster_shows_only_what_the_public_register_shows()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var flux = await app.ClusterIdAsync("Flux50");
        // A company of Flux50 that is no member of Catalisti, with a size class on record.
        var outsider = await app.WithDbAsync(db => db.Organisations.AsNoTracking()
            .Where(o => o.Kind == OrganisationKind.Company && o.EnterpriseNumber != null && o.SizeClass != null
                && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == flux) && !db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti))
            .OrderBy(o => o.EnterpriseNumber).FirstAsync());
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var id = await ProposeAsync(manager, catalisti, "Samen met een buur", 2037, "1.000");
        var added = await manager.SubmitFormAsync($"/Projects/{id}", new Dictionary<string, string> { ["EnterpriseNumber"] = outsider.EnterpriseNumber!, ["Role"] = "Partner", ["BudgetShare"] = "100" }, f => Handler(f, "Partner"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var page = await manager.GetDocumentAsync($"/Projects/{id}");
        var row = page.QuerySelectorAll("[data-testid=partners] tbody tr").Single(r => r.TextContent.Contains(outsider.Name, StringComparison.Ordinal));
        var cells = row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        // Name and enterprise number, as the KBO shows them; not the kind, not the size class, no link to the member record.
        Assert.Contains(outsider.Name, cells[0], StringComparison.Ordinal);
        Assert.Equal("–", cells[1]);
        Assert.Equal("–", cells[2]);
        Assert.Null(row.QuerySelector($"a[href='/Organisations/{outsider.Id}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Organisations/{outsider.Id}")).StatusCode);

        // The agency sees the whole record.
        var officer = await app.SignedInAsync(Emails.Officer);
        var agencyRow = (await officer.GetDocumentAsync($"/Projects/{id}")).QuerySelectorAll("[data-testid=partners] tbody tr").Single(r => r.TextContent.Contains(outsider.Name, StringComparison.Ordinal));
        Assert.NotNull(agencyRow.QuerySelector($"a[href='/Organisations/{outsider.Id}']"));
        Assert.NotEqual("–", agencyRow.QuerySelectorAll("td")[2].TextContent.Trim());
    }

    /// <summary>Every field of the page's post form as the browser would send it, with one field changed.</summary>
    private static List<KeyValuePair<string, string>> AllFields(AngleSharp.Html.Dom.IHtmlDocument doc, string name, string value)
    {
        var form = doc.Forms.Single(f => f.Method == "post" && string.IsNullOrEmpty(f.GetAttribute("action")));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var e in form.Elements)
        {
            switch (e)
            {
                case AngleSharp.Html.Dom.IHtmlInputElement i when !string.IsNullOrEmpty(i.Name) && (i.Type is not ("checkbox" or "radio") || i.IsChecked):
                    fields.Add(new(i.Name!, i.Name == name ? value : i.Value)); break;
                case AngleSharp.Html.Dom.IHtmlSelectElement sel when !string.IsNullOrEmpty(sel.Name): fields.Add(new(sel.Name!, sel.Value ?? "")); break;
                case AngleSharp.Html.Dom.IHtmlTextAreaElement t when !string.IsNullOrEmpty(t.Name): fields.Add(new(t.Name!, t.Value ?? "")); break;
            }
        }
        return fields;
    }

    [Fact]
    public async Task The_figures_page_counts_an_intercluster_project_once_for_the_programme()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var doc = await officer.GetDocumentAsync("/Projects/Figures?year=2024");
        var facts = await app.WithDbAsync(async db =>
        {
            var projects = await db.Projects.AsNoTracking().ToListAsync();
            var orgs = await db.Organisations.AsNoTracking().Select(o => new PartnerFacts(o.Id, o.Kind, o.SizeClass)).ToDictionaryAsync(o => o.OrganisationId);
            return projects.Select(p => Web.Features.Projects.GetProjectFacts.Facts(p, orgs)).ToList();
        });
        var programme = ProjectFigures.Totals(facts, 2024);
        var clusterRows = facts.Where(f => f.Counts && f.Start.Year == 2024).Sum(f => f.ClusterIds.Count);
        Assert.True(programme.Projects > 0);
        Assert.True(clusterRows > programme.Projects, "the demo data has intercluster projects in 2024");
        var row = doc.QuerySelector("[data-testid=by-cluster] tbody tr:last-child")!;
        Assert.Equal(programme.Projects.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[0].TextContent.Trim());
        Assert.Equal(programme.ThreeCompanyProjects.ToString(System.Globalization.CultureInfo.InvariantCulture), row.QuerySelectorAll("td")[1].TextContent.Trim());
    }
}
