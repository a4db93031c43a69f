using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;

namespace Clusterpact.Web.Tests.Lists;

/// <summary>
/// Issue 18: a page that is not full says its own total (the rows before it and its own), so a short list, which is what
/// most searches and filters give, costs one query, not a count and a read. A full page, or a page past the end, still
/// counts, and the total the pager shows is the same either way. Both ways of paging: by name (keyset) and by country (offset).
/// </summary>
public sealed partial class PagingTests
{
    /// <summary>The command counts the organisations (the pager's total), not a count inside a row's projection.</summary>
    private static bool CountsOrganisations(string sql) =>
        Regex.IsMatch(sql.Replace("\"", "", StringComparison.Ordinal), @"^\s*SELECT\s+count\(\*\)(::int)?\s+FROM\s+organisations\b", RegexOptions.IgnoreCase);

    [Theory]
    [InlineData("")]
    [InlineData("&sort=Country")]
    public async Task A_page_that_is_not_full_gives_its_total_without_a_count_and_a_full_page_or_one_past_the_end_counts(string sort)
    {
        var client = await app.SignedInAsync(Emails.Officer);
        IHtmlDocument doc;
        using (app.Sql.Record())
            doc = await client.GetDocumentAsync("/Organisations?size=200" + sort);
        Assert.Contains(app.Sql.Commands, CountsOrganisations);
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
        Assert.Contains(app.Sql.Commands, CountsOrganisations);
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
    public async Task A_search_with_fewer_rows_than_a_page_is_one_query_and_says_how_many_it_found()
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
}
