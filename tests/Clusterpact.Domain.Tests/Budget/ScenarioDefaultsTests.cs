namespace Clusterpact.Domain.Tests.Budget;

/// <summary>
/// Today's clusters for these tests, projected over 2026-2028 (2028 is a leap year) with an intercluster pool of 1,000,000 a year:
/// SPC A (650,000 + 2,000,000 earmarked, term to 31 Dec 2026), SPC B (same amounts, term to 30 Jun 2027) and network N
/// (150,000, term to 31 Mar 2026).
/// In-term amounts: A 2026 full; B 2026 full, 2027 181/365: 322,328.77 and 2,000,000 x 181/365 = 991,780.82;
/// N 2026 90/365 (31+28+31): 150,000 x 90/365 = 36,986.30.
/// After B's term in 2027, 184/365: 650,000 x 184/365 = 327,671.23 and 2,000,000 x 184/365 = 1,008,219.18 (each pair adds up to the
/// yearly amount). 2026 without follow-on: operating 650,000 + 650,000 + 36,986.30 = 1,336,986.30, earmarked 4,000,000, pool 1,000,000:
/// 6,336,986.30 in every scenario.
/// </summary>
public class ScenarioDefaultsTests
{
    private static readonly Guid A = Guid.NewGuid(), B = Guid.NewGuid(), N = Guid.NewGuid();

    private static readonly CurrentCluster[] Today =
    [
        new(A, "A", ClusterType.SpearheadCluster, 650_000m, 2_000_000m, new DateOnly(2026, 12, 31)),
        new(B, "B", ClusterType.SpearheadCluster, 650_000m, 2_000_000m, new DateOnly(2027, 6, 30)),
        new(N, "N", ClusterType.InnovativeBusinessNetwork, 150_000m, 0m, new DateOnly(2026, 3, 31)),
    ];

    private static ScenarioProjection Project(GreenPaperScenario basis, int first = 2026, int last = 2028)
    {
        var result = ScenarioProjection.Compute(ScenarioDefaults.For(basis, first, last, Today, 1_000_000m));
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value!;
    }

    private static decimal[] YearTotals(ScenarioProjection p) => p.YearTotals.Select(y => y.Figures.Total).ToArray();

    [Fact]
    public void Every_scenario_keeps_the_clusters_with_their_running_terms()
    {
        foreach (var basis in Enum.GetValues<GreenPaperScenario>())
        {
            var s = ScenarioDefaults.For(basis, 2026, 2028, Today, 1_000_000m);
            Assert.Equal(basis, s.Basis);
            Assert.Equal([A, B, N], s.Clusters.Select(c => c.ClusterId));
            Assert.All(s.Clusters, c => Assert.Equal(Today.Single(t => t.ClusterId == c.ClusterId).TermEnd, c.TermEnd));
            Assert.Empty(s.Validate());
            Assert.Equal(6_336_986.30m, Project(basis).TotalIn(2026).Total);
        }
    }

    [Fact]
    public void Networks_do_not_continue_in_any_scenario()
    {
        foreach (var basis in Enum.GetValues<GreenPaperScenario>())
        {
            var n = ScenarioDefaults.For(basis, 2026, 2028, Today, 1_000_000m).Clusters.Single(c => c.ClusterId == N);
            Assert.False(n.ContinuesAfterTerm);
            Assert.Equal(36_986.30m, Project(basis).ForCluster(N)!.Total.Total);
        }
    }

    [Fact]
    public void Scenario_1_pays_the_running_terms_and_then_nothing()
    {
        var s = ScenarioDefaults.For(GreenPaperScenario.CommercialWithoutStructuralFunding, 2026, 2028, Today, 1_000_000m);
        Assert.All(s.Clusters, c => Assert.False(c.ContinuesAfterTerm));
        Assert.Equal([ScenarioDefaults.InterclusterPoolLabel, ScenarioDefaults.AdHocAssignmentsLabel], s.ProgrammeLines.Select(l => l.Label));
        Assert.All(s.ProgrammeLines.Single(l => l.Kind == ProgrammeLineKind.AdHocAssignments).AmountsByYear.Values, v => Assert.Equal(0m, v));

        // 2027: B's last half year 322,328.77 + 991,780.82, pool 1,000,000 (B's term still runs) = 2,314,109.59. 2028: nothing.
        var p = Project(GreenPaperScenario.CommercialWithoutStructuralFunding);
        Assert.Equal([6_336_986.30m, 2_314_109.59m, 0m], YearTotals(p));
        Assert.Equal(8_651_095.89m, p.Total.Total);
        Assert.Equal(0m, p.Total.FollowOnFunding);
    }

    [Fact]
    public void Scenario_1_after_every_term_has_ended_is_all_zeros()
    {
        var p = Project(GreenPaperScenario.CommercialWithoutStructuralFunding, 2028, 2032);
        Assert.All(p.YearTotals, y => Assert.Equal(BudgetFigures.Zero, y.Figures));
        Assert.All(p.Clusters, c => Assert.Equal(BudgetFigures.Zero, c.Total));
        Assert.Equal(0m, p.Total.Total);
    }

    [Fact]
    public void Scenario_2_carries_the_operating_aid_into_a_research_centre_without_earmarked_funds_or_pool()
    {
        var s = ScenarioDefaults.For(GreenPaperScenario.EmbeddedInResearchCentres, 2026, 2028, Today, 1_000_000m);
        var a = s.Clusters.Single(c => c.ClusterId == A);
        Assert.True(a.ContinuesAfterTerm);
        Assert.Equal(650_000m, a.FollowOnFundingPerYear);
        Assert.Equal(0m, a.FollowOnEarmarkedPerYear);

        // 2027: operating 322,328.77; follow-on A 650,000 + B 327,671.23 = 977,671.23; earmarked 991,780.82; pool 1,000,000: 3,291,780.82.
        // 2028: follow-on 650,000 x 2 = 1,300,000; no pool.
        var p = Project(GreenPaperScenario.EmbeddedInResearchCentres);
        Assert.Equal(new BudgetFigures(322_328.77m, 977_671.23m, 991_780.82m, 1_000_000m), p.TotalIn(2027));
        Assert.Equal(new BudgetFigures(0m, 1_300_000m, 0m, 0m), p.TotalIn(2028));
        Assert.Equal(10_928_767.12m, p.Total.Total);
    }

    [Fact]
    public void Scenario_3_keeps_a_basic_mission_the_earmarked_funds_and_the_pool()
    {
        // 2027: earmarked 991,780.82 (B in term) + 1,008,219.18 (B after) + 2,000,000 (A after) = 4,000,000;
        // total 322,328.77 + 977,671.23 + 4,000,000 + 1,000,000 = 6,300,000. 2028: 1,300,000 + 4,000,000 + 1,000,000 = 6,300,000.
        var p = Project(GreenPaperScenario.BasicMissionWithEarmarkedFunds);
        Assert.Equal(new BudgetFigures(322_328.77m, 977_671.23m, 4_000_000m, 1_000_000m), p.TotalIn(2027));
        Assert.Equal(new BudgetFigures(0m, 1_300_000m, 4_000_000m, 1_000_000m), p.TotalIn(2028));
        Assert.Equal([6_336_986.30m, 6_300_000m, 6_300_000m], YearTotals(p));
        Assert.Equal(18_936_986.30m, p.Total.Total);
    }

    [Fact]
    public void Scenario_4_moves_what_the_ending_terms_free_into_a_new_programme()
    {
        var s = ScenarioDefaults.For(GreenPaperScenario.SystemicTransformationProgramme, 2026, 2028, Today, 1_000_000m);
        Assert.All(s.Clusters, c => Assert.False(c.ContinuesAfterTerm));
        var programme = s.ProgrammeLines.Single(l => l.Kind == ProgrammeLineKind.TransformationProgramme);
        // 2026: nothing freed. 2027: A 650,000 + 2,000,000 = 2,650,000; B 327,671.23 + 1,008,219.18 = 1,335,890.41; 3,985,890.41.
        // 2028: 2 x 2,650,000 = 5,300,000.
        Assert.Equal(0m, programme.AmountIn(2026));
        Assert.Equal(3_985_890.41m, programme.AmountIn(2027));
        Assert.Equal(5_300_000m, programme.AmountIn(2028));

        // 2027: 322,328.77 + 991,780.82 + pool 1,000,000 + 3,985,890.41 = 6,300,000; 2028: 5,300,000 (no pool).
        var p = Project(GreenPaperScenario.SystemicTransformationProgramme);
        Assert.Equal([6_336_986.30m, 6_300_000m, 5_300_000m], YearTotals(p));
        Assert.Equal(17_936_986.30m, p.Total.Total);
    }

    [Fact]
    public void Scenario_4s_programme_equals_scenario_3s_cluster_money_after_the_terms()
    {
        var s3 = Project(GreenPaperScenario.BasicMissionWithEarmarkedFunds, 2025, 2032);
        var s4 = Project(GreenPaperScenario.SystemicTransformationProgramme, 2025, 2032);
        var programme = s4.ProgrammeLines.Single(l => l.Kind == ProgrammeLineKind.TransformationProgramme);
        foreach (var year in s3.Years)
        {
            var s3Clusters = s3.Clusters.Sum(c => c.In(year).ClusterFunding);
            var s4Clusters = s4.Clusters.Sum(c => c.In(year).ClusterFunding);
            Assert.Equal(s3Clusters - s4Clusters, programme.Years.Single(y => y.Year == year).Amount);
        }
    }

    [Fact]
    public void A_spearhead_cluster_whose_term_runs_on_keeps_the_pool_going_in_scenario_1()
    {
        var today = Today.Append(new CurrentCluster(Guid.NewGuid(), "C", ClusterType.SpearheadCluster, 650_000m, 0m, null)).ToList();
        var s = ScenarioDefaults.For(GreenPaperScenario.CommercialWithoutStructuralFunding, 2028, 2030, today, 1_000_000m);
        Assert.All(s.ProgrammeLines.Single(l => l.Kind == ProgrammeLineKind.InterclusterPool).AmountsByYear.Values, v => Assert.Equal(1_000_000m, v));
    }

    [Fact]
    public void A_name_can_be_given_and_otherwise_says_the_scenario()
    {
        Assert.Equal("3. Basic mission with earmarked funds", ScenarioDefaults.For(GreenPaperScenario.BasicMissionWithEarmarkedFunds, 2026, 2028, Today, 0m).Name);
        Assert.Equal("Mine", ScenarioDefaults.For(GreenPaperScenario.BasicMissionWithEarmarkedFunds, 2026, 2028, Today, 0m, " Mine ").Name);
        Assert.Throws<ArgumentOutOfRangeException>(() => ScenarioDefaults.DefaultName((GreenPaperScenario)9));
    }

    [Fact]
    public void All_gives_the_four_scenarios_in_the_green_papers_order()
    {
        var all = ScenarioDefaults.All(2026, 2028, Today, 1_000_000m);
        Assert.Equal([1, 2, 3, 4], all.Select(s => (int)s.Basis));
        Assert.Equal(4, all.Select(s => s.Name).Distinct().Count());
    }

    [Fact]
    public void Invalid_current_figures_come_out_in_the_validation_not_as_an_exception()
    {
        var today = new[] { new CurrentCluster(A, "A", ClusterType.SpearheadCluster, -1m, 0m, new DateOnly(2026, 12, 31)) };
        var s = ScenarioDefaults.For(GreenPaperScenario.BasicMissionWithEarmarkedFunds, 2026, 2028, today, 0m);
        Assert.Equal(["Scenario.NegativeAmount", "Scenario.NegativeAmount"], s.Validate().Select(e => e.Code));
    }
}
