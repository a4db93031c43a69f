using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Clusterpact.Web.Tests.Lists;

/// <summary>
/// Every list, read the way a person reads it: page 1, then the pager's own "next" link from the rendered page to the
/// last page, and back by "previous". Each page has its own rows, none twice, the last page the remainder, and the same
/// rows as the page reached by its number. A filter and a sort in the address hold on every page.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class PagingTests(ClusterpactApp app)
{
    /// <summary>Rows the audit trail and the outbox do not get from the demo data, long before any test's "now".</summary>
    private const string Marker = "PagingTest";
    private static readonly DateTimeOffset Long = new(2001, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string?, string, string> Lists => new()
    {
        { Emails.Officer, "/Organisations", "organisation-table" },
        { Emails.Officer, "/Organisations?sort=Name&desc=true", "organisation-table" },
        { Emails.Officer, "/Organisations?kind=Company&sort=Country&desc=true", "organisation-table" },
        { Emails.Officer, "/Organisations?sort=Clusters&desc=true", "organisation-table" },
        { Emails.Officer, "/Organisations?kind=Company&sort=Size&desc=true", "organisation-table" },
        { Emails.CatalistiManager, "/Organisations?search=a", "organisation-table" },
        { Emails.Officer, "/Clusters", "cluster-table" },
        { Emails.Officer, "/Clusters?status=Supported&sort=Members&desc=true", "cluster-table" },
        { Emails.Officer, "/Clusters/{Catalisti}", "member-table" },
        { Emails.Officer, "/Projects", "project-table" },
        { Emails.Officer, "/Projects?type=Collaboration&sort=Budget&desc=false", "project-table" },
        { Emails.Officer, "/Projects?sort=Type&desc=true", "project-table" },
        { Emails.Officer, "/Projects?sort=Status&desc=false", "project-table" },
        { null, "/OpenData", "award-table" },
        { null, "/OpenData?objective=ResearchAndDevelopmentProjects&sort=Beneficiary&desc=false", "award-table" },
        { Emails.Officer, "/Calls", "calls" },
        { Emails.Officer, "/Calls?sort=Title", "calls" },
        { Emails.Officer, "/Budget?sort=Name", "scenarios" },
        { Emails.Officer, "/Agreements", "overview" },
        { Emails.Officer, "/Agreements?type=SpearheadCluster&sort=AgreementEnd&desc=true", "overview" },
        { Emails.Officer, "/Agreements/Deadlines", "deadline-table" },
        { Emails.Officer, "/Agreements/Deadlines?kind=ReportDue&sort=Cluster&desc=true", "deadline-table" },
        { Emails.Officer, "/Kpis", "across" },
        { Emails.Officer, "/Kpis?kpi=members&sort=Actual&desc=true", "across" },
        { Emails.Officer, "/Reports", "reports" },
        { Emails.Officer, "/Reports?sort=Due&desc=true", "reports" },
        { Emails.Reader, "/Reports?search=a&sort=Status", "reports" },
        { Emails.Reader, "/AnswerPack", "goals" },
        { Emails.Reader, "/AnswerPack?on=2024-06-30", "goals" },
        { Emails.Admin, "/Admin/Users", "user-table" },
        { Emails.Admin, "/Admin/Audit", "audit-table" },
        { Emails.Admin, $"/Admin/Audit?entityType={Marker}", "audit-table" },
        { Emails.Admin, $"/Admin/Outbox?search={Marker}", "outbox-table" },
    };

    [Theory]
    [MemberData(nameof(Lists))]
    public async Task Next_and_previous_read_every_row_once_and_the_last_page_has_the_remainder(string? email, string list, string table)
    {
        await EnsureRowsAsync();
        var client = email is null ? app.Anonymous() : await app.SignedInAsync(email);
        var url = list.Replace("{Catalisti}", (await app.ClusterIdAsync("Catalisti")).ToString(), StringComparison.Ordinal);

        var total = Total(await client.GetDocumentAsync(url));
        Assert.True(total >= 2, $"{url} needs at least two rows to page through, has {total}");
        // Three to five pages: enough for a page in the middle, a last page, and the way back.
        var size = Math.Clamp((int)Math.Ceiling(total / 4.0), 1, 200);
        var pageCount = (int)Math.Ceiling(total / (double)size);
        var first = $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}size={size}";

        var forward = new List<IReadOnlyList<string>>();
        var doc = await client.GetDocumentAsync(first);
        while (true)
        {
            Assert.Equal(total, Total(doc));
            Assert.DoesNotContain("{0}", doc.Body!.TextContent, StringComparison.Ordinal);
            forward.Add(Rows(doc, table));
            if (PagerLink(doc, "Volgende") is not { } next) break;
            Assert.True(forward.Count < pageCount, $"{url}: a 'next' link after page {forward.Count} of {pageCount}");
            doc = await client.GetDocumentAsync(next);
        }

        Assert.Equal(pageCount, forward.Count);
        Assert.All(forward.SkipLast(1), page => Assert.Equal(size, page.Count));
        Assert.Equal(total - size * (pageCount - 1), forward[^1].Count);
        var all = forward.SelectMany(p => p).ToList();
        Assert.Equal(all.Count, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(total, all.Count);

        // The same pages by number (offset) as by "next" (keyset where the list has one), and the last page from its link.
        for (var n = 2; n <= pageCount; n++)
            Assert.Equal(forward[n - 1], Rows(await client.GetDocumentAsync($"{first}&p={n}"), table));
        var lastLink = PagerLink(await client.GetDocumentAsync(first), pageCount.ToString(CultureInfo.InvariantCulture));
        Assert.NotNull(lastLink);
        Assert.Equal(forward[^1], Rows(await client.GetDocumentAsync(lastLink), table));

        // And back from the last page by "previous".
        var backward = new List<IReadOnlyList<string>> { forward[^1] };
        while (PagerLink(doc, "Vorige") is { } previous)
        {
            doc = await client.GetDocumentAsync(previous);
            backward.Add(Rows(doc, table));
            Assert.True(backward.Count <= pageCount, $"{url}: a 'previous' link before page 1");
        }
        backward.Reverse();
        Assert.Equal(forward, backward);
    }

    [Fact]
    public async Task A_page_past_the_end_shows_the_last_page()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var doc = await client.GetDocumentAsync("/Clusters?size=10&p=999");
        var total = Total(doc);
        Assert.Equal(total - 10 * ((total - 1) / 10), Rows(doc, "cluster-table").Count);
        Assert.Null(PagerLink(doc, "Volgende"));
    }

    /// <summary>
    /// A defect the bad-input sweep found on PostgreSQL: a page number whose offset overflows an int (<c>?p=785681173</c> at 25
    /// rows a page) gave a negative OFFSET, a 500. It is a page past the end: the last page.
    /// </summary>
    [Theory]
    [InlineData("/Projects?p=785681173", "project-table")]
    [InlineData("/Clusters?size=200&p=2147483647", "cluster-table")]
    public async Task A_page_number_too_large_for_an_offset_shows_the_last_page(string url, string table)
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var doc = await response.ParseAsync();
        Assert.NotEmpty(Rows(doc, table));
        Assert.Null(PagerLink(doc, "Volgende"));
    }

    [Fact]
    public async Task The_export_of_a_filtered_sorted_list_has_every_row_the_pages_show_in_their_order()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        const string url = "/Organisations?kind=Company&sort=Country&desc=true";
        var doc = await client.GetDocumentAsync(url + "&size=200");
        var names = new List<string>();
        while (true)
        {
            names.AddRange(doc.QuerySelectorAll("[data-testid=organisation-table] tbody tr td:first-child a").Select(a => a.TextContent.Trim()));
            if (PagerLink(doc, "Volgende") is not { } next) break;
            doc = await client.GetDocumentAsync(next);
        }
        var export = doc.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).Single(h => h is not null && h.Contains("format=csv", StringComparison.Ordinal))!;
        Assert.Contains("kind=Company", export, StringComparison.Ordinal);
        Assert.DoesNotContain("p=", export, StringComparison.Ordinal);
        var csv = (await client.GetStringAsync(export)).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => line.Split(';')[0].Trim().Trim('"').Replace("\"\"", "\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(names.Count, Total(doc));
        Assert.Equal(names, csv);
    }

    [Fact]
    public async Task Sort_headers_say_which_column_is_sorted_and_keep_the_filters()
    {
        var client = await app.SignedInAsync(Emails.Officer);
        var doc = await client.GetDocumentAsync("/Projects?type=Collaboration&size=5&p=2");
        var headers = doc.QuerySelectorAll("[data-testid=project-table] thead th[aria-sort]").ToList();
        var sorted = Assert.Single(headers);
        Assert.Equal("descending", sorted.GetAttribute("aria-sort"));
        foreach (var link in doc.QuerySelectorAll("[data-testid=project-table] thead th a").Select(a => a.GetAttribute("href")!))
        {
            Assert.Contains("type=Collaboration", link, StringComparison.Ordinal);
            Assert.Contains("size=5", link, StringComparison.Ordinal);
            Assert.DoesNotContain("p=2", link, StringComparison.Ordinal);
        }
        var current = doc.QuerySelector("nav .pagination a[aria-current=page]");
        Assert.Equal("2", current?.TextContent.Trim());
    }

    /// <summary>The rows as rendered, without the antiforgery token of a form in a row (a new one in every answer).</summary>
    private static IReadOnlyList<string> Rows(IHtmlDocument doc, string table) =>
        doc.QuerySelectorAll($"[data-testid={table}] tbody tr").Where(r => r.QuerySelector("td[colspan]") is null).Select(r =>
        {
            foreach (var token in r.QuerySelectorAll("input[name=__RequestVerificationToken]").ToList()) token.Remove();
            return r.OuterHtml;
        }).ToList();

    /// <summary>The pager's link with this text, unless it is disabled.</summary>
    private static string? PagerLink(IDocument doc, string text) =>
        doc.QuerySelectorAll("nav .pagination a.page-link")
            .FirstOrDefault(a => a.TextContent.Trim() == text && a.Closest("li")?.ClassList.Contains("disabled") != true)?.GetAttribute("href");

    /// <summary>The "312" of "21–40 van 312".</summary>
    private static int Total(IHtmlDocument doc)
    {
        var match = Summary().Matches(doc.Body!.TextContent).LastOrDefault();
        Assert.NotNull(match);
        return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"\d+–\d+ van (\d+)")]
    private static partial Regex Summary();

    /// <summary>
    /// Seven audit rows and seven sent e-mails of our own (two of each at the same moment, so the id must settle the
    /// order), once for the whole collection.
    /// </summary>
    private async Task EnsureRowsAsync()
    {
        await Gate.WaitAsync();
        try
        {
            await app.WithDbAsync(async db =>
            {
                if (await db.AuditEntries.AnyAsync(a => a.EntityType == Marker)) return 0;
                for (var i = 0; i < 7; i++)
                {
                    var at = Long.AddMinutes(i == 6 ? 5 : i);
                    db.AuditEntries.Add(new AuditEntry
                    {
                        At = at, UserName = "paging@clusterpact.demo", EntityType = Marker, EntityId = $"row-{i}", Action = AuditAction.Updated,
                        Field = "Name", OldValue = $"old {i}", NewValue = $"new {i}", ChangeSetId = Guid.CreateVersion7(),
                    });
                    db.OutboxEmails.Add(new OutboxEmail
                    {
                        CreatedAt = at, SentAt = at, To = $"paging{i}@clusterpact.demo", Subject = $"{Marker} {i}", Body = "-", Category = Marker,
                        DedupKey = $"{Marker}-{i}",
                    });
                }
                return await db.SaveChangesAsync();
            });
        }
        finally
        {
            Gate.Release();
        }
    }

    private static readonly SemaphoreSlim Gate = new(1, 1);
}
