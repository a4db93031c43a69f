using System.Text.RegularExpressions;

namespace Clusterpact.Web.Tests.Organisations;

/// <summary>
/// Issue 18: a search by a part of a name reads the rows it matches first (PostgreSQL: its trigram index), at most
/// FewMatches and one, and when that is all of them orders and cuts the page from those rows (decision 0021): no query
/// reads the page in name order while testing names, which at EU size made PostgreSQL walk the name index through 141,667
/// names for a search that matches 227, and the matches are read once. Page and API list the same rows as the search itself.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OrganisationSearchTests(ClusterpactApp app)
{
    private static bool TestsNames(string sql) => Regex.IsMatch(sql, @"\bLIKE\b|\binstr\b", RegexOptions.IgnoreCase);

    private static bool ReadsOrganisations(string sql) => Regex.IsMatch(sql.Replace("\"", "", StringComparison.Ordinal), @"\bFROM\s+organisations\b", RegexOptions.IgnoreCase);

    [Theory]
    [InlineData("/Organisations?search={0}")]
    [InlineData("/Organisations?search={0}&sort=Country&size=5")]
    [InlineData("/api/v1/organisations?search={0}&limit=5")]
    public async Task A_search_that_matches_few_names_reads_them_once_and_cuts_the_page_from_them(string url)
    {
        var (term, expected) = await SharedWordAsync();
        Assert.InRange(expected.Count, 6, 1_000);

        var client = await app.SignedInAsync(Emails.Officer);
        using (app.Sql.Record())
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(string.Format(CultureInfo.InvariantCulture, url, Uri.EscapeDataString(term)))).StatusCode);
        var reads = app.Sql.Commands.Where(ReadsOrganisations).ToList();
        var read = Assert.Single(reads);
        Assert.True(TestsNames(read));
        Assert.DoesNotContain("ORDER BY", read, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_search_lists_every_match_in_name_order_through_the_pages()
    {
        var (term, expected) = await SharedWordAsync();

        var client = await app.SignedInAsync(Emails.Officer);
        var listed = new List<string>();
        var doc = await client.GetDocumentAsync($"/Organisations?search={Uri.EscapeDataString(term)}&size=4");
        while (true)
        {
            listed.AddRange(doc.QuerySelectorAll("[data-testid=organisation-table] tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
            var next = doc.QuerySelectorAll("nav .pagination a[rel=next]").Select(a => a.GetAttribute("href")).FirstOrDefault();
            if (next is null) break;
            doc = await client.GetDocumentAsync(next);
        }
        Assert.Equal(expected, listed);
    }

    /// <summary>A word of five letters or more that several organisations' names share (no digits: four digits also search the
    /// enterprise numbers), and those names in name order.</summary>
    private async Task<(string Term, List<string> Names)> SharedWordAsync()
    {
        var names = await app.WithDbAsync(db => db.Organisations.Select(o => o.Name).ToListAsync());
        var term = names.SelectMany(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length >= 5 && !w.Any(char.IsDigit))
            .GroupBy(w => w, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 5).Select(g => g.Key).Order(StringComparer.Ordinal).First();
        return (term, names.Where(n => n.Contains(term, StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList());
    }
}
