using System.Text.RegularExpressions;
using Clusterpact.Web.Tests.Shared;

namespace Clusterpact.Web.Tests.Lists;

/// <summary>
/// A list sorted by an enum column goes in the enum's declared order (a project's lifecycle from proposed to stopped, a
/// cluster's type and status, a report's status), both directions, not by the stored English name nor by the Dutch label
/// (decision 0021, fifth round). The expected order is the enum's own (its members' values), read back by the rows' ids.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EnumSortTests(ClusterpactApp app)
{
    /// <summary>The ids of the rows a list page links to in its first column, in its order.</summary>
    private static List<Guid> IdsOnPage(string html, string area) =>
        Regex.Matches(html, $"<td><a href=\"/{area}/([0-9a-f-]{{36}})\">").Select(m => Guid.Parse(m.Groups[1].Value)).Distinct().ToList();

    /// <summary>The values in the order shown go in the enum's declared order in the sort's direction, and show more than one value.</summary>
    private static void AssertDeclaredOrder<TEnum>(IReadOnlyList<TEnum> shown, bool desc) where TEnum : struct, Enum
    {
        var expected = desc ? shown.OrderByDescending(v => v).ToList() : shown.OrderBy(v => v).ToList();
        Assert.Equal(expected, shown);
        Assert.True(shown.Distinct().Count() > 1, $"only {string.Join(", ", shown.Distinct())}");
    }

    [Theory]
    [InlineData("Type", false)]
    [InlineData("Type", true)]
    [InlineData("Status", false)]
    [InlineData("Status", true)]
    public async Task Projects_sorted_by_type_or_status_go_in_the_declared_order(string sort, bool desc)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var query = $"sort={sort}&desc={(desc ? "true" : "false")}";
        var all = IdsOnPage(await officer.GetStringAsync($"/Projects?{query}&size=200"), "Projects");
        var projects = await app.WithDbAsync(db => db.Projects.AsNoTracking().Where(p => all.Contains(p.Id)).Select(p => new { p.Id, p.Type, p.Status }).ToDictionaryAsync(p => p.Id));
        if (sort == "Type") AssertDeclaredOrder(all.Select(id => projects[id].Type).ToList(), desc);
        else AssertDeclaredOrder(all.Select(id => projects[id].Status).ToList(), desc);
        // Pages of 25 cut the same order; page 2 repeats none of page 1.
        var first = IdsOnPage(await officer.GetStringAsync($"/Projects?{query}"), "Projects");
        var second = IdsOnPage(await officer.GetStringAsync($"/Projects?{query}&p=2"), "Projects");
        Assert.Equal(all.Take(25), first);
        Assert.Equal(all.Skip(25).Take(25), second);
    }

    [Theory]
    [InlineData("Type", false)]
    [InlineData("Type", true)]
    [InlineData("Status", false)]
    [InlineData("Status", true)]
    public async Task Clusters_sorted_by_type_or_status_go_in_the_declared_order(string sort, bool desc)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var shown = IdsOnPage(await officer.GetStringAsync($"/Clusters?sort={sort}&desc={(desc ? "true" : "false")}&size=200"), "Clusters");
        var clusters = await app.WithDbAsync(db => db.Clusters.AsNoTracking().Select(c => new { c.Id, c.Type, c.Status }).ToDictionaryAsync(c => c.Id));
        Assert.Equal(clusters.Count, shown.Count);
        if (sort == "Type") AssertDeclaredOrder(shown.Select(id => clusters[id].Type).ToList(), desc);
        else AssertDeclaredOrder(shown.Select(id => clusters[id].Status).ToList(), desc);
    }

    /// <summary>The demo's reports of a year are mostly accepted: four of them are given each status for the test, then restored.</summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Reports_sorted_by_status_go_in_the_declared_order(bool desc)
    {
        var year = await app.WithDbAsync(db => db.AnnualReports.AsNoTracking().GroupBy(r => r.Year).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).Select(g => g.Key).FirstAsync());
        var reports = await app.WithDbAsync(db => db.AnnualReports.AsNoTracking().Where(r => r.Year == year).OrderBy(r => r.Id).Select(r => new { r.Id, r.Status }).ToListAsync());
        Assert.True(reports.Count >= 4, $"{reports.Count} reports in {year}");
        var statuses = Enum.GetValues<ReportStatus>();
        try
        {
            for (var i = 0; i < statuses.Length; i++)
            {
                var (id, status) = (reports[i].Id, statuses[i]);
                await app.WithDbAsync(db => db.AnnualReports.Where(r => r.Id == id).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, status)));
            }
            var officer = await app.SignedInAsync(Emails.Officer);
            var html = await officer.GetStringAsync($"/Reports?year={year}&sort=Status&desc={(desc ? "true" : "false")}&size=200");
            var shown = Regex.Matches(html, "<a href=\"/Reports/([0-9a-f-]{36})\">").Select(m => Guid.Parse(m.Groups[1].Value)).Distinct().ToList();
            var now = await app.WithDbAsync(db => db.AnnualReports.AsNoTracking().Where(r => r.Year == year).Select(r => new { r.Id, r.Status }).ToDictionaryAsync(r => r.Id, r => r.Status));
            Assert.Equal(now.Count, shown.Count);
            AssertDeclaredOrder(shown.Select(id => now[id]).ToList(), desc);
        }
        finally
        {
            foreach (var r in reports.Take(statuses.Length))
                await app.WithDbAsync(db => db.AnnualReports.Where(x => x.Id == r.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.Status, r.Status)));
        }
    }
}
