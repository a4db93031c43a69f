namespace Clusterpact.Web.Tests.Agreements;

[Collection(AppCollection.Name)]
public sealed class OverviewTests(ClusterpactApp app)
{
    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    [Fact]
    public async Task Money_granted_and_paid_this_year_and_the_coming_deadlines_per_cluster()
    {
        var today = app.Today;
        var officer = await app.SignedInAsync(Emails.Officer);
        var admin = await app.SignedInAsync(Emails.Admin);
        var id = await app.ClusterIdAsync("Flanders' FOOD");
        var agreement = await app.WithDbAsync(db => db.SupportAgreements.Where(a => a.ClusterId == id).Select(a => a.Id).SingleAsync());
        var url = $"/Clusters/{id}/Agreements/{agreement}/Budget";
        // The demo budgets every working year; this year's started on 1 January. A payment of 100.000 is added to what was paid.
        var yearStart = new DateOnly(today.Year, 1, 1);
        var seeded = await app.WithDbAsync(db => db.AgreementYears.Where(y => y.AgreementId == agreement && y.YearStart == yearStart).Select(y => new { y.Id, y.GrantedAid }).SingleAsync());
        var (year, granted) = (seeded.Id, seeded.GrantedAid);
        var yearEnd = new DateOnly(today.Year, 12, 31);
        var paidBefore = (await app.WithDbAsync(db => db.AidPayments.Where(p => p.AgreementId == agreement && p.Status == Domain.Funding.PaymentStatus.Paid).ToListAsync()))
            .Where(p => p.PaidOn >= yearStart && p.PaidOn <= yearEnd).Sum(p => p.AmountEur);
        await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["yearId"] = year.ToString(), ["amount"] = "100000" }, f => Handler(f, "Payment"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new Dictionary<string, string>(), f => Handler(f, "Step") && f.QuerySelector("input[name=step]")?.GetAttribute("value") == Domain.Funding.AidPayment.Approve)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new Dictionary<string, string>(), f => Handler(f, "Step") && f.QuerySelector("input[name=step]")?.GetAttribute("value") == Domain.Funding.AidPayment.MarkPaid)).StatusCode);

        var doc = await officer.GetDocumentAsync("/Agreements?type=SpearheadCluster");
        var cells = doc.QuerySelector($"tr[data-cluster='{id}']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.Equal("31-12-2027", cells[2]);
        Assert.StartsWith("31-12-2027", cells[3], StringComparison.Ordinal);
        var nl = new CultureInfo("nl-BE");
        Assert.Equal(granted.ToString("C2", nl), cells[4]);
        Assert.Equal((paidBefore + 100_000m).ToString("C2", nl), cells[5]);

        // The 10-year limit of the first-wave clusters (31-12-2026) is listed when it falls within 90 days: in the list of
        // all deadlines, which the overview links to under the nearest few.
        Assert.Equal("/Agreements/Deadlines", doc.QuerySelector("[data-testid=all-deadlines]")!.GetAttribute("href"));
        var deadlines = (await officer.GetDocumentAsync("/Agreements/Deadlines?search=catalisti&kind=AidLimit")).QuerySelector("[data-testid=deadline-table]")!.TextContent;
        var withinHorizon = new DateOnly(2026, 12, 31).DayNumber - today.DayNumber is >= 0 and <= 90;
        Assert.Equal(withinHorizon, deadlines.Contains("Catalisti", StringComparison.Ordinal) && deadlines.Contains("Einde 10 jaar", StringComparison.Ordinal));

        var csv = await officer.GetStringAsync("/Agreements?handler=Export&format=csv&type=SpearheadCluster");
        Assert.Contains(csv.Split("\r\n"), l => l.StartsWith("Flanders' FOOD;Speerpuntcluster;", StringComparison.Ordinal) && l.Contains($";{granted.ToString("0.##", nl)};{(paidBefore + 100_000m).ToString("0.##", nl)};", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_overview_is_scoped_and_refused_to_experts()
    {
        var manager = await app.SignedInAsync(Emails.Flux50Manager);
        var rows = (await manager.GetDocumentAsync("/Agreements")).QuerySelectorAll("[data-testid=overview] tbody tr");
        Assert.Equal(["Flux50"], rows.Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        // The deadlines too: the manager's own cluster's, not the programme's kept list.
        var officerDeadlines = (await (await app.SignedInAsync(Emails.Officer)).GetDocumentAsync($"/Agreements/Deadlines?size={Clusterpact.Web.Features.Shared.Paging.MaxPageSize}"))
            .QuerySelectorAll("[data-testid=deadline-table] tbody tr[data-kind] td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        var managerDeadlines = (await manager.GetDocumentAsync($"/Agreements/Deadlines?size={Clusterpact.Web.Features.Shared.Paging.MaxPageSize}"))
            .QuerySelectorAll("[data-testid=deadline-table] tbody tr[data-kind] td:nth-child(2)").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains(officerDeadlines, c => c != "Flux50");
        Assert.Equal(officerDeadlines.Where(c => c == "Flux50"), managerDeadlines);
        var expert = await app.SignedInAsync(Emails.Expert);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.GetAsync("/Agreements")).StatusCode);
        var reader = await app.SignedInAsync(Emails.Reader);
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/Agreements")).StatusCode);
    }

    /// <summary>
    /// The overview reads each cluster's agreements whole (the aid window's rule needs their terms and amendments): one
    /// query per owned list, not one query that joins both and multiplies the terms by the amendments (EF's
    /// MultipleCollectionIncludeWarning, logged at start by the dashboard and by /Agreements). A manager's overview is
    /// computed per request, so the read is seen.
    /// </summary>
    [Fact]
    public async Task The_overview_reads_terms_and_amendments_in_queries_of_their_own()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        using (app.Sql.Record())
            Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/Agreements")).StatusCode);
        var commands = app.Sql.Commands;
        Assert.Contains(commands, c => c.Contains("agreement_terms", StringComparison.Ordinal));
        Assert.DoesNotContain(commands, c => c.Contains("agreement_terms", StringComparison.Ordinal) && c.Contains("agreement_amendments", StringComparison.Ordinal));
    }
}
