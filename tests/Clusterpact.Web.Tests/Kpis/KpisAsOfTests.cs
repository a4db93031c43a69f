using Clusterpact.Web.Features.Kpis;

namespace Clusterpact.Web.Tests.Kpis;

/// <summary>
/// The KPIs of the answer pack (<see cref="GetKpisAsOf"/>): every cluster's and the programme's KPIs over the complete
/// years on a day, counted in grouped SQL (issue 18). On hand-worked data in an installation of its own they equal the
/// domain rule for each cluster and year, count a report only as it was known at the end of the day, and take as many
/// SQL commands for many clusters and years as for few.
/// </summary>
[Collection(FreshInstallations.Name)]
public sealed class KpisAsOfTests
{
    private static readonly DateOnly Spring2023 = new(2023, 4, 30), Summer2023 = new(2023, 6, 30);

    private static DateTimeOffset At(int year, int month, int day) => new(year, month, day, 10, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<Actor> Manager = [Actor.ClusterManager], Agency = [Actor.Agency];

    /// <summary>
    /// A cluster with members from 2018 (one leaving end 2020, one joining in 2021, one shared with the previous cluster
    /// from 2022), an approved project of three companies started in 2022 and its 2022 report with <paramref name="fte"/>
    /// extra FTE, submitted on <paramref name="submitted"/> and then accepted or returned on <paramref name="decided"/>.
    /// </summary>
    private static async Task<Guid> AddClusterAsync(ClusterpactDbContext db, int n, decimal fte, DateTimeOffset submitted, DateTimeOffset? decided, bool accept, Guid? previous)
    {
        static string EnterpriseNumber(int k) => $"{k:D8}{97 - k % 97:D2}";
        var cluster = new Cluster($"As-of {n:D2}", ClusterType.SpearheadCluster, $"Domain {n}", "test", new DateOnly(2017, 1, 1), null, ClusterStatus.Supported);
        db.Clusters.Add(cluster);
        var orgs = Enumerable.Range(0, 4).Select(i => new Organisation($"As-of {n} company {i}", OrganisationKind.Company, EnterpriseNumber(30_000_000 + n * 10 + i), "BE", i == 0)).ToList();
        orgs[0].SetSizeClass(SizeClass.Small);
        orgs[1].SetSizeClass(SizeClass.Large);
        db.Organisations.AddRange(orgs);
        db.Memberships.AddRange(
            new Membership(orgs[0].Id, cluster.Id, new DateOnly(2018, 2, 1), null, MembershipRole.Member, null),
            new Membership(orgs[1].Id, cluster.Id, new DateOnly(2018, 5, 1), new DateOnly(2020, 12, 31), MembershipRole.Member, null),
            new Membership(orgs[2].Id, cluster.Id, new DateOnly(2021, 3, 1), null, MembershipRole.Member, null),
            new Membership(orgs[3].Id, cluster.Id, new DateOnly(2022, 1, 1), null, MembershipRole.Member, null));
        if (previous is { } p)
        {
            // The previous cluster's first company is a member here too from 2022: counted once for the programme.
            var shared = await db.Memberships.Where(m => m.ClusterId == p).OrderBy(m => m.From).Select(m => m.OrganisationId).FirstAsync();
            db.Memberships.Add(new Membership(shared, cluster.Id, new DateOnly(2022, 1, 1), null, MembershipRole.Member, null));
        }
        var clusters = previous is { } q ? new[] { cluster.Id, q } : [cluster.Id];
        var project = Project.Propose(new ProjectDetails(previous is null ? ProjectType.Collaboration : ProjectType.Intercluster, $"As-of project {n}", null, StrategicTheme.CircularEconomy,
            new DateOnly(2022, 3, 1), new DateOnly(2024, 2, 28), 3, 6, 300_000m, 50_000m + n, clusters), orgs[0].Id, null).Value!;
        foreach (var o in orgs.Skip(1).Take(2)) Assert.True(project.SetPartner(o.Id, PartnerRole.Partner, 100_000m, byAgency: true).IsSuccess);
        Assert.True(project.Take(ProjectStep.Approve, Agency, null, new DateOnly(2022, 2, 1)).IsSuccess);
        db.Projects.Add(project);
        db.KpiTargets.Add(KpiTarget.Set(cluster.Id, KpiCatalogue.Members, 2022, 2m, 4m + n, "officer", At(2021, 12, 1)).Value!);
        var report = AnnualReport.Start(cluster.Id, 2022);
        foreach (var kpi in KpiCatalogue.Reported)
            Assert.True(report.SetValue(kpi.Code, kpi.Code == KpiCatalogue.ExtraFte ? fte : kpi.Unit == KpiUnit.Share ? 0.5m : 5m, "hand", null, null).IsSuccess);
        Assert.True(report.SetNarrative("A year of work.").IsSuccess);
        Assert.True(report.Submit(Manager, "manager", submitted).IsSuccess);
        if (decided is { } d)
            Assert.True((accept ? report.Accept(Agency, "officer", d) : report.Return(Agency, "officer", d, "Please explain.")).IsSuccess);
        db.AnnualReports.Add(report);
        await db.SaveChangesAsync();
        return cluster.Id;
    }

    private static Task<KpisAsOf> AsOfficerAsync(FreshInstallation app, DateOnly on) => app.WithScopeAsync(async sp =>
    {
        sp.GetRequiredService<CurrentUser>().ActAs(Guid.NewGuid(), Emails.Officer, [Roles.ProgrammeOfficer]);
        return await sp.GetRequiredService<GetKpisAsOf>().HandleAsync(on, CancellationToken.None);
    });

    [Fact]
    public async Task The_kpis_on_a_day_equal_the_domain_rule_per_cluster_and_year_and_count_a_report_only_as_known_at_the_end_of_that_day()
    {
        await using var app = new FreshInstallation();
        // A: accepted before both days. B: submitted before the spring day, accepted after it. C: submitted after the
        // spring day and returned before the summer day.
        var (a, b, c) = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ClusterpactDbContext>();
            var a = await AddClusterAsync(db, 1, 10m, At(2023, 3, 1), At(2023, 3, 10), true, null);
            var b = await AddClusterAsync(db, 2, 20m, At(2023, 3, 1), At(2023, 6, 15), true, a);
            var c = await AddClusterAsync(db, 3, 40m, At(2023, 5, 10), At(2023, 5, 20), false, b);
            return (a, b, c);
        });
        var inputs = await app.WithScopeAsync(sp => DomainRule.InputsAsync(sp.GetRequiredService<ClusterpactDbContext>()));

        foreach (var day in new[] { Spring2023, Summer2023 })
        {
            var kpis = await AsOfficerAsync(app, day);
            Assert.Equal(Enumerable.Range(2017, 6), kpis.Years);
            Assert.Equal([a, b, c], kpis.Clusters.Select(k => k.ClusterId));
            foreach (var code in DomainRule.Computed)
                foreach (var (y, i) in kpis.Years.Select((y, i) => (y, i)))
                {
                    Assert.Equal(KpiCalculator.Compute(code, y, inputs, null, day), kpis.Programme[code][i].Value);
                    foreach (var cluster in kpis.Clusters)
                        Assert.Equal((y, KpiCalculator.Compute(code, y, inputs, cluster.ClusterId, day), KpiValueOrigin.Computed),
                            (cluster.Values[code][i].Year, cluster.Values[code][i].Actual, cluster.Values[code][i].Origin));
                }
            // Hand-worked for 2022: three members each (one left in 2020), B and C one more, shared with the cluster before;
            // the programme 9 organisations, not 11; the intercluster projects once each: three projects, 150,006 of aid,
            // and in A two (its own and B's), in B two (its own and C's), in C one.
            var members2022 = kpis.Clusters.Select(k => k.Values[KpiCatalogue.Members][5].Actual);
            Assert.Equal([3m, 4m, 4m], members2022);
            Assert.Equal(9m, kpis.Programme[KpiCatalogue.Members][5].Value);
            Assert.Equal((3m, 150_006m), (kpis.Programme[KpiCatalogue.CollaborationProjects][5].Value, kpis.Programme[KpiCatalogue.ProjectFunding][5].Value));
            Assert.Equal([2m, 2m, 1m], kpis.Clusters.Select(k => k.Values[KpiCatalogue.CollaborationProjects][5].Actual));
            Assert.Equal([5m, 6m, 7m], kpis.Clusters.Select(k => k.Values[KpiCatalogue.Members][5].Target));
        }

        // On the spring day A's report counts, B's is shown as submitted (not counted), C's was not submitted yet.
        var spring = await AsOfficerAsync(app, Spring2023);
        KpiValue Fte(KpisAsOf k, Guid cluster) => k.Clusters.Single(x => x.ClusterId == cluster).Values[KpiCatalogue.ExtraFte][5];
        Assert.Equal((10m, KpiValueOrigin.Accepted), (Fte(spring, a).Actual, Fte(spring, a).Origin));
        Assert.Equal((20m, KpiValueOrigin.Reported), (Fte(spring, b).Actual, Fte(spring, b).Origin));
        Assert.Equal((null, KpiValueOrigin.None), (Fte(spring, c).Actual, Fte(spring, c).Origin));
        Assert.Equal(10m, spring.Programme[KpiCatalogue.ExtraFte][5].Value);
        Assert.Equal([("As-of 02", 2022, ReportStatus.Submitted)], spring.Pending.Select(p => (p.ClusterName, p.Year, p.Status)));

        // On the summer day B's acceptance counts; C's returned report is shown, never counted.
        var summer = await AsOfficerAsync(app, Summer2023);
        Assert.Equal((20m, KpiValueOrigin.Accepted), (Fte(summer, b).Actual, Fte(summer, b).Origin));
        Assert.Equal((40m, KpiValueOrigin.Reported), (Fte(summer, c).Actual, Fte(summer, c).Origin));
        Assert.Equal(30m, summer.Programme[KpiCatalogue.ExtraFte][5].Value);
        Assert.Equal([("As-of 03", 2022, ReportStatus.Returned)], summer.Pending.Select(p => (p.ClusterName, p.Year, p.Status)));
    }

    [Fact]
    public async Task The_kpis_on_a_day_take_as_many_sql_commands_for_many_clusters_and_years_as_for_few()
    {
        await using var app = new FreshInstallation();
        // The commands of the request's own DbContext: the jobs (outbox, webhooks) poll meanwhile, more often on a loaded machine.
        Task<int> CommandsAsync(DateOnly on) => app.WithScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(Guid.NewGuid(), Emails.Officer, [Roles.ProgrammeOfficer]);
            using (app.Sql.Record()) await sp.GetRequiredService<GetKpisAsOf>().HandleAsync(on, CancellationToken.None);
            return app.Sql.CommandsOf(sp.GetRequiredService<ClusterpactDbContext>()).Count;
        });
        var first = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ClusterpactDbContext>();
            var a = await AddClusterAsync(db, 1, 10m, At(2023, 3, 1), At(2023, 3, 10), true, null);
            return await AddClusterAsync(db, 2, 20m, At(2023, 3, 1), At(2023, 6, 15), true, a);
        });
        var few = await CommandsAsync(Spring2023);
        Assert.Equal(2, (await AsOfficerAsync(app, Spring2023)).Clusters.Count);

        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ClusterpactDbContext>();
            var previous = first;
            for (var n = 3; n <= 10; n++) previous = await AddClusterAsync(db, n, n, At(2023, 3, 1), n % 2 == 0 ? At(2023, 3, 20) : null, true, previous);
            return 0;
        });
        Assert.Equal(10, (await AsOfficerAsync(app, Spring2023)).Clusters.Count);
        // Five clusters more than four times over, and eight years instead of six: the same commands.
        Assert.Equal(few, await CommandsAsync(Spring2023));
        Assert.Equal(few, await CommandsAsync(new DateOnly(2025, 6, 30)));
    }
}
