using Clusterpact.Web.Tests.Kpis;

namespace Clusterpact.Web.Tests.Shared;

/// <summary>
/// Issue 18: the open data, the answer pack and the agreements overview read no growing table whole, and read from
/// it only what they count or show (the rows each query returns, as <see cref="SqlCommandLog"/> records them).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReadPathTests(ClusterpactApp app)
{
    /// <summary>A reader counts its last Read(), the one that finds no more rows, as a read operation.</summary>
    private const int LastRead = 1;

    private static bool Names(string sql, string table) =>
        System.Text.RegularExpressions.Regex.IsMatch(sql.Replace("\"", "", StringComparison.Ordinal), $@"\b(FROM|JOIN)\s+{table}\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

    private async Task<IReadOnlyList<(string Sql, int Rows)>> ReadsAsync(string url)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        // The answer may be kept from an earlier request (decision 0020): new stamps make this one compute it.
        await app.ForgetKeptAnswersAsync();
        using (app.Sql.Record())
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(url)).StatusCode);
        var reads = app.Sql.Reads;
        Assert.NotEmpty(reads);
        Assert.Empty(KpiFiguresTests.WholeTableReads(app.Sql.Commands));
        return reads;
    }

    [Theory]
    [InlineData("/OpenData")]
    [InlineData("/api/v1/open-data/awards")]
    [InlineData("/api/v1/open-data/awards.csv")]
    public async Task The_open_data_reads_only_the_organisations_that_receive_aid(string url)
    {
        var reads = await ReadsAsync(url);
        var (total, named) = await app.WithDbAsync(async db => (await db.Organisations.CountAsync(),
            await db.Organisations.CountAsync(o => db.Projects.Any(p => p.Aid > 0 && p.Partners.Any(x => x.OrganisationId == o.Id)) || db.Clusters.Any(c => c.EnterpriseNumber == o.EnterpriseNumber))));
        Assert.True(named < total);
        Assert.All(reads.Where(r => Names(r.Sql, "organisations")), r => Assert.InRange(r.Rows, 0, named + LastRead));
    }

    [Fact]
    public async Task The_open_data_never_asks_for_organisations_by_one_subquery_or_another()
    {
        // "Id IN (partners) OR EnterpriseNumber IN (cluster numbers)" is a subplan per organisation on PostgreSQL once the
        // partner ids outgrow work_mem: on the EU data set the open-data page ran for more than seven minutes.
        var reads = await ReadsAsync("/OpenData");
        var either = new System.Text.RegularExpressions.Regex(@"\bIN\s*\(\s*SELECT\b.*\)\s*OR\b.*\bIN\s*\(\s*SELECT\b",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.Contains(reads, r => Names(r.Sql, "organisations"));
        Assert.All(reads.Where(r => Names(r.Sql, "organisations")), r => Assert.DoesNotMatch(either, r.Sql));
    }

    [Fact]
    public async Task The_open_data_reads_the_columns_an_award_publishes_not_the_organisations_figures_nor_the_projects_clusters()
    {
        // At the EU size the organisations with their yearly size figures took 24 s and most of the computation's memory,
        // and the projects with all their owned collections one row per partner and cluster pair (10 s).
        var reads = await ReadsAsync("/OpenData");
        Assert.Contains(reads, r => Names(r.Sql, "organisations"));
        Assert.Contains(reads, r => Names(r.Sql, "project_partners"));
        Assert.DoesNotContain(reads, r => Names(r.Sql, "organisation_figures"));
        Assert.DoesNotContain(reads, r => Names(r.Sql, "project_clusters"));
    }

    [Fact]
    public async Task The_open_data_reads_each_project_once_with_its_partners_in_project_order_not_the_shares_beside_the_projects()
    {
        // At the EU size the 900,000 partner shares came as a list and a lookup beside the projects' list, the organisations
        // and the award lines (the computation's peak: 1.4 GB). One stream in project order lets it hold one project's rows.
        var reads = await ReadsAsync("/OpenData");
        var projects = reads.Where(r => Names(r.Sql, "projects") && !Names(r.Sql, "organisations") && !Names(r.Sql, "register_enterprises")).ToList();
        var stream = Assert.Single(projects);
        Assert.True(Names(stream.Sql, "project_partners"), stream.Sql);
        Assert.Matches(@"(?is)\bLEFT\s+JOIN\b.*\bORDER\s+BY\b", stream.Sql);
    }

    /// <summary>
    /// With PostgreSQL's retrying strategy EF Core read every row of a query into memory before it handed over the first
    /// (so that it could run the query again): the open data's "streamed" organisations and project rows were all held at
    /// once (at the EU size about 300 MB of the computation's heap, dotnet-gcdump: Guid, decimal and object columns, a
    /// boxed date and a string per row). Every kept answer's computation runs as a whole now (retried from its start,
    /// ReadModelStore.RunAsync), so its reads stream. On SQLite nothing is retried, so nothing was buffered; a request's
    /// own list (the projects page, not a kept answer) shows that the log sees buffering.
    /// </summary>
    [Fact]
    public async Task The_open_data_streams_its_organisations_and_projects_instead_of_reading_them_whole_first()
    {
        await ReadsAsync("/OpenData");
        var buffered = app.Sql.Buffered;
        Assert.DoesNotContain(buffered, sql => Names(sql, "organisations") || Names(sql, "project_partners"));

        await ReadsAsync("/Projects");
        if (ClusterpactApp.OnPostgres) Assert.NotEmpty(app.Sql.Buffered);
    }

    [Theory]
    [InlineData("/Agreements")]
    [InlineData("/Agreements?sort=Granted&desc=true&p=2")]
    [InlineData("/Dashboard")]
    public async Task The_agreements_overview_reads_one_row_per_cluster_not_every_working_year(string url)
    {
        var (clusters, years) = await app.WithDbAsync(async db => (await db.Clusters.CountAsync(), await db.AgreementYears.CountAsync()));
        Assert.True(years > clusters, "the demo has more working years than clusters, so reading them all would show");
        var reads = await ReadsAsync(url);
        Assert.All(reads.Where(r => Names(r.Sql, "agreement_years") || Names(r.Sql, "cofinancing_payments") || Names(r.Sql, "aid_payments")),
            r => Assert.InRange(r.Rows, 0, clusters + LastRead));
    }

    [Fact]
    public async Task The_answer_pack_reads_only_the_working_years_it_plans_for()
    {
        var on = new DateOnly(2019, 6, 30);
        // A working year comes with its cofinancing payments (one row each, at least one row a year).
        var (inRange, later) = await app.WithDbAsync(async db => (
            (await db.AgreementYears.Where(y => y.YearStart >= new DateOnly(2019, 1, 1) && y.YearStart < new DateOnly(2024, 1, 1))
                .Select(y => y.CofinancingPayments.Count()).ToListAsync()).Sum(n => Math.Max(1, n)),
            await db.AgreementYears.CountAsync(y => y.YearStart >= new DateOnly(2024, 1, 1))));
        Assert.True(later > 0, "the demo has working years after the five the pack plans for");
        var reads = await ReadsAsync($"/AnswerPack?on={on:yyyy-MM-dd}");
        Assert.All(reads.Where(r => Names(r.Sql, "agreement_years")), r => Assert.InRange(r.Rows, 0, inRange + LastRead));
    }

    [Fact]
    public async Task The_answer_packs_kpis_read_only_the_targets_of_the_years_they_show()
    {
        // On 30-06-2019 the pack shows the complete years 2017 and 2018; the demo sets targets from 2019 on.
        var on = new DateOnly(2019, 6, 30);
        var (shown, other) = await app.WithDbAsync(async db => (
            await db.KpiTargets.CountAsync(t => t.Year >= 2017 && t.Year <= 2018), await db.KpiTargets.CountAsync(t => t.Year > 2018)));
        Assert.True(other > shown, "the demo has targets of later years, so reading them all would show");
        var reads = await ReadsAsync($"/AnswerPack?on={on:yyyy-MM-dd}");
        Assert.All(reads.Where(r => Names(r.Sql, "kpi_targets")), r => Assert.InRange(r.Rows, 0, shown + LastRead));
    }

    [Fact]
    public async Task The_extension_form_reads_what_it_shows_and_no_member_of_the_cluster()
    {
        var agreement = await app.WithDbAsync(db => db.SupportAgreements.AsNoTracking()
            .Where(a => db.Memberships.Any(m => m.ClusterId == a.ClusterId)).Select(a => new { a.ClusterId, a.Id }).FirstAsync());
        var reads = await ReadsAsync($"/Clusters/{agreement.ClusterId}/Agreements/{agreement.Id}/Extend");
        Assert.DoesNotContain(reads, r => Names(r.Sql, "memberships") || Names(r.Sql, "organisations"));
    }
}
