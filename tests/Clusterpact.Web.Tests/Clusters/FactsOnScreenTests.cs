namespace Clusterpact.Web.Tests.Clusters;

/// <summary>
/// What the cluster, agreement and organisation pages say is what the records say (issue 17, "figures a minister can
/// repeat"): no "nog 0 j. 0 d." for a limit that has passed, a support start from the agreements when the register has
/// none, and the two-year rule named when it keeps a class that a year's figures contradict.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class FactsOnScreenTests(ClusterpactApp app)
{
    [Fact]
    public async Task A_passed_aid_limit_says_so_instead_of_zero_years_and_days_left()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var doc = await officer.GetDocumentAsync("/Agreements?size=100");
        var texts = doc.QuerySelectorAll("[data-testid=time-left]").Select(e => e.TextContent.Trim()).ToList();
        Assert.NotEmpty(texts);
        Assert.DoesNotContain("nog 0 j. 0 d.", texts);
        Assert.Contains("grens voorbij", texts);
    }

    [Fact]
    public async Task A_network_without_register_dates_shows_its_first_agreement_as_the_start_of_support()
    {
        var (id, first) = await app.WithDbAsync(async db =>
        {
            var networks = await db.Clusters.AsNoTracking().Where(c => c.SupportStart == null).Select(c => c.Id).ToListAsync();
            var agreement = (await db.SupportAgreements.AsNoTracking().ToListAsync()).Where(a => networks.Contains(a.ClusterId)).OrderBy(a => a.ClusterId).First();
            return (agreement.ClusterId, agreement.Terms.Min(t => t.Start));
        });
        var officer = await app.SignedInAsync(Emails.Officer);
        var start = (await officer.GetDocumentAsync($"/Clusters/{id}")).QuerySelector("[data-testid=support-start]")!.TextContent;
        Assert.Contains(first.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture), start, StringComparison.Ordinal);
        Assert.Contains("eerste steunovereenkomst", start, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_class_kept_by_the_two_year_rule_is_explained_by_that_rule()
    {
        var id = await app.WithDbAsync(async db =>
        {
            var org = new Organisation("Tweejarenregel BV", OrganisationKind.Company, null, "NL", false);
            org.RecordFigures(2023, 5, 1_000_000m, 1_000_000m);   // micro
            org.RecordFigures(2024, 30, 5_000_000m, 5_000_000m);  // small by its figures, still micro (first year above)
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            return org.Id;
        });
        var officer = await app.SignedInAsync(Emails.Officer);
        var rows = (await officer.GetDocumentAsync($"/Organisations/{id}")).QuerySelectorAll("[data-testid=figures-by-year] tbody tr").ToList();
        var reason2024 = rows.Single(r => r.Children[0].TextContent.Trim() == "2024").QuerySelector("[data-testid=size-reason]")!.TextContent;
        Assert.Contains("De klasse blijft", reason2024, StringComparison.Ordinal);
        Assert.Contains("twee opeenvolgende boekjaren", reason2024, StringComparison.Ordinal);
        var reason2023 = rows.Single(r => r.Children[0].TextContent.Trim() == "2023").QuerySelector("[data-testid=size-reason]")!.TextContent;
        Assert.DoesNotContain("De klasse blijft", reason2023, StringComparison.Ordinal);
    }
}
