using System.Text.RegularExpressions;
using Clusterpact.Web.Features.Kpis;
using Clusterpact.Web.Features.Projects;

namespace Clusterpact.Web.Tests.Kpis;

/// <summary>What the domain rules give for the data in the database, computed in memory the way the KPIs were before issue 18.</summary>
internal static class DomainRule
{
    public static async Task<KpiInputs> InputsAsync(ClusterpactDbContext db)
    {
        var memberships = await db.Memberships.AsNoTracking().Select(m => new MembershipPeriod(m.OrganisationId, m.ClusterId, m.From, m.Until)).ToListAsync();
        var orgs = await db.Organisations.AsNoTracking().Select(o => new OrganisationFacts(o.Id, o.Kind, o.SizeClass, o.InternationallyActive)).ToDictionaryAsync(o => o.Id);
        var partners = await db.Organisations.AsNoTracking().Select(o => new PartnerFacts(o.Id, o.Kind, o.SizeClass)).ToDictionaryAsync(o => o.OrganisationId);
        var projects = (await db.Projects.AsNoTracking().ToListAsync()).Select(p => GetProjectFacts.Facts(p, partners)).ToList();
        return new KpiInputs(memberships, orgs, projects);
    }

    public static readonly string[] Computed = KpiCatalogue.All.Where(k => k.Source == KpiSource.Computed).Select(k => k.Code).ToArray();
}

/// <summary>
/// The SQL aggregates of the KPIs (<see cref="KpiFigures"/>, <see cref="KpiValues"/>) on hand-worked data in an
/// installation of their own: the programme counts an organisation of two clusters once, an intercluster project once,
/// and a returned report not.
/// </summary>
[Collection(FreshInstallations.Name)]
public sealed class KpiFiguresHandWorkedTests
{
    private static string EnterpriseNumber(int n) => $"{n:D8}{97 - n % 97:D2}";

    [Fact]
    public async Task The_programme_counts_an_organisation_and_an_intercluster_project_once_and_a_returned_report_not()
    {
        await using var app = new FreshInstallation();
        var (a, b) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ClusterpactDbContext>();
            var a = new Cluster("Hand A", ClusterType.SpearheadCluster, "Chemistry", "test", new DateOnly(2017, 1, 1), null, ClusterStatus.Supported);
            var b = new Cluster("Hand B", ClusterType.SpearheadCluster, "Energy", "test", new DateOnly(2017, 1, 1), null, ClusterStatus.Supported);
            db.Clusters.AddRange(a, b);
            var orgs = Enumerable.Range(0, 4).Select(i => new Organisation($"Company {i}", OrganisationKind.Company, EnterpriseNumber(20_000_000 + i), "BE", i == 0)).ToList();
            orgs[0].SetSizeClass(SizeClass.Small);
            orgs[1].SetSizeClass(SizeClass.Large);
            var university = new Organisation("University", OrganisationKind.KnowledgeInstitution, EnterpriseNumber(20_000_100), "BE", true);
            db.Organisations.AddRange([.. orgs, university]);
            // Company 0: member of A from 2020 to 2022, back in A and also in B from 2024: one member, new in 2020 only.
            db.Memberships.AddRange(
                new Membership(orgs[0].Id, a.Id, new DateOnly(2020, 3, 1), new DateOnly(2022, 12, 31), MembershipRole.Member, null),
                new Membership(orgs[0].Id, a.Id, new DateOnly(2024, 1, 1), null, MembershipRole.Member, null),
                new Membership(orgs[0].Id, b.Id, new DateOnly(2024, 1, 1), null, MembershipRole.Member, null),
                new Membership(orgs[1].Id, a.Id, new DateOnly(2024, 6, 1), null, MembershipRole.Member, null),
                new Membership(university.Id, b.Id, new DateOnly(2024, 6, 1), null, MembershipRole.Member, null),
                new Membership(orgs[2].Id, b.Id, new DateOnly(2025, 1, 1), null, MembershipRole.Member, null));
            // One intercluster project of A and B with three companies and a university, approved, started in 2024.
            var project = Project.Propose(new ProjectDetails(ProjectType.Intercluster, "Shared pilot", null, StrategicTheme.CircularEconomy, new DateOnly(2024, 3, 1),
                new DateOnly(2026, 2, 28), 3, 6, 400_000m, 100_000m, [a.Id, b.Id]), orgs[0].Id, null).Value!;
            foreach (var o in new[] { orgs[1], orgs[2], university }) Assert.True(project.SetPartner(o.Id, PartnerRole.Partner, 100_000m, byAgency: true).IsSuccess);
            Assert.True(project.Take(ProjectStep.Approve, new HashSet<Actor> { Actor.Agency }, null, new DateOnly(2024, 2, 1)).IsSuccess);
            // A proposal of A alone in 2024 does not count: only approved projects do.
            var proposal = Project.Propose(new ProjectDetails(ProjectType.Collaboration, "Proposal", null, StrategicTheme.CircularEconomy, new DateOnly(2024, 5, 1),
                new DateOnly(2025, 5, 1), 3, 6, 50_000m, 20_000m, [a.Id]), orgs[1].Id, null).Value!;
            db.Projects.AddRange(project, proposal);
            // Reports for 2024: A's accepted (10 FTE, 30% more competitive), B's returned (30 FTE, 90%): the programme has A's only.
            var at = new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);
            foreach (var (cluster, fte, share, accept) in new[] { (a, 10m, 0.3m, true), (b, 30m, 0.9m, false) })
            {
                var report = AnnualReport.Start(cluster.Id, 2024);
                foreach (var kpi in KpiCatalogue.Reported)
                    Assert.True(report.SetValue(kpi.Code, kpi.Code == KpiCatalogue.ExtraFte ? fte : kpi.Unit == KpiUnit.Share ? share : 5m, "hand", null, null).IsSuccess);
                Assert.True(report.SetNarrative("A year of work.").IsSuccess);
                Assert.True(report.Submit(new HashSet<Actor> { Actor.ClusterManager }, "manager", at).IsSuccess);
                Assert.True((accept ? report.Accept(new HashSet<Actor> { Actor.Agency }, "officer", at.AddDays(1)) : report.Return(new HashSet<Actor> { Actor.Agency }, "officer", at.AddDays(1), "Please explain.")).IsSuccess);
                db.AnnualReports.Add(report);
            }
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        await app.WithScopeAsync(async sp =>
        {
            var figures = sp.GetRequiredService<KpiFigures>();
            int[] years = [2020, 2023, 2024, 2025];
            var today = app.Clock.TodayInBrussels();
            var programme = await figures.ProgrammeAsync(years, today, CancellationToken.None);
            var perCluster = await figures.PerClusterAsync(years, null, today, CancellationToken.None);
            // Hand-worked: on 31-12-2024 the programme has company 0 (in A and B), company 1 and the university: 3, not 4.
            Assert.Equal(3m, programme[(KpiCatalogue.Members, 2024)]);
            Assert.Equal((2m, 2m), (perCluster[(a, KpiCatalogue.Members, 2024)], perCluster[(b, KpiCatalogue.Members, 2024)]));
            Assert.Equal(0.5m, programme[(KpiCatalogue.SmeShare, 2024)]); // company 0 small, company 1 large
            Assert.Equal(0.5m, programme[(KpiCatalogue.InternationalShare, 2024)]);
            Assert.Equal((1m, 0m, 2m, 1m), (programme[(KpiCatalogue.NewMembers, 2020)], programme[(KpiCatalogue.NewMembers, 2023)],
                programme[(KpiCatalogue.NewMembers, 2024)], programme[(KpiCatalogue.NewMembers, 2025)]));
            // In a cluster "new" is the first membership of that cluster: B has company 0 and the university, A company 1 only.
            Assert.Equal((1m, 2m), (perCluster[(a, KpiCatalogue.NewMembers, 2024)], perCluster[(b, KpiCatalogue.NewMembers, 2024)]));
            // The intercluster project: once for the programme, once in each of its clusters.
            Assert.Equal((1m, 100_000m), (programme[(KpiCatalogue.CollaborationProjects, 2024)], programme[(KpiCatalogue.ProjectFunding, 2024)]));
            Assert.Equal((1m, 1m), (perCluster[(a, KpiCatalogue.CollaborationProjects, 2024)], perCluster[(b, KpiCatalogue.CollaborationProjects, 2024)]));
            Assert.Equal((100_000m, 100_000m), (perCluster[(a, KpiCatalogue.ProjectFunding, 2024)], perCluster[(b, KpiCatalogue.ProjectFunding, 2024)]));

            // The same as the domain rule over the whole data, for the programme and each cluster.
            var inputs = await DomainRule.InputsAsync(sp.GetRequiredService<ClusterpactDbContext>());
            foreach (var code in DomainRule.Computed)
                foreach (var y in years)
                {
                    Assert.Equal(KpiCalculator.Compute(code, y, inputs), programme[(code, y)]);
                    foreach (var c in new[] { a, b })
                        Assert.Equal(KpiCalculator.Compute(code, y, inputs, c), perCluster.TryGetValue((c, code, y), out var v) ? v : KpiFigures.Empty(code, y));
                }

            // A returned report does not count: A's 10 FTE, not 40; the average share over A only.
            var kpis = sp.GetRequiredService<GetKpiAcrossClusters>();
            var fte = (await kpis.HandleAsync(KpiCatalogue.Find(KpiCatalogue.ExtraFte)!, 2024, CancellationToken.None)).ProgrammeYears;
            Assert.Equal(10m, fte.Single(v => v.Year == 2024).Value);
            Assert.Null(fte.Single(v => v.Year == 2023).Value);
            var share = (await kpis.HandleAsync(KpiCatalogue.Find(KpiCatalogue.MoreCompetitive)!, 2024, CancellationToken.None)).ProgrammeYears;
            Assert.Equal(0.3m, share.Single(v => v.Year == 2024).Value);
            return 0;
        });
    }
    /// <summary>
    /// The member figures of many days at once (one bit per day, 30 days a query): an organisation with two overlapping
    /// memberships of one cluster counts once on a day both cover, a membership counts on its first and last day and not
    /// on the day after, one between two asked days on neither, and more than 30 days are counted in several queries.
    /// </summary>
    [Fact]
    public async Task Member_figures_of_many_days_count_each_organisation_once_on_each_day_it_was_a_member()
    {
        await using var app = new FreshInstallation();
        var (a, b) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ClusterpactDbContext>();
            var a = new Cluster("Days A", ClusterType.SpearheadCluster, "Chemistry", "test", new DateOnly(2017, 1, 1), null, ClusterStatus.Supported);
            var b = new Cluster("Days B", ClusterType.SpearheadCluster, "Energy", "test", new DateOnly(2017, 1, 1), null, ClusterStatus.Supported);
            db.Clusters.AddRange(a, b);
            var x = new Organisation("Company X", OrganisationKind.Company, EnterpriseNumber(20_000_200), "BE", true);
            x.SetSizeClass(SizeClass.Small);
            var z = new Organisation("Company Z", OrganisationKind.Company, EnterpriseNumber(20_000_201), "BE", false);
            var y = new Organisation("University Y", OrganisationKind.KnowledgeInstitution, EnterpriseNumber(20_000_202), "BE", false);
            db.Organisations.AddRange(x, y, z);
            db.Memberships.AddRange(
                // X in A twice, overlapping from June to December 2019, and in B from 31-12-2020 (its first day is counted).
                new Membership(x.Id, a.Id, new DateOnly(2019, 1, 1), new DateOnly(2019, 12, 31), MembershipRole.Member, null),
                new Membership(x.Id, a.Id, new DateOnly(2019, 6, 1), new DateOnly(2021, 6, 30), MembershipRole.Member, null),
                new Membership(x.Id, b.Id, new DateOnly(2020, 12, 31), null, MembershipRole.Member, null),
                // Y in A for the first half of 2020: on no 31 December, on the days of June.
                new Membership(y.Id, a.Id, new DateOnly(2020, 1, 1), new DateOnly(2020, 6, 30), MembershipRole.Member, null),
                // Z in B up to the day before 31-12-2019.
                new Membership(z.Id, b.Id, new DateOnly(2018, 5, 1), new DateOnly(2019, 12, 30), MembershipRole.Member, null));
            await db.SaveChangesAsync();
            return (a.Id, b.Id);
        });

        await app.WithScopeAsync(async sp =>
        {
            var figures = sp.GetRequiredService<KpiFigures>();
            // Four year ends and the 40 days from 1 June 2020: 44 days, more than one query's 30.
            DateOnly[] yearEnds = [new(2018, 12, 31), new(2019, 12, 31), new(2020, 12, 31), new(2021, 12, 31)];
            var days = yearEnds.Concat(Enumerable.Range(0, 40).Select(i => new DateOnly(2020, 6, 1).AddDays(i))).ToList();
            var programme = await figures.MembersOnAsync(days, null, false, CancellationToken.None);
            var perCluster = await figures.MembersOnAsync(days, null, true, CancellationToken.None);
            int Count(Guid cluster, DateOnly day) => perCluster.TryGetValue((cluster, day), out var f) ? f.Members : 0;

            // Hand-worked: 31-12-2018 Z (B); 31-12-2019 X once (A); 31-12-2020 X in A and in B, once for the programme; 31-12-2021 X (B).
            Assert.Equal([1, 1, 1, 1], yearEnds.Select(d => programme[(Guid.Empty, d)].Members));
            Assert.Equal([0, 1, 1, 0], yearEnds.Select(d => Count(a, d)));
            Assert.Equal([1, 0, 1, 1], yearEnds.Select(d => Count(b, d)));
            Assert.Equal((1, 1, 1), (programme[(Guid.Empty, yearEnds[2])].Companies, programme[(Guid.Empty, yearEnds[2])].SmeCompanies,
                programme[(Guid.Empty, yearEnds[2])].InternationallyActiveCompanies));
            // 30 June 2020 (Y's last day, in the first query) and 1 July (in the second): X and Y, then X alone.
            Assert.Equal((2, 1, 1), (Count(a, new(2020, 6, 30)), perCluster[(a, new(2020, 6, 30))].KnowledgeInstitutions, Count(a, new(2020, 7, 1))));

            // The same as the domain rule on every day, for the programme and each cluster.
            var inputs = await DomainRule.InputsAsync(sp.GetRequiredService<ClusterpactDbContext>());
            foreach (var day in days)
            {
                Assert.Equal(MemberFigures.On(day, inputs.Memberships, inputs.Organisations), programme[(Guid.Empty, day)]);
                foreach (var c in new[] { a, b })
                    Assert.Equal(MemberFigures.On(day, inputs.Memberships, inputs.Organisations, c),
                        perCluster.TryGetValue((c, day), out var f) ? f : new MemberFiguresOn(day, 0, 0, 0, 0, 0, 0, 0));
            }
            return 0;
        });
    }
}

/// <summary>
/// On the demo data: the SQL aggregates equal the domain rule for every computed KPI, year, cluster and the programme,
/// and the dashboard and KPI pages send no query that reads a whole large table.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class KpiFiguresTests(ClusterpactApp app)
{
    /// <summary>Every year the KPI views show, the current one counted to date (by the test's clock, 01-12-2026).</summary>
    [Fact]
    public async Task The_sql_aggregates_equal_the_domain_rule_on_the_demo_data()
    {
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ClusterpactDbContext>();
            var figures = sp.GetRequiredService<KpiFigures>();
            var today = app.Today;
            var years = KpiYears.Through(today);
            Assert.Equal((2017, today.Year), (years[0], years[^1]));
            var programme = await figures.ProgrammeAsync(years, today, CancellationToken.None);
            var perCluster = await figures.PerClusterAsync(years, null, today, CancellationToken.None);
            var inputs = await DomainRule.InputsAsync(db);
            var clusters = await db.Clusters.Select(c => c.Id).ToListAsync();
            Assert.True(inputs.Memberships.GroupBy(m => m.OrganisationId).Any(g => g.Select(m => m.ClusterId).Distinct().Count() > 1), "the demo has members of several clusters");
            foreach (var code in DomainRule.Computed)
                foreach (var y in years)
                {
                    Assert.Equal(KpiCalculator.Compute(code, y, inputs, null, today), programme[(code, y)]);
                    foreach (var c in clusters)
                        Assert.Equal(KpiCalculator.Compute(code, y, inputs, c, today), perCluster.TryGetValue((c, code, y), out var v) ? v : KpiFigures.Empty(code, y));
                }
            return 0;
        });
    }

    /// <summary>
    /// The computed KPIs of every year read each membership once, not once per day (no cross join of the memberships with
    /// the days asked), and count the companies of all projects in one grouped query, not one count per project.
    /// </summary>
    [Fact]
    public async Task The_computed_kpis_read_each_membership_once_and_count_partners_in_one_grouped_query()
    {
        await app.WithScopeAsync(async sp =>
        {
            var figures = sp.GetRequiredService<KpiFigures>();
            var years = KpiYears.Through(app.Today);
            using (app.Sql.Record())
            {
                await figures.ProgrammeAsync(years, app.Today, CancellationToken.None);
                await figures.PerClusterAsync(years, null, app.Today, CancellationToken.None);
            }
            var commands = app.Sql.Commands.Select(c => c.Replace("\"", "", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(commands);
            Assert.DoesNotContain(commands, c => Regex.IsMatch(c, @"\bFROM\s+memberships\b[^;]*\bCROSS\s+JOIN\b", RegexOptions.IgnoreCase));
            Assert.DoesNotContain(commands, c => Regex.IsMatch(c, @"\(\s*SELECT\s+COUNT\(\*\)[^()]*\bFROM\s+project_partners\b", RegexOptions.IgnoreCase));
            Assert.Contains(commands, c => Regex.IsMatch(c, @"\bproject_partners\b", RegexOptions.IgnoreCase));
            return 0;
        });
    }

    /// <summary>The KPIs on a day (the answer pack's) need the survey shares for the programme and for the clusters: counted once.</summary>
    [Fact]
    public async Task The_kpis_on_a_day_count_the_survey_shares_once()
    {
        await app.WithScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(Guid.NewGuid(), Emails.Officer, [Roles.ProgrammeOfficer]);
            using (app.Sql.Record()) await sp.GetRequiredService<GetKpisAsOf>().HandleAsync(app.Today, CancellationToken.None);
            Assert.Single(app.Sql.Commands, c => Regex.IsMatch(c.Replace("\"", "", StringComparison.Ordinal), @"\bFROM\s+surveys\b", RegexOptions.IgnoreCase));
            return 0;
        });
    }

    /// <summary>The tables that grow with the programme (members, projects, answers, money): never read without a filter, a group or a limit.</summary>
    private static readonly string[] LargeTables =
        ["memberships", "organisations", "organisation_figures", "projects", "project_partners", "project_clusters", "survey_responses", "survey_answers",
         "agreement_years", "cofinancing_payments", "aid_payments", "report_values", "report_steps", "annual_reports", "fund_commitments", "kpi_targets", "audit_entries"];

    /// <summary>A SELECT that names a large table in its FROM or JOIN but has no WHERE, GROUP BY, aggregate or LIMIT reads the whole table.</summary>
    public static IEnumerable<string> WholeTableReads(IEnumerable<string> commands) => commands
        .Select(c => c.Replace("\"", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal))
        .Where(c => c.Contains("SELECT", StringComparison.OrdinalIgnoreCase))
        .Where(c => LargeTables.Any(t => Regex.IsMatch(c, $@"\b(FROM|JOIN)\s+{t}\b", RegexOptions.IgnoreCase)))
        .Where(c => !Regex.IsMatch(c, @"\b(WHERE|GROUP BY|LIMIT)\b|\b(COUNT|SUM|AVG|MIN|MAX)\s*\(", RegexOptions.IgnoreCase));

    [Fact]
    public void The_whole_table_check_finds_a_plain_select_and_passes_a_filtered_one()
    {
        Assert.Single(WholeTableReads(["Executed DbCommand (3ms)\nSELECT m.\"Id\", m.\"ClusterId\" FROM \"memberships\" AS m"]));
        Assert.Empty(WholeTableReads(["SELECT m.Id FROM memberships AS m WHERE m.ClusterId = @p", "SELECT count(*) FROM memberships AS m", "SELECT c.Id FROM clusters AS c"]));
    }

    [Theory]
    [InlineData("/Dashboard")]
    [InlineData("/Kpis")]
    [InlineData("/Kpis?kpi=extra-fte")]
    [InlineData("/Kpis?kpi=members-more-competitive-share")]
    public async Task A_dashboard_or_kpi_page_reads_no_large_table_whole(string url)
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        using (app.Sql.Record())
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(url)).StatusCode);
        var commands = app.Sql.Commands;
        Assert.NotEmpty(commands);
        Assert.Empty(WholeTableReads(commands));
    }

    [Fact]
    public async Task A_cluster_kpi_page_reads_no_large_table_whole()
    {
        var officer = await app.SignedInAsync(Emails.Officer);
        var catalisti = await app.ClusterIdAsync("Catalisti");
        using (app.Sql.Record())
            Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/Kpis/Cluster/{catalisti}")).StatusCode);
        Assert.NotEmpty(app.Sql.Commands);
        Assert.Empty(WholeTableReads(app.Sql.Commands));
    }
}
