using Clusterpact.Web.Infrastructure.Localization;

namespace Clusterpact.Web.Tests.Shared;

/// <summary>
/// Issue 18: a page made only of kept answers (the dashboard, the KPI view) keeps its rendered HTML under the answers'
/// version (ReadModelStore.SharedVersion) and the culture. Two people reading it in two languages each get their own
/// language, and a change shows at the next request (also ReadModelTests: a payment paid, a member imported).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class KeptRenderTests(ClusterpactApp app)
{
    [Fact]
    public async Task The_kept_figures_are_rendered_in_the_language_of_each_reader()
    {
        var dutch = await app.SignedInAsync(Emails.Officer);
        var english = await app.SignedInAsync(Emails.Reader);
        // Each person's language as other tests left it, given back at the end; here one reads Dutch, the other English.
        var before = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.Officer || u.Email == Emails.Reader).ToDictionaryAsync(u => u.Email!, u => u.PreferredCulture));
        await SwitchAsync(dutch, Cultures.DutchName);
        await SwitchAsync(english, Cultures.EnglishName);
        try
        {
            var first = await dutch.GetDocumentAsync("/Dashboard");
            var inEnglish = await english.GetDocumentAsync("/Dashboard");
            var again = await dutch.GetDocumentAsync("/Dashboard");

            Assert.Equal("Middelen per kalenderjaar (EUR)", Caption(first));
            Assert.Equal("Money per calendar year (EUR)", Caption(inEnglish));
            Assert.Equal(Caption(first), Caption(again));
            Assert.Equal(first.QuerySelector("[data-testid=money]")!.OuterHtml, again.QuerySelector("[data-testid=money]")!.OuterHtml);
            // The same figures in both languages: the rows, one per year, and their number of cells.
            Assert.Equal(Years(first), Years(inEnglish));
        }
        finally
        {
            await SwitchAsync(dutch, Cultures.Resolve(before[Emails.Officer]).Name);
            await SwitchAsync(english, Cultures.Resolve(before[Emails.Reader]).Name);
        }
    }

    [Fact]
    public async Task A_membership_that_starts_is_on_the_kept_kpi_page_at_the_next_request_and_a_manager_gets_a_page_of_their_own()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var url = $"/Kpis?kpi={KpiCatalogue.Members}&year={app.Today.Year}";
        async Task<string> ActualAsync(HttpClient client) =>
            (await client.GetDocumentAsync(url)).QuerySelector($"[data-testid=across] tr[data-cluster='{catalisti}'] td")!.TextContent.Trim();
        var before = await ActualAsync(officer);
        Assert.Equal(before, await ActualAsync(officer));
        Assert.Equal(before, await ActualAsync(manager));
        // The manager's page is their own (their clusters), not the officer's kept one.
        async Task<int> RowsAsync(HttpClient client) => (await client.GetDocumentAsync(url)).QuerySelectorAll("[data-testid=across] tbody tr[data-cluster]").Length;
        var managed = await app.WithDbAsync(db => db.Users.Where(u => u.Email == Emails.CatalistiManager).SelectMany(u => u.ClusterScopes).CountAsync());
        Assert.Equal(managed, await RowsAsync(manager));
        Assert.True(await RowsAsync(officer) > managed);

        var today = app.Today;
        var outsider = await app.WithDbAsync(db => db.Organisations.Where(o => !db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti)).Select(o => o.Id).FirstAsync());
        var joined = new Membership(outsider, catalisti, today.AddDays(-1), null, MembershipRole.Member, null);
        await app.WithDbAsync(db => { db.Memberships.Add(joined); return db.SaveChangesAsync(); });
        try
        {
            var after = await ActualAsync(officer);
            Assert.NotEqual(before, after);
            Assert.Equal(after, await ActualAsync(manager));
        }
        finally
        {
            await app.WithDbAsync(db => { db.Memberships.Remove(db.Memberships.Single(m => m.Id == joined.Id)); return db.SaveChangesAsync(); });
        }
        Assert.Equal(before, await ActualAsync(officer));
    }

    /// <summary>
    /// Issue 18: a search of the register by someone who sees the whole programme is kept per search, filters, sort and
    /// page (its trigram read was most of a search's cost at the EU size). Page 2 and another order are their own pages;
    /// a rename shows at the next request; a cluster's manager searches their own members and never gets the kept page.
    /// </summary>
    [Fact]
    public async Task A_kept_register_search_is_the_page_asked_for_shows_a_rename_at_the_next_request_and_a_manager_searches_their_own()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        async Task<IReadOnlyList<string>> NamesAsync(HttpClient client, string query) =>
            (await client.GetDocumentAsync("/Organisations?size=5&" + query)).QuerySelectorAll("[data-testid=organisation-table] tbody tr td:first-child a")
                .Select(a => a.TextContent.Trim()).ToList();
        var first = await NamesAsync(officer, "search=a&sort=Country");
        var second = await NamesAsync(officer, "search=a&sort=Country&p=2");
        Assert.Equal(5, first.Count);
        Assert.Equal(5, second.Count);
        Assert.NotEqual(first, second);
        Assert.Equal(first, await NamesAsync(officer, "search=a&sort=Country"));
        Assert.NotEqual(first, await NamesAsync(officer, "search=a&sort=Country&desc=true"));

        var catalisti = await app.ClusterIdAsync("Catalisti");
        var outsider = await app.WithDbAsync(db => db.Organisations.Where(o => !db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti))
            .Select(o => new { o.Id, o.Name }).FirstAsync());
        Task RenameAsync(string name) => app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == outsider.Id);
            db.Entry(organisation).Property(o => o.Name).CurrentValue = name;
            return await db.SaveChangesAsync();
        });
        Assert.Empty(await NamesAsync(officer, "search=Zoekproef"));
        await RenameAsync("Zoekproef Kept BV");
        try
        {
            Assert.Equal(["Zoekproef Kept BV"], await NamesAsync(officer, "search=zoekproef"));
            Assert.Equal(["Zoekproef Kept BV"], await NamesAsync(officer, "search=Zoekproef"));
            Assert.Empty(await NamesAsync(manager, "search=Zoekproef"));
        }
        finally
        {
            await RenameAsync(outsider.Name);
        }
        Assert.Empty(await NamesAsync(officer, "search=Zoekproef"));
    }

    [Fact]
    public async Task A_kept_overview_page_is_the_page_asked_for_in_the_sort_asked_for()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        async Task<IReadOnlyList<string?>> RowsAsync(string url) =>
            (await officer.GetDocumentAsync(url)).QuerySelectorAll("[data-testid=overview] tbody tr").Select(r => r.GetAttribute("data-cluster")).ToList();
        var first = await RowsAsync("/Agreements");
        var second = await RowsAsync("/Agreements?p=2");
        var firstAgain = await RowsAsync("/Agreements");
        var reversed = await RowsAsync("/Agreements?desc=true");

        Assert.Equal(Clusterpact.Web.Features.Shared.Paging.DefaultPageSize, first.Count);
        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));
        Assert.Equal(first, firstAgain);
        Assert.NotEqual(first[0], reversed[0]);
    }

    /// <summary>
    /// Issue 18: the KPI view's clusters, the deadline list and the cluster list are paged, searched and sorted from kept
    /// answers; the rendered page is kept per list state, so page 2, a search and another order are each their own page.
    /// </summary>
    [Theory]
    [InlineData("/Kpis", "across", "tr[data-cluster]")]
    [InlineData("/Agreements/Deadlines", "deadline-table", "tr[data-kind]")]
    [InlineData("/Clusters", "cluster-table", "tr[data-cluster]")]
    public async Task A_kept_paged_list_is_the_page_search_and_sort_asked_for(string url, string table, string row)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        async Task<IReadOnlyList<string>> RowsAsync(string query) =>
            (await officer.GetDocumentAsync(url + query)).QuerySelectorAll($"[data-testid={table}] tbody {row}").Select(r => r.OuterHtml).ToList();
        var first = await RowsAsync("?size=5");
        var second = await RowsAsync("?size=5&p=2");
        Assert.Equal(5, first.Count);
        Assert.NotEmpty(second);
        Assert.Empty(first.Intersect(second));
        Assert.Equal(first, await RowsAsync("?size=5"));
        Assert.NotEqual(first[0], (await RowsAsync("?size=5&sort=" + (table == "deadline-table" ? "Cluster" : "Name") + "&desc=true"))[0]);

        // A cluster's name from page 2, searched in capitals: only its rows.
        var cluster = (await officer.GetDocumentAsync(url + "?size=5&p=2")).QuerySelector($"[data-testid={table}] tbody {row} a")!.TextContent.Trim();
        var found = await RowsAsync("?size=5&search=" + Uri.EscapeDataString(cluster.ToUpperInvariant()));
        Assert.NotEmpty(found);
        Assert.All(found, r => Assert.Contains(cluster, r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_kept_open_data_page_shows_what_was_not_published_to_agency_staff_only_and_each_page_and_search_its_own_rows()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        async Task<AngleSharp.Html.Dom.IHtmlDocument> PublicAsync(string url) => await app.Anonymous().GetDocumentAsync(url);
        // In both orders: the public page rendered first must not give staff a page without the refusals, nor the other way round.
        Assert.Null((await PublicAsync("/OpenData")).QuerySelector("[data-testid=refused]"));
        Assert.NotNull((await officer.GetDocumentAsync("/OpenData")).QuerySelector("[data-testid=refused]"));
        Assert.Null((await PublicAsync("/OpenData")).QuerySelector("[data-testid=refused]"));

        static IReadOnlyList<string?> References(AngleSharp.Html.Dom.IHtmlDocument doc) =>
            doc.QuerySelectorAll("[data-testid=award-table] tbody tr[data-reference]").Select(r => r.GetAttribute("data-reference")).ToList();
        var all = References(await PublicAsync("/OpenData?size=5"));
        var next = References(await PublicAsync("/OpenData?size=5&p=2"));
        Assert.Equal(5, all.Count);
        Assert.NotEmpty(next);
        Assert.Empty(all.Intersect(next));
        var name = (await PublicAsync("/OpenData?size=5")).QuerySelector("[data-testid=award-table] tbody tr[data-reference] th")!.ChildNodes[0].TextContent.Trim();
        var found = await PublicAsync("/OpenData?size=5&search=" + Uri.EscapeDataString(name));
        Assert.All(found.QuerySelectorAll("[data-testid=award-table] tbody tr[data-reference] th"), th => Assert.Contains(name, th.TextContent, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// At the EU size a computation after a change takes 10-70 s: every reader, the one whose request started it too, takes
    /// the previous figures after the fresh wait, and the page says of when they are; once computed, everybody gets the new ones.
    /// </summary>
    [Fact]
    public async Task While_the_new_figures_are_computed_every_reader_gets_the_previous_ones_and_is_told_of_when()
    {
        // The product's fresh wait, not the tests' (ClusterpactApp.FreshWaitMilliseconds).
        using var node = app.WithInterceptor<HoldsOneQuery>().WithWebHostBuilder(b => b.UseSetting("ReadModels:FreshWaitMilliseconds", "1000"));
        var (officer, _) = await node.SignedInWithJarAsync(Emails.Officer, Clusterpact.Web.Data.Seed.DemoLogins.Password);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var url = $"/Kpis?kpi={KpiCatalogue.Members}&year={app.Today.Year}";
        async Task<(string Actual, string? Stale)> ReadAsync()
        {
            var doc = await officer.GetDocumentAsync(url);
            return (doc.QuerySelector($"[data-testid=across] tr[data-cluster='{catalisti}'] td")!.TextContent.Trim(),
                doc.QuerySelector("[data-testid=stale-answer]")?.TextContent.Trim());
        }
        var before = await ReadAsync();
        Assert.Null(before.Stale);

        var outsider = await app.WithDbAsync(db => db.Organisations.Where(o => !db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti)).Select(o => o.Id).FirstAsync());
        var joined = new Membership(outsider, catalisti, app.Today.AddDays(-1), null, MembershipRole.Member, null);
        await app.WithDbAsync(db => { db.Memberships.Add(joined); return db.SaveChangesAsync(); });
        var hold = node.Services.GetRequiredService<HoldsOneQuery>();
        try
        {
            hold.Arm("memberships");
            // The request that starts the computation is not held by it either (at the EU size it took 10-70 s): it runs on
            // in a scope of its own, and this request gets the previous figures after the fresh wait, told of when.
            var starting = await ReadAsync().WaitAsync(TimeSpan.FromSeconds(20));
            await hold.Held.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(before.Actual, starting.Actual);
            Assert.NotNull(starting.Stale);
            var meanwhile = await ReadAsync().WaitAsync(TimeSpan.FromSeconds(20));
            Assert.Equal(before.Actual, meanwhile.Actual);
            Assert.NotNull(meanwhile.Stale);

            hold.Release();
            var computed = await ReadAsync();
            for (var i = 0; i < 100 && computed.Stale is not null; i++)
            {
                await Task.Delay(100);
                computed = await ReadAsync();
            }
            Assert.NotEqual(before.Actual, computed.Actual);
            Assert.Null(computed.Stale);
            Assert.Equal(computed, await ReadAsync());
        }
        finally
        {
            hold.Release();
            await app.WithDbAsync(db => { db.Memberships.Remove(db.Memberships.Single(m => m.Id == joined.Id)); return db.SaveChangesAsync(); });
        }
    }

    /// <summary>Once armed, holds the first query whose text names the given table until released.</summary>
    private sealed class HoldsOneQuery : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        private readonly TaskCompletionSource _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private string? _table;

        public Task Held => _held.Task;

        public void Arm(string table) => _table = table;

        public void Release() => _released.TrySetResult();

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default)
        {
            if (_table is { } table && command.CommandText.Contains(table, StringComparison.Ordinal) && Interlocked.CompareExchange(ref _table, null, table) == table)
            {
                _held.TrySetResult();
                await _released.Task;
            }
            return result;
        }
    }

    private static string Caption(AngleSharp.Html.Dom.IHtmlDocument doc) => doc.QuerySelector("[data-testid=money] caption")!.TextContent.Trim();

    private static IReadOnlyList<string?> Years(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll("[data-testid=money] tbody tr").Select(r => r.GetAttribute("data-year")).ToList();

    private static Task SwitchAsync(HttpClient client, string culture) =>
        client.SubmitFormAsync("/", new Dictionary<string, string> { ["culture"] = culture, ["returnUrl"] = "/" }, f => f.GetAttribute("action") == "/culture");
}
