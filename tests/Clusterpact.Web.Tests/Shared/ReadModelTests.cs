using System.Text.RegularExpressions;
using Clusterpact.Web.Features.Agreements;
using Clusterpact.Web.Features.AnswerPack;
using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Features.Dashboard;
using Clusterpact.Web.Features.Kpis;
using Clusterpact.Web.Features.OpenData;
using Clusterpact.Web.Features.Organisations;
using Clusterpact.Web.Infrastructure.ReadModels;
using static Clusterpact.Web.Tests.Import.ImportSteps;

namespace Clusterpact.Web.Tests.Shared;

/// <summary>Steps on the kept answers (decision 0020) that other tests share.</summary>
public static class ReadModelSteps
{
    /// <summary>A new stamp for every area, written straight into the database as another node's change would: every kept answer is computed again.</summary>
    public static Task ForgetKeptAnswersAsync(this ClusterpactApp app) =>
        app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"UPDATE {ReadModelStamps.Table} SET \"Version\" = \"Version\" + 1"));

    /// <summary>The tables a command reads (FROM and JOIN), without quotes.</summary>
    public static IEnumerable<string> TablesRead(string sql) =>
        Regex.Matches(sql.Replace("\"", "", StringComparison.Ordinal), @"\b(?:FROM|JOIN)\s+([A-Za-z_][A-Za-z0-9_]*)", RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value);

    /// <summary>Each table of the model with the data area of its records, for those that have one.</summary>
    public static Task<Dictionary<string, ReadModelArea>> AreaTablesAsync(this ClusterpactApp app) => app.WithDbAsync(db => Task.FromResult(
        db.Model.GetEntityTypes().Select(e => (Table: e.GetTableName(), Area: ReadModelAreas.Of(e.ClrType)))
            .Where(t => t.Table is not null && t.Area is not null).DistinctBy(t => t.Table)
            .ToDictionary(t => t.Table!, t => t.Area!.Value, StringComparer.OrdinalIgnoreCase)));
}

/// <summary>
/// Issue 18: the dashboard and the open-data awards are kept answers, exact after any committed change, on any node,
/// including the set-based import; a repeated request reads only the change stamps (decision 0020).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReadModelTests(ClusterpactApp app)
{
    private static readonly CultureInfo Nl = new("nl-BE");

    private static bool Handler(AngleSharp.Html.Dom.IHtmlFormElement f, string name) => f.GetAttribute("action")?.Contains($"handler={name}", StringComparison.Ordinal) == true;

    private static async Task<string> MoneyPaidAsync(HttpClient client, int year) =>
        (await client.GetDocumentAsync("/Dashboard")).QuerySelector($"[data-testid=money] tr[data-year='{year}']")!.QuerySelectorAll("td")[1].TextContent.Trim();

    private static async Task<int> MembersAsync(HttpClient client, int year) =>
        int.Parse((await client.GetDocumentAsync("/Dashboard")).QuerySelector($"[data-testid=members] tr[data-year='{year}'] td")!.TextContent.Trim(), NumberStyles.AllowThousands, Nl);

    [Fact]
    public async Task A_payment_marked_paid_on_the_budget_page_is_on_the_dashboard_at_the_next_request()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var officer = await app.SignedInAsync(Emails.Officer);
        var admin = await app.SignedInAsync(Emails.Admin);
        var year = app.Today.Year;
        var before = await MoneyPaidAsync(reader, year);
        Assert.Equal(before, await MoneyPaidAsync(reader, year));

        var id = await app.ClusterIdAsync("Flanders' FOOD");
        var agreement = await app.WithDbAsync(db => db.SupportAgreements.Where(a => a.ClusterId == id).Select(a => a.Id).SingleAsync());
        var yearId = await app.WithDbAsync(db => db.AgreementYears.Where(y => y.AgreementId == agreement && y.YearStart == new DateOnly(year, 1, 1)).Select(y => y.Id).SingleAsync());
        var url = $"/Clusters/{id}/Agreements/{agreement}/Budget";
        await officer.SubmitFormAsync(url, new Dictionary<string, string> { ["yearId"] = yearId.ToString(), ["amount"] = "1234" }, f => Handler(f, "Payment"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new Dictionary<string, string>(), f => Handler(f, "Step") && f.QuerySelector("input[name=step]")?.GetAttribute("value") == Domain.Funding.AidPayment.Approve)).StatusCode);
        // Approved, not yet paid: the paid money has not moved.
        Assert.Equal(before, await MoneyPaidAsync(reader, year));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, new Dictionary<string, string>(), f => Handler(f, "Step") && f.QuerySelector("input[name=step]")?.GetAttribute("value") == Domain.Funding.AidPayment.MarkPaid)).StatusCode);

        Assert.Equal((decimal.Parse(before.Replace("€", "", StringComparison.Ordinal).Trim(), NumberStyles.Currency, Nl) + 1234m).ToString("C2", Nl), await MoneyPaidAsync(reader, year));
    }

    [Fact]
    public async Task A_member_imported_by_the_set_based_commit_is_counted_on_the_dashboard_at_the_next_request()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var manager = await app.SignedInAsync(Emails.CatalistiManager);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        var lastYear = app.Today.Year - 1;
        var before = await MembersAsync(reader, lastYear);

        var seed = Random.Shared.Next(10_000, 900_000);
        var csv = $"Naam;Ondernemingsnummer;Lid sinds;Lidgeld;VTE;Omzet\r\nLeesmodel {seed} NV;{Number(seed)};01-02-2024;750;8;1.500.000\r\n";
        var upload = await manager.UploadAsync("/Organisations/Import", catalisti, System.Text.Encoding.UTF8.GetBytes(csv), "leden.csv",
            new Dictionary<string, string> { ["Input.DefaultMemberSince"] = "2026-01-01", ["Input.FiguresYear"] = "2025" });
        var url = upload.Headers.Location!.OriginalString;
        await manager.CommitAsync(url);
        var (session, _) = await app.WaitForCommitAsync(manager, url);
        Assert.Equal((ImportSessionStatus.Committed, 1), (session.Status, session.Accepted));

        Assert.Equal(before + 1, await MembersAsync(reader, lastYear));
    }

    [Fact]
    public async Task A_membership_that_starts_is_counted_in_the_cluster_list_at_the_next_request()
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        async Task<int> ActiveMembersAsync() => (await reader.GetFromJsonAsync<JsonElement>("/api/v1/clusters?search=Catalisti")).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("id").GetGuid() == catalisti).GetProperty("activeMembers").GetInt32();
        var today = app.Today;
        // The domain's rule for a member today, asked of the data: From <= today and no Until or Until >= today.
        Task<int> CountedAsync() => app.WithDbAsync(db => db.Memberships.CountAsync(m => m.ClusterId == catalisti && m.From <= today && (m.Until == null || m.Until >= today)));
        var before = await ActiveMembersAsync();
        Assert.Equal(await CountedAsync(), before);
        Assert.Equal(before, await ActiveMembersAsync());

        var outsider = await app.WithDbAsync(db => db.Organisations.Where(o => !db.Memberships.Any(m => m.OrganisationId == o.Id && m.ClusterId == catalisti)).Select(o => o.Id).FirstAsync());
        var joined = new Membership(outsider, catalisti, today.AddDays(-1), null, MembershipRole.Member, null);
        await app.WithDbAsync(db => { db.Memberships.Add(joined); return db.SaveChangesAsync(); });
        try
        {
            Assert.Equal(before + 1, await ActiveMembersAsync());
            Assert.Equal(await CountedAsync(), before + 1);
        }
        finally
        {
            await app.WithDbAsync(db => { db.Memberships.Remove(db.Memberships.Single(m => m.Id == joined.Id)); return db.SaveChangesAsync(); });
        }
        Assert.Equal(before, await ActiveMembersAsync());
    }

    [Theory]
    [InlineData("/Dashboard", true)]
    [InlineData("/OpenData", false)]
    [InlineData("/OpenData?sort=Amount&desc=true", false)]
    [InlineData("/api/v1/open-data/awards", false)]
    [InlineData("/api/v1/open-data/awards?region=BE21&pageSize=5", false)]
    [InlineData("/Kpis?kpi=extra-fte", true)]
    [InlineData("/Agreements", true)]
    [InlineData("/Agreements/Deadlines?search=a&sort=Cluster&p=2", true)]
    [InlineData("/Kpis?sort=Actual&desc=true&p=2", true)]
    [InlineData("/Agreements?sort=Granted&desc=true&p=2", true)]
    [InlineData("/Clusters", true)]
    [InlineData("/Clusters?sort=Members&desc=true&p=2", true)]
    [InlineData("/api/v1/clusters?search=a", true)]
    [InlineData("/Organisations?search=a&p=2", true)]
    [InlineData("/api/v1/organisations?search=de&limit=5", true)]
    [InlineData("/AnswerPack?on=2019-06-30", true)]
    [InlineData("/AnswerPack?handler=Pdf", true)]
    public async Task A_second_request_without_a_change_reads_only_the_stamps(string url, bool signedIn)
    {
        var client = signedIn ? await app.SignedInAsync(Emails.Reader) : app.Anonymous();
        var tables = await app.AreaTablesAsync();
        await app.ForgetKeptAnswersAsync();
        using (app.Sql.Record())
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.Contains(app.Sql.Commands.SelectMany(ReadModelSteps.TablesRead), tables.ContainsKey);

        using (app.Sql.Record())
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var commands = app.Sql.Commands;
        Assert.Single(commands, c => ReadModelSteps.TablesRead(c).Contains(ReadModelStamps.Table));
        Assert.DoesNotContain(commands.SelectMany(ReadModelSteps.TablesRead), tables.ContainsKey);
    }

    /// <summary>
    /// At the EU size each rendering of the pack's PDF or workbook took 0.3-2 s and tens of megabytes: 32 requests at once
    /// took the process from 1.5 to 2.1 GB (bench/soak.sh). The documents are kept beside the pack, under its stamps.
    /// </summary>
    [Theory]
    [InlineData("/AnswerPack?handler=Pdf", "GetAnswerPack.Pdf")]
    [InlineData("/AnswerPack?handler=Xlsx", "GetAnswerPack.Xlsx")]
    public async Task The_answer_packs_documents_are_kept_with_the_pack_not_rendered_per_request(string url, string useCase)
    {
        var reader = await app.SignedInAsync(Emails.Reader);
        await app.ForgetKeptAnswersAsync();
        var first = await reader.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var cache = app.Services.GetRequiredService<ReadModelCache>();
        Assert.Contains(cache.Memory.Keys, k => k.ToString()!.Contains($"UseCase = {useCase},", StringComparison.Ordinal));
        Assert.Equal(await first.Content.ReadAsByteArrayAsync(), await (await reader.GetAsync(url)).Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/Dashboard", nameof(GetDashboard))]
    [InlineData("/api/v1/open-data/awards", nameof(PublishedAwards))]
    [InlineData("/Kpis", nameof(GetKpiAcrossClusters))]
    [InlineData("/Kpis?kpi=extra-fte", nameof(GetKpiAcrossClusters))]
    [InlineData("/Kpis?kpi=members-more-competitive-share", nameof(GetKpiAcrossClusters))]
    [InlineData("/Agreements?handler=Export&format=csv", nameof(GetAgreementOverview))]
    [InlineData("/Agreements", nameof(GetOverviewPage))]
    [InlineData("/Agreements/Deadlines", nameof(ListDeadlines))]
    [InlineData("/Clusters?sort=Members", nameof(ListClusters))]
    [InlineData("/AnswerPack", nameof(GetAnswerPack))]
    [InlineData("/Organisations?sort=Clusters", nameof(RankOrganisationsByClusters))]
    [InlineData("/Organisations?search=a&sort=Kind", nameof(ListOrganisations))]
    [InlineData("/api/v1/organisations?search=a", nameof(ListOrganisations))]
    public async Task The_areas_a_kept_answer_declares_cover_every_table_it_reads(string url, string useCase)
    {
        var client = useCase == nameof(PublishedAwards) ? app.Anonymous() : await app.SignedInAsync(Emails.Reader);
        var tables = await app.AreaTablesAsync();
        await app.ForgetKeptAnswersAsync();
        using (app.Sql.Record())
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        var read = app.Sql.Commands.SelectMany(ReadModelSteps.TablesRead).Where(tables.ContainsKey).Select(t => tables[t]).ToHashSet();
        Assert.NotEmpty(read);
        var declared = useCase switch { nameof(GetDashboard) => GetDashboard.Reads, nameof(PublishedAwards) => PublishedAwards.Reads,
            nameof(GetAgreementOverview) => GetAgreementOverview.Reads, nameof(ListDeadlines) => ListDeadlines.Reads, nameof(GetOverviewPage) => GetOverviewPage.Reads, nameof(ListClusters) => ListClusters.Reads,
            nameof(GetAnswerPack) => GetAnswerPack.Reads, nameof(RankOrganisationsByClusters) => RankOrganisationsByClusters.Reads, nameof(ListOrganisations) => ListOrganisations.Reads, _ => GetKpiAcrossClusters.Reads };
        Assert.Subset(declared.ToHashSet(), read);
    }

    [Fact]
    public async Task Two_nodes_on_one_database_answer_the_open_data_exactly_after_a_change_on_either()
    {
        using var second = app.WithWebHostBuilder(_ => { });
        var other = second.CreateClient();
        const string url = "/api/v1/open-data/awards?sort=Beneficiary&desc=false&pageSize=1";
        async Task<string> FirstNameAsync(HttpClient client) =>
            (await client.GetFromJsonAsync<System.Text.Json.JsonElement>(url)).GetProperty("items")[0].GetProperty("beneficiaryName").GetString()!;

        var name = await FirstNameAsync(other);
        var number = (await other.GetFromJsonAsync<System.Text.Json.JsonElement>(url)).GetProperty("items")[0].GetProperty("enterpriseNumber").GetString()!;
        var id = await app.WithDbAsync(db => db.Organisations.Where(o => o.EnterpriseNumber == number.Replace(".", "", StringComparison.Ordinal) && o.Name == name).Select(o => o.Id).FirstAsync());
        var renamed = $"AAA {name}";
        try
        {
            // A write past the stamps (as a forgotten bump would be): the second node keeps its answer...
            await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).ExecuteUpdateAsync(s => s.SetProperty(o => o.Name, renamed)));
            Assert.Equal(name, await FirstNameAsync(other));
            // ...until the area's stamp changes in the shared database.
            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"UPDATE {ReadModelStamps.Table} SET \"Version\" = \"Version\" + 1 WHERE \"Area\" = 'Members'"));
            Assert.Equal(renamed, await FirstNameAsync(other));
            Assert.Equal(renamed, await FirstNameAsync(app.Anonymous()));
        }
        finally
        {
            // A change through the first node's change tracker: the second node's next answer has it.
            await app.WithDbAsync(async db =>
            {
                var organisation = await db.Organisations.SingleAsync(o => o.Id == id);
                db.Entry(organisation).Property(o => o.Name).CurrentValue = name;
                return await db.SaveChangesAsync();
            });
        }
        Assert.Equal(name, await FirstNameAsync(other));
        Assert.Equal(name, await FirstNameAsync(app.Anonymous()));
    }

    [Fact]
    public void Every_domain_record_has_a_data_area()
    {
        using var scope = app.Services.CreateScope();
        var model = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>().Model;
        var domain = model.GetEntityTypes().Where(e => e.ClrType.Namespace?.StartsWith("Clusterpact.Domain.", StringComparison.Ordinal) == true).ToList();
        Assert.NotEmpty(domain);
        Assert.All(domain, e => Assert.NotNull(ReadModelAreas.Of(e.ClrType)));
        Assert.Equal(ReadModelArea.EnterpriseRegister, ReadModelAreas.Of(typeof(RegisterEnterprise)));
        Assert.Null(ReadModelAreas.Of(typeof(AuditEntry)));
    }

    private sealed record Setting(string Value, int Pid);

    /// <summary>
    /// A kept answer's computation runs its queries without PostgreSQL's parallel workers (ReadModels:ParallelWorkersPerQuery,
    /// 0: at the EU size the workers each built the same hash again), and its connection goes back to the pool with the
    /// server's setting, so the requests that take it next keep their parallel plans.
    /// </summary>
    [Fact]
    public async Task A_computation_queries_without_parallel_workers_and_gives_its_connection_back_as_it_was()
    {
        if (!ClusterpactApp.OnPostgres) return;
        static Task<Setting> ReadAsync(ClusterpactDbContext db, CancellationToken ct) => db.Database
            .SqlQueryRaw<Setting>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\", pg_backend_pid() AS \"Pid\"").SingleAsync(ct);
        var (computed, server) = await app.WithScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(Guid.NewGuid(), Emails.Officer, [Roles.ProgrammeOfficer]);
            var view = await sp.GetRequiredService<ReadModelStore>().ViewAsync(CancellationToken.None);
            var computed = await view.GetAsync("ParallelWorkersProbe", Guid.NewGuid(), [ReadModelArea.Members],
                (services, t) => ReadAsync(services.GetRequiredService<ClusterpactDbContext>(), t), _ => 1);
            var server = await sp.GetRequiredService<ClusterpactDbContext>().Database
                .SqlQueryRaw<string>("SELECT reset_val AS \"Value\" FROM pg_settings WHERE name = 'max_parallel_workers_per_gather'").SingleAsync();
            return (computed, server);
        });
        Assert.Equal("0", computed.Value);
        Assert.NotEqual("0", server);
        // Take connections from the pool, holding each, until the computation's comes back: it has the server's setting again.
        var scopes = new List<AsyncServiceScope>();
        try
        {
            for (var i = 0; i < 40; i++)
            {
                var scope = app.Services.CreateAsyncScope();
                scopes.Add(scope);
                var db = scope.ServiceProvider.GetRequiredService<ClusterpactDbContext>();
                await db.Database.OpenConnectionAsync();
                var now = await ReadAsync(db, CancellationToken.None);
                if (now.Pid != computed.Pid) continue;
                Assert.Equal(server, now.Value);
                return;
            }
            Assert.Fail("The computation's connection did not come back to the pool.");
        }
        finally
        {
            foreach (var scope in scopes) await scope.DisposeAsync();
        }
    }
}
