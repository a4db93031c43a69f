namespace Clusterpact.Web.Tests.AnswerPack;

/// <summary>
/// Figures a minister can repeat: a report the agency returned (or has not accepted yet) is not counted in the
/// programme's KPIs nor in the goals met, and the pages say which reports were left out; every supported spearhead
/// cluster is counted in the pact answer, and one without an adopted pact is named.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PendingReportsTests(ClusterpactApp app)
{
    [Fact]
    public async Task A_returned_report_is_not_counted_in_goals_or_programme_figures_and_is_named_as_pending()
    {
        // Catalisti's 2025 report, the last complete year on the test clock's day, submitted with 3.100 extra FTE
        // against a target of 50 and returned by the agency (issue 17: "Extra VTE 3.100,0, doel gehaald: Ja").
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var year = app.Today.Year - 1;
        await app.WithDbAsync(async db =>
        {
            db.AnnualReports.RemoveRange(await db.AnnualReports.Where(r => r.ClusterId == catalisti && r.Year == year).ToListAsync());
            var report = AnnualReport.Start(catalisti, year);
            report.SetValue(KpiCatalogue.ExtraTurnover, 7_500_000m, null, null, null);
            report.SetValue(KpiCatalogue.ExtraFte, 3100m, "Telling", null, null);
            report.SetValue(KpiCatalogue.ExtraInvestments, 1_250_000m, null, null, null);
            report.SetValue(KpiCatalogue.MoreCompetitive, 0.35m, null, null, null);
            report.SetValue(KpiCatalogue.EuropeanSmes, 9m, null, null, null);
            report.SetNarrative("Het jaarplan werd uitgevoerd.");
            Assert.True(report.Submit(Actors.ClusterManager, "manager", app.Clock.GetUtcNow()).IsSuccess);
            Assert.True(report.Return(Actors.Agency, "officer", app.Clock.GetUtcNow(), "Extra VTE onderbouwen").IsSuccess);
            db.AnnualReports.Add(report);
            return await db.SaveChangesAsync();
        });

        var reader = await app.SignedInAsync(Emails.Reader);
        var pack = await reader.GetDocumentAsync("/AnswerPack?size=" + Clusterpact.Web.Features.Shared.Paging.MaxPageSize);
        var goals = pack.QuerySelectorAll("[data-testid=goals] tbody tr").Select(r => r.Children.Select(c => c.TextContent.Trim()).ToArray()).ToList();
        // The goal answer for Catalisti's extra FTE falls back on the latest accepted year.
        var catalistiFte = Assert.Single(goals, g => g[0] == "Catalisti" && g[1] == "Extra VTE");
        Assert.Equal((year - 1).ToString(CultureInfo.InvariantCulture), catalistiFte[2]);
        Assert.DoesNotContain(goals, g => g[3] == "3.100,0");
        var pending = pack.QuerySelector("[data-testid=pending-reports]")!.TextContent;
        Assert.Contains($"Catalisti {year}", pending, StringComparison.Ordinal);
        Assert.Contains("Teruggestuurd", pending, StringComparison.Ordinal);
        Assert.Contains($"Catalisti {year} (Teruggestuurd)", pack.QuerySelector("[data-testid=a2]")!.TextContent, StringComparison.Ordinal);

        var dashboard = await reader.GetDocumentAsync("/Dashboard");
        var fte = dashboard.QuerySelector($"[data-testid=kpis] tr[data-kpi='{KpiCatalogue.ExtraFte}']");
        if (fte is not null) Assert.DoesNotContain("3.100", fte.TextContent, StringComparison.Ordinal);
        Assert.Contains($"Catalisti {year}", dashboard.QuerySelector("[data-testid=pending-reports]")!.TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 18: at EU size about 6,000 reports are not accepted yet; the dashboard named every one. It names the first
    /// ten and says how many more, with the way to the reports.
    /// </summary>
    [Fact]
    public async Task A_long_list_of_pending_reports_names_ten_and_says_how_many_more()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        static (int Named, int More) Pending(AngleSharp.Html.Dom.IHtmlDocument doc)
        {
            var line = doc.QuerySelector("[data-testid=pending-reports]");
            var more = line?.QuerySelector("[data-testid=pending-more]")?.TextContent.Trim();
            return (line?.QuerySelectorAll("a[href^='/Reports/']").Length ?? 0, more is null ? 0 : int.Parse(more.Split(' ')[1], CultureInfo.InvariantCulture));
        }
        var (named, more) = Pending(await reader.GetDocumentAsync("/Dashboard"));
        var before = named + more;

        // Eleven reports submitted, not accepted, for years of the programme's figures in which their cluster has none.
        var added = await app.WithDbAsync(async db =>
        {
            var taken = (await db.AnnualReports.Select(r => new { r.ClusterId, r.Year }).ToListAsync()).Select(r => (r.ClusterId, r.Year)).ToHashSet();
            var clusters = await db.Clusters.OrderBy(c => c.Name).Select(c => c.Id).ToListAsync();
            var free = clusters.SelectMany(c => Enumerable.Range(2017, app.Today.Year - 2017).Select(y => (ClusterId: c, Year: y))).Where(p => !taken.Contains(p)).Take(11).ToList();
            Assert.Equal(11, free.Count);
            var reports = free.Select(p =>
            {
                var report = AnnualReport.Start(p.ClusterId, p.Year);
                report.SetValue(KpiCatalogue.ExtraTurnover, 1m, null, null, null);
                report.SetValue(KpiCatalogue.ExtraFte, 1m, "Telling", null, null);
                report.SetValue(KpiCatalogue.ExtraInvestments, 1m, null, null, null);
                report.SetValue(KpiCatalogue.MoreCompetitive, 0.1m, null, null, null);
                report.SetValue(KpiCatalogue.EuropeanSmes, 1m, null, null, null);
                report.SetNarrative("Pending.");
                Assert.True(report.Submit(Actors.ClusterManager, "manager", app.Clock.GetUtcNow()).IsSuccess);
                return report;
            }).ToList();
            db.AnnualReports.AddRange(reports);
            await db.SaveChangesAsync();
            return reports.Select(r => r.Id).ToList();
        });
        try
        {
            var doc = await reader.GetDocumentAsync("/Dashboard");
            Assert.Equal((10, before + 11 - 10), Pending(doc));
            Assert.Equal("/Reports", doc.QuerySelector("[data-testid=pending-more]")!.GetAttribute("href"));

            // The answer pack's A2 paragraph named every one (at EU size 344 KB of page with the pacts): ten, and how many more.
            var a2 = (await reader.GetDocumentAsync("/AnswerPack")).QuerySelector("[data-testid=a2]")!.TextContent;
            Assert.Equal(10, System.Text.RegularExpressions.Regex.Matches(a2, @" \d{4} \(").Count);
            Assert.Matches(@"\ben \d+ andere\b", a2);
        }
        finally
        {
            await app.WithDbAsync(async db => { db.AnnualReports.RemoveRange(await db.AnnualReports.Where(r => added.Contains(r.Id)).ToListAsync()); return await db.SaveChangesAsync(); });
        }
    }

    [Fact]
    public async Task Every_supported_spearhead_cluster_is_counted_in_the_pact_answer_and_one_without_a_pact_is_named()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var pack = await reader.GetDocumentAsync("/AnswerPack");
        var expected = await app.WithDbAsync(async db =>
        {
            var today = app.Today;
            var spearheads = await db.Clusters.AsNoTracking().Where(c => c.Type == ClusterType.SpearheadCluster).ToListAsync();
            var withAgreement = await db.SupportAgreements.AsNoTracking().Select(a => new { a.ClusterId, a.Start }).ToListAsync();
            return spearheads.Where(c => withAgreement.Any(a => a.ClusterId == c.Id && a.Start <= today.AddYears(1))
                || ClusterStatusRule.StatusOn(today, c.SupportStart, c.SupportEnd) == ClusterStatus.Supported).Select(c => c.Name).ToHashSet();
        });
        Assert.Contains("MEDVIA", expected);
        var rows = pack.QuerySelectorAll("[data-testid=pacts] tbody tr").Select(r => r.Children[0].TextContent.Trim()).ToHashSet();
        Assert.Equal(expected, rows);
        var answer = pack.QuerySelector("[data-testid=a5]")!.TextContent;
        Assert.Contains($"van de {expected.Count} speerpuntclusters", answer, StringComparison.Ordinal);
        Assert.Contains("Zonder goedgekeurd clusterpact: MEDVIA", answer, StringComparison.Ordinal);
    }
}
