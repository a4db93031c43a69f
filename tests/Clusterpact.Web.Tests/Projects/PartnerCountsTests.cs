namespace Clusterpact.Web.Tests.Projects;

/// <summary>
/// Issue 17, trust and privacy: a cluster manager sees only the public register's facts of a partner outside their
/// clusters, and no count by kind or size class on the project page or in the project figures includes that partner,
/// so subtracting what the partner table shows from a count cannot give its size class away. The agency counts all.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PartnerCountsTests(ClusterpactApp app)
{
    private const int Year = 2043;

    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    private static bool Decision(AngleSharp.Html.Dom.IHtmlFormElement f) => Handler(f, "Step") && f.QuerySelector("#Note") is not null;

    private static bool IsSme(SizeClass? s) => s is SizeClass.Micro or SizeClass.Small or SizeClass.Medium;

    [Fact]
    public async Task A_foreign_partners_size_class_cannot_be_found_by_difference_on_the_project_page_or_in_the_figures()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var flux = await app.ClusterIdAsync("Flux50");
        var (lead, own, outsider) = await app.WithDbAsync(async db =>
        {
            var ownCompanies = await db.Organisations.AsNoTracking()
                .Where(o => o.Kind == OrganisationKind.Company && o.EnterpriseNumber != null && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti))
                .OrderBy(o => o.EnterpriseNumber).Take(2).ToListAsync();
            // An SME company of Flux50 that is no member of Catalisti.
            var foreign = (await db.Organisations.AsNoTracking()
                .Where(o => o.Kind == OrganisationKind.Company && o.EnterpriseNumber != null
                    && db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == flux) && !db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti))
                .OrderBy(o => o.EnterpriseNumber).ToListAsync()).First(o => IsSme(o.SizeClass));
            return (ownCompanies[0], ownCompanies[1], foreign);
        });

        var officer = await app.SignedInAsync(Emails.Officer);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync("/Funds", new Dictionary<string, string>
        {
            ["Kind"] = "ClusterEarmarked", ["Input.ClusterId"] = catalisti.ToString(), ["NewYear"] = Year.ToString(CultureInfo.InvariantCulture), ["Amount"] = "8.000.000",
        })).StatusCode);

        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var proposed = await manager.SubmitFormAsync("/Projects/New", new Dictionary<string, string>
        {
            ["Input.LeadEnterpriseNumber"] = lead.EnterpriseNumber!, ["Input.Type"] = "Collaboration", ["Input.Title"] = "Met een partner van elders", ["Input.Theme"] = "CircularEconomy",
            ["Input.Start"] = $"{Year}-02-01", ["Input.End"] = $"{Year + 2}-01-31", ["Input.TrlStart"] = "3", ["Input.TrlTarget"] = "6",
            ["Input.TotalBudget"] = "1.000.000", ["Input.Aid"] = "100.000", ["Input.ClusterIds"] = catalisti.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, proposed.StatusCode);
        var url = proposed.Headers.Location!.OriginalString;
        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["EnterpriseNumber"] = own.EnterpriseNumber!, ["Role"] = "Partner", ["BudgetShare"] = "100" }, f => Handler(f, "Partner"))).StatusCode);

        var before = await manager.GetDocumentAsync(url);
        string Stat(AngleSharp.Html.Dom.IHtmlDocument d, string id) => d.QuerySelector($"[data-testid={id}]")!.TextContent.Trim();
        Assert.Null(before.QuerySelector("[data-testid=not-counted-by-kind]"));

        Assert.Equal(HttpStatusCode.Redirect, (await manager.SubmitFormAsync(url, new Dictionary<string, string> { ["EnterpriseNumber"] = outsider.EnterpriseNumber!, ["Role"] = "Partner", ["BudgetShare"] = "100" }, f => Handler(f, "Partner"))).StatusCode);

        // The manager's counts are what they were: whether the outsider is a company or an SME is not theirs to learn.
        var after = await manager.GetDocumentAsync(url);
        Assert.Equal((Stat(before, "companies"), Stat(before, "smes")), (Stat(after, "companies"), Stat(after, "smes")));
        Assert.Equal("1 partner(s) buiten uw clusters tellen hier niet mee als bedrijf of kmo: hun soort en grootte zijn niet uw gegevens.", Stat(after, "not-counted-by-kind"));
        var row = after.QuerySelectorAll("[data-testid=partners] tbody tr").Single(r => r.TextContent.Contains(outsider.Name, StringComparison.Ordinal));
        Assert.Equal(["–", "–"], row.QuerySelectorAll("td").Skip(1).Take(2).Select(c => c.TextContent.Trim()));

        // The agency counts every partner by its record.
        var agency = await officer.GetDocumentAsync(url);
        Assert.Equal(int.Parse(Stat(before, "companies"), CultureInfo.InvariantCulture) + 1, int.Parse(Stat(agency, "companies"), CultureInfo.InvariantCulture));
        Assert.Equal(int.Parse(Stat(before, "smes"), CultureInfo.InvariantCulture) + 1, int.Parse(Stat(agency, "smes"), CultureInfo.InvariantCulture));
        Assert.Null(agency.QuerySelector("[data-testid=not-counted-by-kind]"));

        // Approved, the project is in the figures of its start year: the manager's SME count leaves the outsider out too.
        Assert.Equal(HttpStatusCode.Redirect, (await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["step"] = "Approve", ["Reason"] = "Past in de roadmap" }, Decision)).StatusCode);
        static string[] CatalistiRow(AngleSharp.Html.Dom.IHtmlDocument d, Guid cluster) =>
            d.QuerySelector($"[data-testid=by-cluster] tr[data-cluster='{cluster}']")!.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray();
        var ownSmes = new[] { lead, own }.Count(o => IsSme(o.SizeClass));
        var managerFigures = CatalistiRow(await manager.GetDocumentAsync($"/Projects/Figures?year={Year}"), catalisti);
        var agencyFigures = CatalistiRow(await officer.GetDocumentAsync($"/Projects/Figures?year={Year}"), catalisti);
        Assert.Equal(("1", "0", ownSmes.ToString(CultureInfo.InvariantCulture)), (managerFigures[0], managerFigures[1], managerFigures[2]));
        Assert.Equal(("1", "1", (ownSmes + 1).ToString(CultureInfo.InvariantCulture)), (agencyFigures[0], agencyFigures[1], agencyFigures[2]));
    }
}
