using Clusterpact.Web.Features.Agreements;
using Clusterpact.Web.Features.Shared;

namespace Clusterpact.Web.Tests.Dashboard;

/// <summary>The programme dashboard's figures against the database, read by the test's own queries, and who may see it.</summary>
[Collection(AppCollection.Name)]
public sealed class DashboardTests(ClusterpactApp app)
{
    private static readonly CultureInfo Nl = new("nl-BE");

    [Fact]
    public async Task Clusters_money_members_evaluations_and_deadlines_are_the_datas()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var doc = await reader.GetDocumentAsync("/Dashboard");
        var today = app.Today;
        var year = today.Year;
        var expected = await app.WithDbAsync(async db =>
        {
            var clusters = await db.Clusters.AsNoTracking().Select(c => new { c.Type, c.Status }).ToListAsync();
            var granted = (await db.AgreementYears.AsNoTracking().ToListAsync()).Where(y => y.YearStart.Year == year).Sum(y => y.GrantedAid);
            var paid = (await db.AidPayments.AsNoTracking().Where(p => p.Status == PaymentStatus.Paid).ToListAsync()).Where(p => p.PaidOn!.Value.Year == year).Sum(p => p.AmountEur);
            var envelopes = (await db.FundEnvelopes.AsNoTracking().ToListAsync()).Where(e => e.Year == year).Sum(e => e.Amount);
            var yearEnd = new DateOnly(year - 1, 12, 31);
            var members = (await db.Memberships.AsNoTracking().ToListAsync()).Where(m => m.From <= yearEnd && (m.Until == null || m.Until >= yearEnd)).Select(m => m.OrganisationId).Distinct().Count();
            var stages = (await db.Evaluations.AsNoTracking().ToListAsync()).GroupBy(e => e.Stage).ToDictionary(g => g.Key.ToString(), g => g.Count());
            var reports = (await db.AnnualReports.AsNoTracking().ToListAsync()).Count(r => r.DeadlineOn(today) is DeadlineState.DueSoon or DeadlineState.Overdue);
            return (Clusters: clusters, Granted: granted, Paid: paid, Envelopes: envelopes, Members: members, Stages: stages, Reports: reports);
        });

        foreach (var row in doc.QuerySelectorAll("[data-testid=clusters] tbody tr"))
            foreach (var cell in row.QuerySelectorAll("td[data-status]"))
                Assert.Equal(expected.Clusters.Count(c => c.Type.ToString() == row.GetAttribute("data-type") && c.Status.ToString() == cell.GetAttribute("data-status")).ToString(Nl), cell.TextContent.Trim());
        Assert.Equal(expected.Clusters.Count, doc.QuerySelectorAll("[data-testid=clusters] tbody tr").Sum(r => int.Parse(r.Children[^1].TextContent, Nl)));

        var money = doc.QuerySelector($"[data-testid=money] tr[data-year='{year}']")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray();
        Assert.True(expected.Granted > 0 && expected.Paid > 0);
        Assert.Equal([expected.Granted.ToString("C2", Nl), expected.Paid.ToString("C2", Nl), expected.Envelopes.ToString("C2", Nl)], money[..3]);

        var members = doc.QuerySelector($"[data-testid=members] tr[data-year='{year - 1}'] td")!.TextContent.Trim();
        Assert.Equal(expected.Members.ToString("N0", Nl), members);

        foreach (var row in doc.QuerySelectorAll("[data-testid=evaluation-stages] tbody tr"))
            Assert.Equal(expected.Stages.GetValueOrDefault(row.GetAttribute("data-stage")!), int.Parse(row.Children[1].TextContent, Nl));

        Assert.True(expected.Reports > 0, "the demo's last annual reports are still drafts");
        var reportsDue = await reader.GetDocumentAsync($"/Agreements/Deadlines?kind=ReportDue&size={Paging.MaxPageSize}");
        Assert.Equal(expected.Reports, reportsDue.QuerySelectorAll("[data-testid=deadline-table] tr[data-kind=ReportDue]").Length);
    }

    /// <summary>
    /// Issue 18: at EU size the deadlines are thousands (a row per cluster's deadline, 692 KB of the dashboard). The
    /// dashboard shows the nearest few, the late ones first, with how many there are and a link to the whole list,
    /// whose pages hold the rest.
    /// </summary>
    [Fact]
    public async Task The_dashboard_shows_the_nearest_deadlines_late_first_and_links_to_the_whole_list_whose_pages_have_the_rest()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var today = app.Today;
        var all = await AllDeadlinesAsync(reader);
        Assert.True(all.Count > ListDeadlines.NearestCount, $"the demo has {all.Count} deadlines, more than the dashboard shows");
        Assert.Contains(all, d => d.Date < today);
        Assert.Contains(all, d => d.Date >= today);

        var doc = await reader.GetDocumentAsync("/Dashboard");
        var shown = Deadlines(doc.QuerySelector("[data-testid=deadlines]")!);
        Assert.Equal(all.Take(ListDeadlines.NearestCount), shown);
        Assert.Equal(shown.OrderBy(d => d.Date >= today).ThenBy(d => d.Date), shown); // the late ones first, then by date
        var late = all.Count(d => d.Date < today);
        Assert.Equal($"{all.Count} termijnen, waarvan {late} verstreken.", doc.QuerySelector("[data-testid=deadline-count]")!.TextContent.Trim());
        Assert.Equal("/Agreements/Deadlines", doc.QuerySelector("[data-testid=all-deadlines]")!.GetAttribute("href"));

        // The whole list, page by page: the first page starts with what the dashboard shows, the second has the next rows.
        var first = Deadlines(await reader.GetDocumentAsync("/Agreements/Deadlines?size=" + ListDeadlines.NearestCount));
        var second = Deadlines(await reader.GetDocumentAsync($"/Agreements/Deadlines?size={ListDeadlines.NearestCount}&p=2"));
        Assert.Equal(shown, first);
        Assert.Equal(all.Skip(ListDeadlines.NearestCount).Take(ListDeadlines.NearestCount), second);
        var onlyLate = await reader.GetDocumentAsync($"/Agreements/Deadlines?late=true&size={Paging.MaxPageSize}");
        Assert.Equal(all.Where(d => d.Date < today), Deadlines(onlyLate));
    }

    /// <summary>Every deadline the reader sees, from the list's pages of the largest size.</summary>
    private static async Task<IReadOnlyList<(DateOnly Date, string Cluster, string Kind)>> AllDeadlinesAsync(HttpClient client)
    {
        var rows = new List<(DateOnly, string, string)>();
        for (var page = 1; ; page++)
        {
            var doc = await client.GetDocumentAsync($"/Agreements/Deadlines?size={Paging.MaxPageSize}&p={page}");
            rows.AddRange(Deadlines(doc));
            if (doc.QuerySelector("nav .pagination a[rel=next]") is null) return rows;
        }
    }

    private static IReadOnlyList<(DateOnly Date, string Cluster, string Kind)> Deadlines(AngleSharp.Dom.IParentNode table) =>
        table.QuerySelectorAll("tbody tr[data-kind]").Select(r => (DateOnly.ParseExact(r.Children[0].ChildNodes[0].TextContent.Trim(), "dd-MM-yyyy", CultureInfo.InvariantCulture),
            r.Children[1].TextContent.Trim(), r.GetAttribute("data-kind")!)).ToList();

    [Fact]
    public async Task Only_agency_staff_and_readers_see_the_dashboard()
    {
        Assert.Equal(HttpStatusCode.OK, (await (await app.SignedInAsync(Emails.Officer)).GetAsync("/Dashboard")).StatusCode);
        await app.AllDeniedAsync([Emails.Flux50Manager, Emails.Expert2, Emails.Applicant], "/Dashboard");
        AccessAssert.SentToSignIn(await app.Anonymous().GetAsync("/Dashboard"));
    }
}
