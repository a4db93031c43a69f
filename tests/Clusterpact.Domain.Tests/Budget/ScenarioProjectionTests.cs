using static Clusterpact.Domain.Tests.Budget.BudgetFixtures;

namespace Clusterpact.Domain.Tests.Budget;

public class ScenarioProjectionTests
{
    private static ScenarioProjection Project(BudgetScenario scenario)
    {
        var result = ScenarioProjection.Compute(scenario);
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value!;
    }

    [Fact]
    public void Two_clusters_over_three_years_per_cluster_and_year()
    {
        var p = Project(TwoClustersThreeYears());
        Assert.Equal([2025, 2026, 2027], p.Years);

        // Alpha: term to 30 June 2026.
        // 2025 full year: 650,000 and 8,000,000.
        // 2026: 181/365 days. 650,000 x 181/365 = 322,328.77; 8,000,000 x 181/365 = 1,448,000,000/365 = 3,967,123.287... -> 3,967,123.29.
        // 2027: nothing (does not continue).
        var alpha = p.ForCluster(Alpha)!;
        Assert.Equal(new BudgetFigures(650_000m, 0m, 8_000_000m, 0m), alpha.In(2025));
        Assert.Equal(new BudgetFigures(322_328.77m, 0m, 3_967_123.29m, 0m), alpha.In(2026));
        Assert.Equal(BudgetFigures.Zero, alpha.In(2027));
        // Period: 650,000 + 322,328.77 = 972,328.77; 8,000,000 + 3,967,123.29 = 11,967,123.29; together 12,939,452.06.
        Assert.Equal(new BudgetFigures(972_328.77m, 0m, 11_967_123.29m, 0m), alpha.Total);
        Assert.Equal(12_939_452.06m, alpha.Total.Total);

        // Beta: from 1 October 2025: 92/365 x 150,000 = 37,808.22; then 150,000 in 2026 and 2027; period 337,808.22.
        var beta = p.ForCluster(Beta)!;
        Assert.Equal([37_808.22m, 150_000m, 150_000m], beta.Years.Select(y => y.Figures.OperatingAid));
        Assert.Equal(337_808.22m, beta.Total.Total);
        Assert.Equal(ClusterType.InnovativeBusinessNetwork, beta.Type);
    }

    [Fact]
    public void Two_clusters_over_three_years_totals_per_year_and_over_the_period()
    {
        var p = Project(TwoClustersThreeYears());

        // 2025: operating 650,000 + 37,808.22 = 687,808.22; earmarked 8,000,000; pool 1,000,000; total 9,687,808.22.
        Assert.Equal(new BudgetFigures(687_808.22m, 0m, 8_000_000m, 1_000_000m), p.TotalIn(2025));
        Assert.Equal(9_687_808.22m, p.TotalIn(2025).Total);
        // 2026: operating 322,328.77 + 150,000 = 472,328.77; earmarked 3,967,123.29; pool 1,000,000; total 5,439,452.06.
        Assert.Equal(new BudgetFigures(472_328.77m, 0m, 3_967_123.29m, 1_000_000m), p.TotalIn(2026));
        Assert.Equal(5_439_452.06m, p.TotalIn(2026).Total);
        // 2027: Beta alone, 150,000; the pool has 0.
        Assert.Equal(new BudgetFigures(150_000m, 0m, 0m, 0m), p.TotalIn(2027));
        // Period: operating 1,310,136.99; earmarked 11,967,123.29; pool 2,000,000; total 9,687,808.22 + 5,439,452.06 + 150,000 = 15,277,260.28.
        Assert.Equal(new BudgetFigures(1_310_136.99m, 0m, 11_967_123.29m, 2_000_000m), p.Total);
        Assert.Equal(15_277_260.28m, p.Total.Total);

        var pool = Assert.Single(p.ProgrammeLines);
        Assert.Equal("Intercluster pool", pool.Label);
        Assert.Equal([1_000_000m, 1_000_000m, 0m], pool.Years.Select(y => y.Amount));
        Assert.Equal(2_000_000m, pool.Total);
    }

    [Fact]
    public void The_totals_are_the_sums_of_the_rounded_cluster_and_line_amounts()
    {
        var p = Project(TwoClustersThreeYears());
        foreach (var year in p.Years)
        {
            Assert.Equal(p.Clusters.Sum(c => c.In(year).Total) + p.ProgrammeLines.Sum(l => l.Years.Single(y => y.Year == year).Amount), p.TotalIn(year).Total);
        }
        Assert.Equal(p.YearTotals.Sum(y => y.Figures.Total), p.Total.Total);
        Assert.Equal(p.Clusters.Sum(c => c.Total.Total) + p.ProgrammeLines.Sum(l => l.Total), p.Total.Total);
    }

    [Fact]
    public void A_continuing_cluster_gets_its_follow_on_amounts_from_the_day_after_its_term()
    {
        var alpha = AlphaLine() with { ContinuesAfterTerm = true, FollowOnFundingPerYear = 500_000m, FollowOnEarmarkedPerYear = 4_000_000m };
        var p = Project(TwoClustersThreeYears().WithCluster(alpha));
        var a = p.ForCluster(Alpha)!;

        Assert.Equal(new BudgetFigures(650_000m, 0m, 8_000_000m, 0m), a.In(2025));
        // 2026: term 181 days as before; after it 1 Jul - 31 Dec = 31+31+30+31+30+31 = 184 days (181 + 184 = 365).
        // follow-on 500,000 x 184/365 = 92,000,000/365 = 252,054.79; earmarked after 4,000,000 x 184/365 = 2,016,438.36;
        // earmarked in 2026: 3,967,123.29 + 2,016,438.36 = 5,983,561.65.
        Assert.Equal(new BudgetFigures(322_328.77m, 252_054.79m, 5_983_561.65m, 0m), a.In(2026));
        Assert.Equal(new BudgetFigures(0m, 500_000m, 4_000_000m, 0m), a.In(2027));
        Assert.Equal(2_268_493.15m + 4_500_000m, p.Total.Total - Project(TwoClustersThreeYears()).Total.Total);
    }

    [Fact]
    public void Follow_on_amounts_do_not_count_while_the_cluster_does_not_continue()
    {
        var alpha = AlphaLine() with { ContinuesAfterTerm = false, FollowOnFundingPerYear = 500_000m, FollowOnEarmarkedPerYear = 4_000_000m };
        var p = Project(TwoClustersThreeYears().WithCluster(alpha));
        Assert.Equal(BudgetFigures.Zero, p.ForCluster(Alpha)!.In(2027));
        Assert.Equal(0m, p.Total.FollowOnFunding);
        Assert.Equal(15_277_260.28m, p.Total.Total);
    }

    [Fact]
    public void A_term_that_runs_beyond_the_projection_pays_every_year_and_never_the_follow_on()
    {
        var open = AlphaLine() with { TermEnd = null, ContinuesAfterTerm = true, FollowOnFundingPerYear = 1m };
        var p = Project(TwoClustersThreeYears().WithCluster(open));
        Assert.All(p.ForCluster(Alpha)!.Years, y => Assert.Equal(new BudgetFigures(650_000m, 0m, 8_000_000m, 0m), y.Figures));
    }

    [Fact]
    public void A_term_ended_before_the_projection_pays_only_the_follow_on_for_whole_years()
    {
        var ended = AlphaLine() with { TermEnd = new DateOnly(2024, 12, 31), ContinuesAfterTerm = true, FollowOnFundingPerYear = 400_000m };
        var p = Project(TwoClustersThreeYears().WithCluster(ended));
        Assert.All(p.ForCluster(Alpha)!.Years, y => Assert.Equal(new BudgetFigures(0m, 400_000m, 0m, 0m), y.Figures));
    }

    [Fact]
    public void A_cluster_starting_after_the_projection_costs_nothing()
    {
        var later = BetaLine() with { TermStart = new DateOnly(2028, 1, 1), TermEnd = new DateOnly(2030, 12, 31) };
        var p = Project(TwoClustersThreeYears().WithCluster(later));
        Assert.Equal(BudgetFigures.Zero, p.ForCluster(Beta)!.Total);
    }

    [Fact]
    public void In_a_leap_year_a_term_ending_1_July_pays_exactly_half()
    {
        // 2024 has 366 days; 1 Jan - 1 Jul is 183 of them: 650,000 / 2 = 325,000 and 8,000,000 / 2 = 4,000,000.
        var scenario = new BudgetScenario("Leap", GreenPaperScenario.BasicMissionWithEarmarkedFunds, 2023, 2025,
            [AlphaLine() with { TermEnd = new DateOnly(2024, 7, 1) }], []);
        var a = Project(scenario).ForCluster(Alpha)!;
        Assert.Equal(new BudgetFigures(325_000m, 0m, 4_000_000m, 0m), a.In(2024));
        Assert.Equal(975_000m, a.Total.OperatingAid);
    }

    [Fact]
    public void Programme_amounts_for_years_outside_the_projection_are_kept_but_not_counted()
    {
        var line = new ProgrammeLine(ProgrammeLineKind.Other, "Study", new Dictionary<int, decimal> { [2024] = 9m, [2026] = 5m, [2030] = 7m });
        var p = Project(TwoClustersThreeYears() with { ProgrammeLines = [line] });
        var projected = Assert.Single(p.ProgrammeLines);
        Assert.Equal([0m, 5m, 0m], projected.Years.Select(y => y.Amount));
        Assert.Equal(5m, p.Total.ProgrammeLines);
    }

    [Fact]
    public void A_flat_line_has_the_same_amount_in_each_of_its_years()
    {
        var line = ProgrammeLine.Flat(ProgrammeLineKind.NewNetworkCall, "New network call", 300_000m, 2026, 2027);
        Assert.Equal(0m, line.AmountIn(2025));
        Assert.Equal(300_000m, line.AmountIn(2026));
        Assert.Equal(300_000m, line.AmountIn(2027));
        Assert.Equal(600_000m, Project(TwoClustersThreeYears() with { ProgrammeLines = [line] }).Total.ProgrammeLines);
    }

    [Fact]
    public void A_one_year_scenario_without_clusters_or_lines_is_all_zero()
    {
        var p = Project(new BudgetScenario("Empty", GreenPaperScenario.SystemicTransformationProgramme, 2030, 2030, [], []));
        Assert.Equal([2030], p.Years);
        Assert.Equal(BudgetFigures.Zero, p.Total);
    }

    [Fact]
    public void An_invalid_scenario_is_refused_with_the_first_problem()
    {
        var result = ScenarioProjection.Compute(TwoClustersThreeYears() with { FirstYear = 2028 });
        Assert.False(result.IsSuccess);
        Assert.Null(result.Value);
        Assert.Equal("Scenario.LastYearBeforeFirst", result.Error!.Code);
    }

    [Fact]
    public void Names_are_trimmed_in_the_projection()
    {
        var p = Project(TwoClustersThreeYears().WithCluster(AlphaLine() with { Name = "  Alpha  " }));
        Assert.Equal("Alpha", p.ForCluster(Alpha)!.Name);
    }

    [Fact]
    public void With_cluster_replaces_by_id_and_adds_a_new_one_at_the_end()
    {
        var s = TwoClustersThreeYears();
        var replaced = s.WithCluster(AlphaLine() with { OperatingAidPerYear = 1m });
        Assert.Equal(2, replaced.Clusters.Count);
        Assert.Equal(1m, replaced.Clusters[0].OperatingAidPerYear);
        var added = s.WithCluster(AlphaLine() with { ClusterId = Guid.NewGuid(), Name = "Gamma" });
        Assert.Equal(["Alpha", "Beta", "Gamma"], added.Clusters.Select(c => c.Name));
        Assert.Equal(650_000m, s.Clusters[0].OperatingAidPerYear);
    }

    [Fact]
    public void With_programme_line_replaces_by_label_ignoring_case_and_spaces()
    {
        var s = TwoClustersThreeYears().WithProgrammeLine(ProgrammeLine.Flat(ProgrammeLineKind.InterclusterPool, " INTERCLUSTER pool ", 5m, 2025, 2027));
        var line = Assert.Single(s.ProgrammeLines);
        Assert.Equal(5m, line.AmountIn(2027));
        Assert.Equal(2, s.WithProgrammeLine(ProgrammeLine.Flat(ProgrammeLineKind.Other, "Other", 1m, 2025, 2025)).ProgrammeLines.Count);
    }
}
