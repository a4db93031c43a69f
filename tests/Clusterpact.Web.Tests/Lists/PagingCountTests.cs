using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using Clusterpact.Web.Features.Shared;

namespace Clusterpact.Web.Tests.Lists;

/// <summary>
/// Issue 18: a page that is not full says its own total (the rows before it and its own), so a short list, which is what
/// most searches and filters give, costs no count. A full page, or a page past the end, still counts (up to
/// Paging.CountLimit), and the total the pager shows is the same either way. Both ways of paging: by name (keyset) and by country (offset).
/// </summary>
public sealed partial class PagingTests
{
    /// <summary>The command counts the organisations (the pager's total), not a count inside a row's projection: directly, or
    /// (since the count stops at Paging.CountLimit) the organisations of a subquery.</summary>
    private static bool CountsOrganisations(string sql) =>
        Regex.IsMatch(sql.Replace("\"", "", StringComparison.Ordinal), @"^\s*SELECT\s+count\(\*\)(::int)?\s+FROM\s+(organisations\b|\(\s*SELECT\b[^;]*?\bFROM\s+organisations\b)", RegexOptions.IgnoreCase);

    [Theory]
    [InlineData("")]
    [InlineData("&sort=Country")]
    public async Task A_page_that_is_not_full_gives_its_total_without_a_count_and_a_full_page_or_one_past_the_end_counts(string sort)
    {
        var client = await app.SignedInAsync(Emails.Officer);
        IHtmlDocument doc;
        using (app.Sql.Record())
            doc = await client.GetDocumentAsync("/Organisations?size=200" + sort);
        AssertBoundedCount(app.Sql.Commands);
        var total = Total(doc);
        // A page size that leaves a partly filled last page.
        var size = Enumerable.Range(7, 40).First(s => total % s != 0 && total / s >= 2);
        var last = (total + size - 1) / size;

        using (app.Sql.Record())
            doc = await client.GetDocumentAsync($"/Organisations?size={size}&p={last}{sort}");
        Assert.DoesNotContain(app.Sql.Commands, CountsOrganisations);
        Assert.Equal(total, Total(doc));
        var lastRows = Rows(doc, "organisation-table");
        Assert.Equal(total % size, lastRows.Count);

        using (app.Sql.Record())
            doc = await client.GetDocumentAsync($"/Organisations?size={size}&p={last - 1}{sort}");
        AssertBoundedCount(app.Sql.Commands);
        Assert.Equal(total, Total(doc));
        Assert.Equal(size, Rows(doc, "organisation-table").Count);

        // A stale link past the end counts, and shows the last page.
        using (app.Sql.Record())
            doc = await client.GetDocumentAsync($"/Organisations?size={size}&p={last + 3}{sort}");
        Assert.Contains(app.Sql.Commands, CountsOrganisations);
        Assert.Equal(total, Total(doc));
        Assert.Equal(lastRows, Rows(doc, "organisation-table"));
        Assert.Equal(last.ToString(CultureInfo.InvariantCulture), doc.QuerySelector("nav .pagination a[aria-current=page]")?.TextContent.Trim());
    }

    [Fact]
    public async Task A_search_with_fewer_rows_than_a_page_is_not_counted_and_says_how_many_it_found()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        // A name without digits (four digits also search the enterprise numbers) that a few organisations share.
        var names = await app.WithDbAsync(db => db.Organisations.Select(o => o.Name).ToListAsync());
        var name = names.Where(n => !n.Any(char.IsDigit)).Order(StringComparer.Ordinal).First();
        var expected = names.Count(n => n.Contains(name, StringComparison.OrdinalIgnoreCase));
        Assert.InRange(expected, 1, 24);

        IHtmlDocument doc;
        using (app.Sql.Record())
            doc = await client.GetDocumentAsync("/Organisations?search=" + Uri.EscapeDataString(name));
        Assert.DoesNotContain(app.Sql.Commands, CountsOrganisations);
        Assert.Equal(expected, Total(doc));
        Assert.Equal(expected, Rows(doc, "organisation-table").Count);
    }

    /// <summary>Issue 18: a total is counted up to Paging.CountLimit and one more, never to the end of a list of half a million
    /// rows (the EU-size register's exact count took 135 ms of every first page), and without the list's order (an order
    /// inside the count's LIMIT would sort every row before counting).</summary>
    private static void AssertBoundedCount(IReadOnlyList<string> commands)
    {
        var count = Assert.Single(commands, CountsOrganisations);
        Assert.Matches(new Regex(@"\bLIMIT\b", RegexOptions.IgnoreCase), count);
        Assert.DoesNotMatch(new Regex(@"\bORDER\s+BY\b", RegexOptions.IgnoreCase), count);
    }

    [Fact]
    public void A_total_past_the_count_limit_says_more_and_the_pager_goes_one_page_on_without_a_last_page()
    {
        var rows = Enumerable.Range(0, 25).ToList();
        var exact = new Paged<int>(rows, 3, 25, Paging.CountLimit);
        Assert.True(exact.TotalIsExact);
        Assert.Equal(Paging.CountLimit / 25, exact.TotalPages);

        var more = new Paged<int>(rows, 3, 25, Paging.CountLimit + 1);
        Assert.False(more.TotalIsExact);
        Assert.Equal((51, 75), (more.FirstItem, more.LastItem));
        // Deep in the list (reached by "next", keyset) the page and its rows are where the request says, not clamped to the count.
        var deep = new Paged<int>(rows.Take(7).ToList(), 600, 25, Paging.CountLimit + 1);
        Assert.Equal((14_976, 14_982, 601), (deep.FirstItem, deep.LastItem, deep.TotalPages));

        var links = new ListLinks("/Organisations", [], null);
        var pager = new PagerModel(deep.Page, deep.TotalPages, deep.FirstItem, deep.LastItem, deep.TotalCount, deep.TotalIsExact, deep.Cursors, links);
        Assert.Equal([1, 595, 596, 597, 598, 599, 600, 601], pager.VisiblePages());
        var counted = new PagerModel(exact.Page, exact.TotalPages, exact.FirstItem, exact.LastItem, exact.TotalCount, exact.TotalIsExact, exact.Cursors, links);
        Assert.Equal(exact.TotalPages, counted.VisiblePages()[^1]);
    }
}
