using Microsoft.EntityFrameworkCore.Infrastructure;
using Clusterpact.Web.Tests.Shared;

namespace Clusterpact.Web.Tests.Organisations;

[Collection(AppCollection.Name)]
public sealed class OrganisationRegisterTests(ClusterpactApp app)
{
    private DateOnly Today => app.Today;

    [Fact]
    public async Task A_cluster_manager_sees_only_organisations_of_their_own_cluster()
    {
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var flux = await app.ClusterIdAsync("Flux50");
        // An organisation that is a member of Flux50 and never of Catalisti.
        var fluxOnly = await app.WithDbAsync(db => db.Memberships.Where(m => m.ClusterId == flux)
            .Select(m => m.OrganisationId)
            .Where(o => !db.Memberships.Any(x => x.OrganisationId == o && x.ClusterId == catalisti))
            .FirstAsync());

        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/Organisations/{fluxOnly}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/organisations/{fluxOnly}")).StatusCode);

        var list = await Api.AreaApiTests.AllPagesAsync(manager, "/api/v1/organisations?limit=200");
        var expected = await app.WithDbAsync(db => db.Memberships.Where(m => m.ClusterId == catalisti).Select(m => m.OrganisationId).Distinct().CountAsync());
        Assert.Equal(expected, list.Count);

        var officer = await app.SignedInAsync(Emails.Officer);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Organisations/{fluxOnly}")).StatusCode);
    }

    [Fact]
    public async Task Members_of_several_clusters_are_found_and_counted_once()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var multi = await officer.GetFromJsonAsync<JsonElement>("/api/v1/organisations?multi=true&limit=200");
        var items = multi.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.True(i.GetProperty("activeClusterCount").GetInt32() > 1));

        var first = items[0].GetProperty("id").GetGuid();
        var expected = await app.WithDbAsync(db => db.Memberships
            .Where(m => m.OrganisationId == first && m.From <= Today && (m.Until == null || m.Until >= Today))
            .Select(m => m.ClusterId).Distinct().CountAsync());
        Assert.Equal(expected, items[0].GetProperty("activeClusterCount").GetInt32());
        var page = await officer.GetStringAsync($"/Organisations/{first}");
        Assert.Contains($"Vandaag lid van {expected} clusters", page, StringComparison.Ordinal);
    }

    /// <summary>
    /// Issue 18: the search is the register's rule (the name holds the term in any case) asked of SQL in a fixed number
    /// of queries, however many organisations match, and on PostgreSQL on the very expressions its trigram indexes hold
    /// (migration OrganisationSearchTrigrams), so a search in 500,000 names does not read them all.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_name_search_finds_every_name_that_holds_the_term_in_any_case_in_a_fixed_number_of_queries(bool manyMatch)
    {
        var names = await app.WithDbAsync(db => db.Organisations.AsNoTracking().Select(o => new { o.Id, o.Name }).ToListAsync());
        // A letter most names hold, or the middle of one name, typed in capitals.
        var term = manyMatch ? "E"
            : names.Select(o => o.Name).Where(n => n.Length >= 9 && n.All(char.IsAscii)).OrderBy(n => n, StringComparer.Ordinal).First().Substring(2, 6).ToUpperInvariant();
        var expected = names.Where(o => o.Name.ToLowerInvariant().Contains(term.ToLowerInvariant(), StringComparison.Ordinal)).Select(o => o.Id).ToHashSet();
        Assert.NotEmpty(expected);
        var officer = await app.SignedInAsync(Emails.Officer);

        JsonElement page;
        // What the search reads when it is computed (a search by agency staff is then kept, decision 0020: ReadModelTests).
        await app.ForgetKeptAnswersAsync();
        using (app.Sql.Record()) page = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/organisations?limit=200&search={Uri.EscapeDataString(term)}");
        var commands = app.Sql.Commands;
        // A window has no total: more than 200 matches say so by the link to the next window.
        Assert.Equal(expected.Count > 200, page.GetProperty("next").ValueKind == JsonValueKind.String);
        var ids = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(Math.Min(200, expected.Count), ids.Count);
        Assert.Subset(expected, ids.ToHashSet());
        // The session's check, the kept answers' stamps, the ids the search matches (at most ListOrganisations.FewMatches and
        // one), and the window, which reads the items itself: the same however many match, none per organisation shown.
        Assert.Equal(4, commands.Count);
        if (ClusterpactApp.OnPostgres)
        {
            // The search (the commands that filter by the term: the ids, and the window only when more than FewMatches match)
            // asks what the trigram index holds.
            var searching = commands.Where(c => ReadModelSteps.TablesRead(c).Contains("organisations") && c.Contains(" LIKE ", StringComparison.Ordinal)).ToList();
            Assert.Equal(expected.Count > Clusterpact.Web.Features.Organisations.ListOrganisations.FewMatches ? 2 : 1, searching.Count);
            Assert.All(searching, c => Assert.Contains("lower(o.\"Name\") LIKE", c, StringComparison.Ordinal));
            var indexes = await app.WithDbAsync(db => db.Database.SqlQueryRaw<string>("SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'organisations'").ToListAsync());
            Assert.Contains(indexes, i => i.Contains("gin (lower((\"Name\")::text) gin_trgm_ops)", StringComparison.Ordinal));
            Assert.Contains(indexes, i => i.Contains("gin (\"EnterpriseNumber\" gin_trgm_ops)", StringComparison.Ordinal));
        }
    }

    /// <summary>
    /// A part of names that between 30 and FewMatches organisations hold: the page then orders and cuts them itself. With
    /// <paramref name="severalKindsAndSizes"/>, organisations of three kinds and three sizes (or none) at least.
    /// </summary>
    private async Task<string> TermWithSomeMatchesAsync(bool severalKindsAndSizes = false)
    {
        var rows = await app.WithDbAsync(db => db.Organisations.AsNoTracking().Select(o => new { Name = o.Name.ToLower(), o.Kind, o.SizeClass }).ToListAsync());
        return rows.SelectMany(o => Enumerable.Range(0, Math.Max(0, o.Name.Length - 2)).Select(i => o.Name.Substring(i, 3)))
            .Where(t => t.All(char.IsAsciiLetter)).Distinct().Order(StringComparer.Ordinal)
            .First(t => rows.Where(o => o.Name.Contains(t, StringComparison.Ordinal)).ToList() is var found
                && found.Count is >= 30 and <= Clusterpact.Web.Features.Organisations.ListOrganisations.FewMatches
                && (!severalKindsAndSizes || (found.Select(o => o.Kind).Distinct().Count() > 2 && found.Select(o => o.SizeClass).Distinct().Count() > 2)));
    }

    /// <summary>The names a list page shows, in its order.</summary>
    private static List<string> NamesOnPage(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<td><a href=\"/Organisations/[0-9a-f-]{36}\">([^<]*)</a></td>").Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();

    /// <summary>The first field of each data line of the register's CSV export (the name), unquoted.</summary>
    internal static List<string> NamesInExport(string csv) =>
        csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.StartsWith('"') ? l[1..l.IndexOf("\";", StringComparison.Ordinal)].Replace("\"\"", "\"", StringComparison.Ordinal) : l[..l.IndexOf(';')]).ToList();

    /// <summary>
    /// Issue 18: a search that matches few organisations reads them once with their columns, then orders and cuts the page
    /// itself and counts only the clusters of the page's rows; the order is the database's for every sort, both directions
    /// (the export of the same search is ordered by the database), and the second page continues the first.
    /// </summary>
    [Theory]
    [InlineData("Name", false)]
    [InlineData("Name", true)]
    [InlineData("Kind", false)]
    [InlineData("Kind", true)]
    [InlineData("Size", false)]
    [InlineData("Size", true)]
    [InlineData("Country", false)]
    [InlineData("Country", true)]
    [InlineData("Clusters", true)]
    [InlineData("Clusters", false)]
    public async Task A_search_with_few_matches_pages_them_in_the_databases_order_from_one_read(string sort, bool desc)
    {
        var term = await TermWithSomeMatchesAsync();
        var officer = await app.SignedInAsync(Emails.Officer);
        var query = $"search={term}&sort={sort}&desc={(desc ? "true" : "false")}";
        var exported = NamesInExport(await officer.GetStringAsync($"/Organisations?handler=Export&format=csv&{query}"));
        Assert.InRange(exported.Count, 30, Clusterpact.Web.Features.Organisations.ListOrganisations.FewMatches);

        string first;
        await app.ForgetKeptAnswersAsync();
        using (app.Sql.Record()) first = await officer.GetStringAsync($"/Organisations?{query}");
        var second = await officer.GetStringAsync($"/Organisations?{query}&p=2");
        Assert.Equal(exported.Take(25), NamesOnPage(first));
        Assert.Equal(exported.Skip(25).Take(25), NamesOnPage(second));
        Assert.Contains($"1–25 van {exported.Count}", WebUtility.HtmlDecode(first), StringComparison.Ordinal);
        // The organisations are read once (the matches), no total is counted, and the clusters are counted in one query.
        var commands = app.Sql.Commands;
        Assert.Single(commands, c => ReadModelSteps.TablesRead(c).FirstOrDefault() == "organisations");
        Assert.DoesNotContain(commands, c => c.Contains("count(*)", StringComparison.OrdinalIgnoreCase) && ReadModelSteps.TablesRead(c).Contains("organisations"));
        Assert.Single(commands, c => ReadModelSteps.TablesRead(c).FirstOrDefault() == "memberships");
    }

    /// <summary>
    /// The API windows a search's few rows in memory in the database's order (text by code points), each window with its
    /// rows' clusters counted, and its cursors lead forwards and back as the database's windows do.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_search_with_few_matches_windows_the_api_in_the_databases_order(bool desc)
    {
        var term = await TermWithSomeMatchesAsync();
        var officer = await app.SignedInAsync(Emails.Officer);
        var exported = NamesInExport(await officer.GetStringAsync($"/Organisations?handler=Export&format=csv&search={term}&desc={(desc ? "true" : "false")}"));
        var url = $"/api/v1/organisations?search={term}&limit=7&desc={(desc ? "true" : "false")}";
        var all = await Api.AreaApiTests.AllPagesAsync(officer, url);
        Assert.Equal(exported, all.Select(i => i.GetProperty("name").GetString()!));
        Assert.Contains(all, i => i.GetProperty("activeClusterCount").GetInt32() > 0);

        var first = await officer.GetFromJsonAsync<JsonElement>(url);
        var second = await officer.GetFromJsonAsync<JsonElement>($"{url}&cursor={first.GetProperty("next").GetString()}");
        var back = await officer.GetFromJsonAsync<JsonElement>($"{url}&cursor={second.GetProperty("previous").GetString()}");
        Assert.Equal(first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()), back.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    /// <summary>Each row of a register page: the organisation and the number of its clusters shown.</summary>
    private static List<(Guid Id, int Count)> RowsOnPage(string html) =>
        System.Text.RegularExpressions.Regex.Matches(html, "<a href=\"/Organisations/([0-9a-f-]{36})\">[^<]*</a></td>\\s*<td>[^<]*</td>\\s*<td>[^<]*</td>\\s*<td>[^<]*</td>\\s*<td>(\\d+)</td>")
            .Select(m => (Id: Guid.Parse(m.Groups[1].Value), Count: int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture))).ToList();

    /// <summary>
    /// Issue 18: sorted by size or by clusters, the register's pages (with and without filters, both directions) are the database's
    /// order: the export of the same list, which SQL orders; page 2 continues page 1 and repeats none of it. By clusters the pages of
    /// those who see the whole programme come from the kept ranking (RankOrganisationsByClusters), the export from SQL.
    /// </summary>
    [Theory]
    [InlineData("Size", false, "")]
    [InlineData("Size", true, "")]
    [InlineData("Size", true, "&kind=Company")]
    [InlineData("Clusters", false, "")]
    [InlineData("Clusters", true, "")]
    [InlineData("Clusters", true, "&kind=Company")]
    [InlineData("Clusters", false, "&size=Small")]
    [InlineData("Clusters", true, "&multi=true")]
    [InlineData("Clusters", false, "&search=e")]
    [InlineData("Clusters", true, "&search=e&kind=Company&multi=true")]
    public async Task Sorted_by_size_or_clusters_the_pages_are_the_databases_order(string sort, bool desc, string filters)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var query = $"sort={sort}&desc={(desc ? "true" : "false")}{filters}";
        var exported = NamesInExport(await officer.GetStringAsync($"/Organisations?handler=Export&format=csv&{query}"));
        Assert.True(exported.Count > 50, $"{exported.Count} rows");
        var first = NamesOnPage(await officer.GetStringAsync($"/Organisations?{query}"));
        var second = NamesOnPage(await officer.GetStringAsync($"/Organisations?{query}&p=2"));
        Assert.Equal(exported.Take(25), first);
        Assert.Equal(exported.Skip(25).Take(25), second);
        Assert.Empty(first.Intersect(second));
    }

    /// <summary>
    /// Sorted by kind or size the register goes in the enum's declared order (micro, small, medium, large; and backwards), not by the
    /// stored English name (Large, Medium, Micro, Small) nor the Dutch label; without a size last in both directions, the name within
    /// a size ascending (by kind in the sort's direction). The export (SQL), pages 1 and 2 (SQL, or with a search of few matches the
    /// page's own order in memory) all follow it; the expected order is computed here from the rows' enum values.
    /// </summary>
    [Theory]
    [InlineData("Size", false, "")]
    [InlineData("Size", true, "")]
    [InlineData("Size", false, "&kind=Company")]
    [InlineData("Size", false, "search")]
    [InlineData("Size", true, "search")]
    [InlineData("Kind", false, "")]
    [InlineData("Kind", true, "")]
    [InlineData("Kind", false, "search")]
    [InlineData("Kind", true, "search")]
    public async Task Sorted_by_kind_or_size_the_register_goes_in_the_declared_order(string sort, bool desc, string filters)
    {
        if (filters == "search") filters = $"&search={await TermWithSomeMatchesAsync(severalKindsAndSizes: true)}";
        var officer = await app.SignedInAsync(Emails.Officer);
        var query = $"sort={sort}&desc={(desc ? "true" : "false")}{filters}";
        var exported = NamesInExport(await officer.GetStringAsync($"/Organisations?handler=Export&format=csv&{query}"));
        Assert.True(exported.Count > 25, $"{exported.Count} rows");
        var names = exported.ToHashSet();
        var companiesOnly = filters.Contains("kind=Company", StringComparison.Ordinal);
        var rows = (await app.WithDbAsync(db => db.Organisations.AsNoTracking().Select(o => new { o.Name, o.Kind, o.SizeClass }).ToListAsync()))
            .Where(o => names.Contains(o.Name) && (!companiesOnly || o.Kind == Domain.Members.OrganisationKind.Company)).ToList();
        Assert.True(rows.Select(o => sort == "Size" ? (int?)o.SizeClass : (int)o.Kind).Distinct().Count() > 2, "too few values to show an order");
        var expected = (sort, desc) switch
        {
            ("Size", false) => rows.OrderBy(o => o.SizeClass is null).ThenBy(o => o.SizeClass).ThenBy(o => o.Name, StringComparer.Ordinal),
            ("Size", true) => rows.OrderBy(o => o.SizeClass is null).ThenByDescending(o => o.SizeClass).ThenBy(o => o.Name, StringComparer.Ordinal),
            (_, false) => rows.OrderBy(o => o.Kind).ThenBy(o => o.Name, StringComparer.Ordinal),
            _ => rows.OrderByDescending(o => o.Kind).ThenByDescending(o => o.Name, StringComparer.Ordinal),
        };
        Assert.Equal(expected.Select(o => o.Name), exported);
        var first = NamesOnPage(await officer.GetStringAsync($"/Organisations?{query}"));
        var second = NamesOnPage(await officer.GetStringAsync($"/Organisations?{query}&p=2"));
        Assert.Equal(exported.Take(25), first);
        Assert.Equal(exported.Skip(25).Take(25), second);
    }

    /// <summary>
    /// Issue 18 (EU size: the count of every organisation's clusters for each page, no answer within 5 s): for those who see the
    /// whole programme a page sorted by clusters reads the kept ranking and only its own rows; no membership is read again.
    /// </summary>
    [Fact]
    public async Task Sorted_by_clusters_a_repeated_page_reads_only_its_own_rows()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        await app.ForgetKeptAnswersAsync();
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/Organisations?sort=Clusters&desc=true")).StatusCode);
        using (app.Sql.Record()) Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/Organisations?sort=Clusters&desc=true&p=3&kind=Company")).StatusCode);
        var commands = app.Sql.Commands;
        Assert.DoesNotContain(commands, c => ReadModelSteps.TablesRead(c).Contains("memberships"));
        Assert.Single(commands, c => ReadModelSteps.TablesRead(c).Contains("organisations"));
        // The page's 25 rows (and the reader's last read, which finds none).
        Assert.Equal(26, app.Sql.Reads.Single(r => ReadModelSteps.TablesRead(r.Sql).Contains("organisations")).Rows);
    }

    /// <summary>
    /// The ranking is kept under the members' change stamp: a membership that starts is in the next page (without the stamp the
    /// kept ranking would show the organisation where it was, with its old count).
    /// </summary>
    [Fact]
    public async Task Sorted_by_clusters_a_membership_that_starts_is_in_the_next_page()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        const string query = "sort=Clusters&desc=false";
        var (first, count) = RowsOnPage(await officer.GetStringAsync($"/Organisations?{query}"))[0];
        var joined = await JoinAsync(first, app.Today);
        try
        {
            var after = await officer.GetStringAsync($"/Organisations?{query}");
            Assert.Equal(NamesInExport(await officer.GetStringAsync($"/Organisations?handler=Export&format=csv&{query}")).Take(25), NamesOnPage(after));
            Assert.DoesNotContain((first, count), RowsOnPage(after));
        }
        finally
        {
            await LeaveAsync(joined);
        }
    }

    /// <summary>
    /// The ranking is kept for the day in Brussels: a membership that starts tomorrow counts from the first request of tomorrow,
    /// though no data changed in between (without the day in its key the ranking of yesterday would stay).
    /// </summary>
    [Fact]
    public async Task Sorted_by_clusters_a_membership_counts_from_its_first_day()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        const string query = "sort=Clusters&desc=false";
        var (first, count) = RowsOnPage(await officer.GetStringAsync($"/Organisations?{query}"))[0];
        var joined = await JoinAsync(first, app.Today.AddDays(1));
        try
        {
            Assert.Equal((first, count), RowsOnPage(await officer.GetStringAsync($"/Organisations?{query}"))[0]);
            var tomorrow = app.Today.AddDays(1);
            while (app.Today < tomorrow) app.Clock.Advance(TimeSpan.FromHours(1));
            // A day later the sign-in has expired.
            officer = await app.SignedInAsync(Emails.Officer);
            var after = await officer.GetStringAsync($"/Organisations?{query}");
            Assert.Equal(NamesInExport(await officer.GetStringAsync($"/Organisations?handler=Export&format=csv&{query}")).Take(25), NamesOnPage(after));
            Assert.DoesNotContain((first, count), RowsOnPage(after));
        }
        finally
        {
            await LeaveAsync(joined);
        }
    }

    /// <summary>A membership of <paramref name="organisation"/> from <paramref name="from"/> in a cluster it has never been a member of.</summary>
    private async Task<Membership> JoinAsync(Guid organisation, DateOnly from)
    {
        var cluster = await app.WithDbAsync(db => db.Clusters.Where(c => !db.Memberships.Any(m => m.OrganisationId == organisation && m.ClusterId == c.Id)).Select(c => c.Id).FirstAsync());
        var joined = new Membership(organisation, cluster, from, null, MembershipRole.Member, null);
        await app.WithDbAsync(db => { db.Memberships.Add(joined); return db.SaveChangesAsync(); });
        return joined;
    }

    private Task LeaveAsync(Membership joined) => app.WithDbAsync(db => { db.Memberships.Remove(db.Memberships.Single(m => m.Id == joined.Id)); return db.SaveChangesAsync(); });

    /// <summary>A cluster manager's register sorted by clusters counts only the clusters they may see, though the organisations are members of more.</summary>
    [Fact]
    public async Task Sorted_by_clusters_a_managers_counts_are_of_their_own_clusters_only()
    {
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var rows = RowsOnPage(await manager.GetStringAsync("/Organisations?sort=Clusters&desc=true&size=200"));
        Assert.NotEmpty(rows);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.CatalistiManager).Select(u => u.Id).SingleAsync());
        var mine = await app.WithDbAsync(db => db.UserClusterScopes.Where(s => s.UserId == userId).Select(s => s.ClusterId).ToListAsync());
        var ids = rows.Select(r => r.Id).ToList();
        var today = Today;
        var active = await app.WithDbAsync(db => db.Memberships.Where(m => ids.Contains(m.OrganisationId) && m.From <= today && (m.Until == null || m.Until >= today))
            .Select(m => new { m.OrganisationId, m.ClusterId }).Distinct().ToListAsync());
        Assert.All(rows, r => Assert.Equal(active.Count(a => a.OrganisationId == r.Id && mine.Contains(a.ClusterId)), r.Count));
        // The same organisations are members of other clusters too, which the manager's counts leave out.
        Assert.Contains(rows, r => active.Count(a => a.OrganisationId == r.Id) > r.Count);
    }

    /// <summary>The page's counts of clusters are the register's: today's active memberships, each cluster once.</summary>
    [Fact]
    public async Task A_search_with_few_matches_counts_each_rows_clusters_of_today()
    {
        var term = await TermWithSomeMatchesAsync();
        var officer = await app.SignedInAsync(Emails.Officer);
        var rows = RowsOnPage(await officer.GetStringAsync($"/Organisations?search={term}&sort=Clusters&desc=true"));
        Assert.Equal(25, rows.Count);
        var ids = rows.Select(r => r.Id).ToList();
        var expected = await app.WithDbAsync(db => db.Memberships.Where(m => ids.Contains(m.OrganisationId) && m.From <= Today && (m.Until == null || m.Until >= Today))
            .GroupBy(m => m.OrganisationId).Select(g => new { g.Key, Count = g.Select(m => m.ClusterId).Distinct().Count() }).ToDictionaryAsync(g => g.Key, g => g.Count));
        Assert.All(rows, r => Assert.Equal(expected.GetValueOrDefault(r.Id), r.Count));
        Assert.Contains(rows, r => r.Count > 1);
    }

    [Fact]
    public async Task The_register_searches_by_enterprise_number_in_any_typed_form()
    {
        var org = await app.WithDbAsync(db => db.Organisations.AsNoTracking().FirstAsync(o => o.EnterpriseNumber != null));
        var n = org.EnterpriseNumber!;
        var officer = await app.SignedInAsync(Emails.Officer);
        var typed = $"BE {n[..4]}.{n[4..7]}.{n[7..]}";
        var result = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/organisations?search={Uri.EscapeDataString(typed)}");
        Assert.Contains(org.Id, result.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    [Fact]
    public async Task Experts_and_anonymous_callers_are_refused_the_register()
    {
        var expert = await app.SignedInAsync(Emails.Expert);
        Assert.Equal(HttpStatusCode.Forbidden, (await expert.GetAsync("/api/v1/organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await expert.GetAsync("/Organisations")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/Organisations")).StatusCode);
    }

    [Fact]
    public async Task The_register_exports_to_csv_with_dutch_headers()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var csv = await officer.GetStringAsync("/Organisations?handler=Export&format=csv&kind=KnowledgeInstitution");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Organisatie;Ondernemingsnummer;Soort;Grootte;Land;Internationaal actief;Clusters", lines[0], StringComparison.Ordinal);
        // Every knowledge institution of the register is a row (read now: other tests add and rename organisations).
        var institutions = await app.WithDbAsync(db => db.Organisations.Where(o => o.Kind == Domain.Members.OrganisationKind.KnowledgeInstitution).Select(o => o.Name).ToListAsync());
        Assert.Equal(institutions.Count, lines.Length - 1);
        Assert.All(institutions.Where(n => !n.Contains(';') && !n.Contains('"')), n => Assert.Contains(lines, l => l.StartsWith(n + ";", StringComparison.Ordinal)));
        Assert.All(lines.Skip(1), l => Assert.Contains(";Kennisinstelling;", l, StringComparison.Ordinal));
    }
    /// <summary>
    /// Issue 18 (EU size: 500,000 organisations sorted for every page by country, 0.9 s): the register's country order is
    /// (key, name, id), which an index holds on both databases, its name COLLATE "C" on PostgreSQL as the name sort is
    /// (TextOrder). (Kind, Name, Id) serves a filter by kind in name order; the kind order (its declared order, a CASE) is held
    /// by an expression index (migration EnumSortIndexes, SortIndexTests).
    /// </summary>
    [Fact]
    public void The_kind_and_country_orders_are_held_by_an_index_on_both_databases()
    {
        foreach (ClusterpactDbContext db in new ClusterpactDbContext[]
                 {
                     new SqliteClusterpactDbContext(new DbContextOptionsBuilder<SqliteClusterpactDbContext>().UseSqlite("Data Source=:memory:").Options),
                     new PostgresClusterpactDbContext(new DbContextOptionsBuilder<PostgresClusterpactDbContext>().UseNpgsql("Host=unused").Options),
                 })
            using (db)
            {
                var entity = db.GetService<Microsoft.EntityFrameworkCore.Metadata.IDesignTimeModel>().Model.FindEntityType(typeof(Domain.Members.Organisation))!;
                foreach (var key in new[] { "Kind", "CountryCode" })
                {
                    var index = entity.GetIndexes().SingleOrDefault(i => i.Properties.Select(p => p.Name).SequenceEqual([key, "Name", "Id"]));
                    Assert.True(index is not null, $"{db.GetType().Name}: no index on ({key}, Name, Id)");
                    if (db is PostgresClusterpactDbContext) Assert.Equal("C", index.GetCollation()?[1]);
                }
            }
    }

    /// <summary>Backwards by country, the names within a country go backwards too: the index's order read from its end.</summary>
    [Fact]
    public async Task Sorted_by_country_backwards_the_names_within_a_country_go_backwards_too()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var doc = await officer.GetDocumentAsync("/Organisations?sort=Country&desc=true&size=50");
        var shown = doc.QuerySelectorAll("[data-testid=organisation-table] tbody tr td:first-child a").Select(a => a.TextContent.Trim()).ToList();
        var all = await app.WithDbAsync(db => db.Organisations.Select(o => new { o.CountryCode, o.Name }).ToListAsync());
        var expected = all.OrderByDescending(o => o.CountryCode, StringComparer.Ordinal).ThenByDescending(o => o.Name, StringComparer.Ordinal).Take(50).Select(o => o.Name).ToList();
        Assert.Equal(expected, shown);
    }
}
