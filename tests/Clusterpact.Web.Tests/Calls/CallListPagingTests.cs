using System.Text.RegularExpressions;

namespace Clusterpact.Web.Tests.Calls;

/// <summary>
/// The agency's call list and the public overview of calls page in SQL (issue 18): a page reads its rows with LIMIT, not
/// the whole list to cut in memory, and page 2 shows other calls than page 1.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class CallListPagingTests(ClusterpactApp app)
{
    private const string Marker = "CallListPaging";

    private static bool NamesCalls(string sql) => CallsTable().IsMatch(sql.Replace("\"", "", StringComparison.Ordinal));

    /// <summary>The page's total: a query that only counts.</summary>
    private static bool Counts(string sql) => sql.TrimStart().StartsWith("SELECT COUNT(", StringComparison.OrdinalIgnoreCase);

    [Theory]
    [InlineData(Emails.Officer, "/Calls?size=2", "[data-testid=calls] tbody tr a")]
    [InlineData(Emails.Officer, "/Calls?size=2&sort=Title&desc=false&search=" + Marker, "[data-testid=calls] tbody tr a")]
    [InlineData(Emails.Officer, "/Calls?size=2&sort=Status", "[data-testid=calls] tbody tr a")]
    [InlineData(null, "/OpenCalls?size=2", "[data-testid='OpenCalls.Past'] li > a")]
    public async Task Page_two_shows_other_calls_than_page_one_and_reads_them_with_a_limit(string? email, string url, string rowLinks)
    {
        await EnsurePastCallsAsync();
        var client = email is null ? app.Anonymous() : await app.SignedInAsync(email);
        var first = await LinksAsync(client, url, rowLinks);
        IReadOnlyList<string> second;
        using (app.Sql.Record())
            second = await LinksAsync(client, url + "&p=2", rowLinks);

        Assert.Equal(2, first.Count);
        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));
        // The page's rows come from a query with LIMIT; no query reads more calls than a page (plus the reader's last read)
        // except the public page's short "open now" and "coming" parts, which are not paged.
        var reads = app.Sql.Reads.Where(r => NamesCalls(r.Sql) && !Counts(r.Sql)).ToList();
        Assert.Contains(reads, r => r.Sql.Contains("LIMIT", StringComparison.OrdinalIgnoreCase));
        if (email is not null)
            Assert.All(reads, r => Assert.True(r.Sql.Contains("LIMIT", StringComparison.OrdinalIgnoreCase) && r.Rows <= 3, r.Sql));
        else
        {
            var now = app.Clock.GetUtcNow();
            var (pastCalls, notPast) = await app.WithDbAsync(async db => (
                await db.Calls.CountAsync(c => c.Status != CallStatus.Draft && c.ClosesAt < now),
                await db.Calls.CountAsync(c => c.Status == CallStatus.Published && c.ClosesAt >= now)));
            Assert.True(pastCalls > 3, "more closed calls than a page, so reading them all would show");
            Assert.InRange(reads.Sum(r => r.Rows), 0, notPast + 2 + reads.Count);
        }
    }

    private static async Task<IReadOnlyList<string>> LinksAsync(HttpClient client, string url, string rowLinks) =>
        (await client.GetDocumentAsync(url)).QuerySelectorAll(rowLinks).Select(a => a.GetAttribute("href")!).ToList();

    /// <summary>Five published calls of our own that closed long ago, once for the whole collection.</summary>
    private async Task EnsurePastCallsAsync()
    {
        await Gate.WaitAsync();
        try
        {
            await app.WithDbAsync(async db =>
            {
                if (await db.Calls.AnyAsync(c => c.TitleNl.StartsWith(Marker))) return 0;
                for (var i = 0; i < 5; i++)
                {
                    var call = Call.Create(CallKind.ThematicProject, $"{Marker} {i}", $"{Marker} {i} (EN)", 100_000m + i,
                        new DateTime(2005, 1, 10 + i, 9, 0, 0), new DateTime(2005, 3, 10 + i, 17, 0, 0), new ScoringScale(0, 10), false).Value!;
                    Assert.True(call.SetCriteria([new CallCriterion("C1", "Kwaliteit", "Quality", 100)]).IsSuccess);
                    Assert.True(call.Publish().IsSuccess);
                    db.Calls.Add(call);
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

    [GeneratedRegex(@"\b(FROM|JOIN)\s+calls\b", RegexOptions.IgnoreCase)]
    private static partial Regex CallsTable();
}
