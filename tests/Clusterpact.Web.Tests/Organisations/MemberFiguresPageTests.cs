namespace Clusterpact.Web.Tests.Organisations;

/// <summary>The figures computed in SQL agree with the domain's definitions computed independently in memory.</summary>
[Collection(AppCollection.Name)]
public sealed class MemberFiguresPageTests(ClusterpactApp app)
{
    private static readonly DateOnly On = new(2019, 12, 31);

    [Fact]
    public async Task Sql_figures_match_the_domain_definitions_per_cluster_and_for_the_programme()
    {
        var memberships = await app.WithDbAsync(db => db.Memberships.AsNoTracking().Select(m => new MembershipPeriod(m.OrganisationId, m.ClusterId, m.From, m.Until)).ToListAsync());
        var orgs = await app.WithDbAsync(db => db.Organisations.AsNoTracking().Select(o => new OrganisationFacts(o.Id, o.Kind, o.SizeClass, o.InternationallyActive)).ToDictionaryAsync(o => o.Id));
        var catalisti = await app.ClusterIdAsync("Catalisti");

        var officer = await app.SignedInAsync(Emails.Officer);
        var doc = await officer.GetDocumentAsync("/Organisations/Figures?date=2019-12-31");
        string[] Cells(string selector) => doc.QuerySelector(selector)!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();

        var expectedCluster = MemberFigures.On(On, memberships, orgs, catalisti);
        var row = Cells($"tr[data-cluster='{catalisti}']");
        Assert.Equal(Number(expectedCluster.Members), row[0]);
        Assert.Equal(Number(MemberFigures.NewMembersIn(2019, memberships, catalisti)), row[1]);
        Assert.Equal(Percent(expectedCluster.SmeShare), row[2]);
        Assert.Equal(Percent(expectedCluster.SmallShare), row[3]);
        Assert.Equal(Percent(expectedCluster.InternationalShare), row[4]);
        Assert.Equal(Number(expectedCluster.KnowledgeInstitutions), row[5]);

        var programme = MemberFigures.On(On, memberships, orgs);
        var total = Cells("tr[data-cluster='']");
        Assert.Equal(Number(programme.Members), total[0]);
        Assert.Equal(Number(MemberFigures.NewMembersIn(2019, memberships)), total[1]);
        Assert.Equal(Percent(programme.SmeShare), total[2]);
        // Counted once: less than the sum of the clusters, because the demo data has members in several clusters.
        var sumOfClusters = orgs.Count == 0 ? 0 : memberships.Select(m => m.ClusterId).Distinct().Sum(c => MemberFigures.On(On, memberships, orgs, c).Members);
        Assert.True(programme.Members < sumOfClusters);
        Assert.NotNull(doc.QuerySelector("#members-chart"));
        Assert.True(doc.QuerySelectorAll("[data-testid=years-table] tbody tr").Length >= 8);
    }

    [Fact]
    public async Task Every_cluster_row_and_every_year_match_the_domain_and_the_page_asks_a_fixed_number_of_queries()
    {
        var memberships = await app.WithDbAsync(db => db.Memberships.AsNoTracking().Select(m => new MembershipPeriod(m.OrganisationId, m.ClusterId, m.From, m.Until)).ToListAsync());
        var orgs = await app.WithDbAsync(db => db.Organisations.AsNoTracking().Select(o => new OrganisationFacts(o.Id, o.Kind, o.SizeClass, o.InternationallyActive)).ToDictionaryAsync(o => o.Id));
        var clusters = await app.WithDbAsync(db => db.Clusters.AsNoTracking().Select(c => c.Id).ToListAsync());
        var officer = await app.SignedInAsync(Emails.Officer);
        AngleSharp.Dom.IDocument doc;
        using (app.Sql.Record()) doc = await officer.GetDocumentAsync("/Organisations/Figures?date=2019-12-31");
        // Before issue 18's fix the page asked two queries per cluster and two per year (about 90 for the demo's 29
        // clusters); now a few grouped queries and one count per year shown, whatever the number of clusters.
        var yearsShown = doc.QuerySelectorAll("[data-testid=years-table] tbody tr").Length;
        Assert.InRange(app.Sql.Commands.Count, 1, yearsShown + 10);
        foreach (var id in clusters)
        {
            var expected = MemberFigures.On(On, memberships, orgs, id);
            var row = doc.QuerySelector($"tr[data-cluster='{id}']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
            Assert.Equal([Number(expected.Members), Number(MemberFigures.NewMembersIn(2019, memberships, id)), Percent(expected.SmeShare), Percent(expected.SmallShare),
                Percent(expected.InternationalShare), Number(expected.KnowledgeInstitutions)], row[..6]);
        }
        var today = app.Today;
        var years = doc.QuerySelectorAll("[data-testid=years-table] tbody tr").Select(tr => tr.QuerySelectorAll("th, td").Select(td => td.TextContent.Trim()).ToArray()).ToList();
        Assert.NotEmpty(years);
        foreach (var cells in years)
        {
            var year = int.Parse(cells[0], CultureInfo.InvariantCulture);
            var end = year == today.Year ? today : new DateOnly(year, 12, 31);
            Assert.Equal([Number(MemberFigures.On(end, memberships, orgs).Members), Number(MemberFigures.NewMembersIn(year, memberships))], cells[1..3]);
        }
    }

    [Fact]
    public async Task A_cluster_manager_sees_only_their_cluster_and_no_programme_total()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var doc = await manager.GetDocumentAsync("/Organisations/Figures");
        var rows = doc.QuerySelectorAll("[data-testid=figures-table] tbody tr");
        Assert.Single(rows);
        Assert.Contains("Catalisti", rows[0].TextContent, StringComparison.Ordinal);
        var flux = await app.ClusterIdAsync("Flux50");
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Organisations/Figures?cluster={flux}")).StatusCode);
        var expert = await app.SignedInAsync(Emails.Expert);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.GetAsync("/Organisations/Figures")).StatusCode);
    }

    private static string Number(int n) => n.ToString("N0", Web.Infrastructure.Localization.Cultures.Dutch);
    private static string Percent(decimal? share) => share?.ToString("P0", Web.Infrastructure.Localization.Cultures.Dutch) ?? "–";
}
