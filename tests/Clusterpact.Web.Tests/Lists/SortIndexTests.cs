using System.Text.RegularExpressions;
using Clusterpact.Web.Tests.Organisations;
using Clusterpact.Web.Tests.Shared;

namespace Clusterpact.Web.Tests.Lists;

/// <summary>
/// Issue 18: a list sorted by a column of few values (a size, a project's type or status) ordered every row for each page at the
/// EU size (500,000 organisations by size 1.1 s, 200,000 projects by type or status 0.75-1.1 s). The order the page asks of the
/// database is now held by an index on both databases (migration ListSortIndexes; since EnumSortIndexes on the enum's declared
/// order, a CASE expression, the very expression EF generates: EnumOrder), so a page reads its rows from the index.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class SortIndexTests(ClusterpactApp app)
{
    [GeneratedRegex(@"ORDER BY (.*?)\s+LIMIT", RegexOptions.Singleline)]
    private static partial Regex OrderBy();

    /// <summary>
    /// The page's own ORDER BY (the first one of the command that reads the table), asked of the table alone: the plan sorts
    /// nothing. PostgreSQL is told not to sort (nor sort incrementally after another index's order) where it can avoid it, so a
    /// small test table does not make a sort the cheaper plan.
    /// </summary>
    [Theory]
    [InlineData("/Organisations?sort=Size&p=2", "organisations", "o")]
    [InlineData("/Organisations?sort=Size&desc=true&p=2", "organisations", "o")]
    [InlineData("/Organisations?sort=Kind&p=2", "organisations", "o")]
    [InlineData("/Organisations?sort=Kind&desc=true&p=2", "organisations", "o")]
    [InlineData("/Projects?sort=Type&desc=false&p=2", "projects", "p")]
    [InlineData("/Projects?sort=Type&desc=true&p=2", "projects", "p")]
    [InlineData("/Projects?sort=Status&desc=false&p=2", "projects", "p")]
    [InlineData("/Projects?sort=Status&desc=true&p=2", "projects", "p")]
    public async Task The_pages_order_is_read_from_an_index(string url, string table, string alias)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        using (app.Sql.Record()) Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(url)).StatusCode);
        var command = app.Sql.Commands.First(c => ReadModelSteps.TablesRead(c).Contains(table) && OrderBy().IsMatch(c));
        var select = $"SELECT \"{alias}\".\"Id\" FROM {table} AS \"{alias}\" ORDER BY {OrderBy().Match(command).Groups[1].Value} LIMIT 25 OFFSET 25";
        var plan = await app.WithDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var explain = connection.CreateCommand();
            explain.CommandText = ClusterpactApp.OnPostgres ? $"SET enable_sort = off; SET enable_incremental_sort = off; EXPLAIN {select}; RESET enable_sort; RESET enable_incremental_sort" : $"EXPLAIN QUERY PLAN {select}";
            await using var reader = await explain.ExecuteReaderAsync();
            var lines = new List<string>();
            do
                while (await reader.ReadAsync()) lines.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            while (await reader.NextResultAsync());
            return string.Join('\n', lines);
        });
        Assert.False(plan.Contains("Sort", StringComparison.Ordinal) || plan.Contains("TEMP B-TREE", StringComparison.Ordinal), $"{select}\n{plan}");
        Assert.Contains("index", plan, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The titles a project list page shows, in its order.</summary>
    private static List<string> TitlesOnPage(string html) =>
        Regex.Matches(html, "<td><a href=\"/Projects/[0-9a-f-]{36}\">([^<]*)</a></td>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>Sorted by type or status, within each the titles and ids go in the sort's direction: the page is the export's (the database's) order.</summary>
    [Theory]
    [InlineData("Type", false)]
    [InlineData("Type", true)]
    [InlineData("Status", false)]
    [InlineData("Status", true)]
    public async Task Projects_sorted_by_type_or_status_page_in_the_databases_order(string sort, bool desc)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var query = $"sort={sort}&desc={(desc ? "true" : "false")}";
        var exported = OrganisationRegisterTests.NamesInExport(await officer.GetStringAsync($"/Projects?handler=Export&format=csv&{query}"));
        Assert.True(exported.Count > 50, $"{exported.Count} projects");
        var first = TitlesOnPage(await officer.GetStringAsync($"/Projects?{query}"));
        var second = TitlesOnPage(await officer.GetStringAsync($"/Projects?{query}&p=2"));
        Assert.Equal(exported.Take(25), first);
        Assert.Equal(exported.Skip(25).Take(25), second);
    }
}
