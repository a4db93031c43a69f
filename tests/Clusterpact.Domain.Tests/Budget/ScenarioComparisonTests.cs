using static Clusterpact.Domain.Tests.Budget.BudgetFixtures;

namespace Clusterpact.Domain.Tests.Budget;

public class ScenarioComparisonTests
{
    private static ScenarioProjection Project(BudgetScenario scenario) => ScenarioProjection.Compute(scenario).Value!;

    private static ScenarioProjection Baseline() => Project(TwoClustersThreeYears("Stop"));

    /// <summary>Alpha continues after 30 June 2026 with 500,000 follow-on funding and 4,000,000 earmarked a year.</summary>
    private static ScenarioProjection Continuing() => Project(TwoClustersThreeYears("Continue").WithCluster(
        AlphaLine() with { ContinuesAfterTerm = true, FollowOnFundingPerYear = 500_000m, FollowOnEarmarkedPerYear = 4_000_000m }) with
    { Basis = GreenPaperScenario.BasicMissionWithEarmarkedFunds });

    [Fact]
    public void Two_scenarios_side_by_side_per_year_with_the_difference_to_the_baseline()
    {
        var c = ScenarioComparison.Of([Baseline(), Continuing()]).Value!;
        Assert.Equal("Stop", c.Baseline.Name);
        Assert.Equal([2025, 2026, 2027], c.Years.Select(r => r.Year!.Value));
        Assert.All(c.Years, r => Assert.Equal(["Stop", "Continue"], r.Cells.Select(x => x.ScenarioName)));

        // 2025: the same in both (9,687,808.22): difference 0.
        Assert.Equal(9_687_808.22m, c.Years[0].Cells[1].Figures.Total);
        Assert.Equal(BudgetFigures.Zero, c.Years[0].Cells[1].DifferenceToBaseline);
        // 2026: follow-on 184/365 x 500,000 = 252,054.79; earmarked after 184/365 x 4,000,000 = 2,016,438.36; +2,268,493.15.
        Assert.Equal(new BudgetFigures(0m, 252_054.79m, 2_016_438.36m, 0m), c.Years[1].Cells[1].DifferenceToBaseline);
        Assert.Equal(5_439_452.06m + 2_268_493.15m, c.Years[1].Cells[1].Figures.Total);
        // 2027: a full year, +4,500,000: 150,000 against 4,650,000.
        Assert.Equal(150_000m, c.Years[2].Cells[0].Figures.Total);
        Assert.Equal(4_650_000m, c.Years[2].Cells[1].Figures.Total);
        Assert.Equal(4_500_000m, c.Years[2].Cells[1].DifferenceToBaseline.Total);
        // The baseline's own difference is always zero.
        Assert.All(c.Years.Append(c.Period), r => Assert.Equal(BudgetFigures.Zero, r.Cells[0].DifferenceToBaseline));
    }

    [Fact]
    public void Over_the_period_the_difference_is_the_sum_of_the_yearly_differences()
    {
        var c = ScenarioComparison.Of([Baseline(), Continuing()]).Value!;
        Assert.Null(c.Period.Year);
        Assert.Equal(15_277_260.28m, c.Period.Cells[0].Figures.Total);
        // 2,268,493.15 + 4,500,000 = 6,768,493.15.
        Assert.Equal(6_768_493.15m, c.Period.Cells[1].DifferenceToBaseline.Total);
        Assert.Equal(22_045_753.43m, c.Period.Cells[1].Figures.Total);
        Assert.Equal(c.Years.Sum(r => r.Cells[1].DifferenceToBaseline.Total), c.Period.Cells[1].DifferenceToBaseline.Total);
        Assert.Equal(GreenPaperScenario.BasicMissionWithEarmarkedFunds, c.Period.Cells[1].Basis);
    }

    [Fact]
    public void A_cheaper_scenario_shows_a_negative_difference_and_order_decides_the_baseline()
    {
        var c = ScenarioComparison.Of([Continuing(), Baseline()]).Value!;
        Assert.Equal("Continue", c.Baseline.Name);
        Assert.Equal(-6_768_493.15m, c.Period.Cells[1].DifferenceToBaseline.Total);
        Assert.Equal(-4_000_000m, c.Years[2].Cells[1].DifferenceToBaseline.Earmarked);
    }

    [Fact]
    public void Three_scenarios_all_compare_to_the_first()
    {
        var third = Project(TwoClustersThreeYears("No pool") with { ProgrammeLines = [] });
        var c = ScenarioComparison.Of([Baseline(), Continuing(), third]).Value!;
        Assert.Equal(3, c.Period.Cells.Count);
        Assert.Equal(new BudgetFigures(0m, 0m, 0m, -2_000_000m), c.Period.Cells[2].DifferenceToBaseline);
        Assert.Equal(-1_000_000m, c.Years[0].Cells[2].DifferenceToBaseline.Total);
    }

    [Fact]
    public void Clusters_compare_over_the_period_and_a_cluster_missing_from_a_scenario_gets_nothing()
    {
        var withoutBeta = Project(TwoClustersThreeYears("Alpha only") with { Clusters = [AlphaLine()] });
        var c = ScenarioComparison.Of([Baseline(), Continuing(), withoutBeta]).Value!;
        Assert.Equal([Alpha, Beta], c.Clusters.Select(r => r.ClusterId));

        var alpha = c.Clusters[0];
        Assert.Equal(12_939_452.06m, alpha.Cells[0].Total.Total);
        Assert.Equal(6_768_493.15m, alpha.Cells[1].DifferenceToBaseline.Total);
        Assert.Equal(0m, alpha.Cells[2].DifferenceToBaseline.Total);

        var beta = c.Clusters[1];
        Assert.True(beta.Cells[0].Included);
        Assert.False(beta.Cells[2].Included);
        Assert.Equal(BudgetFigures.Zero, beta.Cells[2].Total);
        Assert.Equal(-337_808.22m, beta.Cells[2].DifferenceToBaseline.Total);
    }

    [Fact]
    public void A_cluster_only_in_a_later_scenario_is_listed_against_nothing_in_the_baseline()
    {
        var c = ScenarioComparison.Of([Project(TwoClustersThreeYears("Alpha only") with { Clusters = [AlphaLine()] }), Baseline()]).Value!;
        var beta = c.Clusters.Single(r => r.ClusterId == Beta);
        Assert.False(beta.Cells[0].Included);
        Assert.Equal(337_808.22m, beta.Cells[1].DifferenceToBaseline.Total);
    }

    [Fact]
    public void A_comparison_needs_at_least_two_scenarios()
    {
        Assert.Equal("Scenario.ComparisonNeedsTwo", ScenarioComparison.Of([Baseline()]).Error!.Code);
        Assert.Equal("Scenario.ComparisonNeedsTwo", ScenarioComparison.Of([]).Error!.Code);
    }

    [Fact]
    public void Scenarios_over_different_years_are_not_compared()
    {
        var longer = Project(TwoClustersThreeYears("Longer") with { LastYear = 2028 });
        var result = ScenarioComparison.Of([Baseline(), longer]);
        Assert.False(result.IsSuccess);
        Assert.Equal("Scenario.ComparisonYearsDiffer", result.Error!.Code);
    }

    [Fact]
    public void Scenarios_need_different_names_to_stand_side_by_side()
    {
        Assert.Equal("Scenario.ComparisonDuplicateName", ScenarioComparison.Of([Baseline(), Project(TwoClustersThreeYears(" stop "))]).Error!.Code);
    }

    [Fact]
    public void The_four_green_paper_defaults_compare_against_scenario_1()
    {
        // Figures worked out in ScenarioDefaultsTests: period totals 8,651,095.89 / 10,928,767.12 / 18,936,986.30 / 17,936,986.30.
        var today = new[]
        {
            new CurrentCluster(Alpha, "A", ClusterType.SpearheadCluster, 650_000m, 2_000_000m, new DateOnly(2026, 12, 31)),
            new CurrentCluster(Beta, "B", ClusterType.SpearheadCluster, 650_000m, 2_000_000m, new DateOnly(2027, 6, 30)),
            new CurrentCluster(Guid.NewGuid(), "N", ClusterType.InnovativeBusinessNetwork, 150_000m, 0m, new DateOnly(2026, 3, 31)),
        };
        var projections = ScenarioDefaults.All(2026, 2028, today, 1_000_000m).Select(Project).ToList();
        var c = ScenarioComparison.Of(projections).Value!;
        // 10,928,767.12 - 8,651,095.89 = 2,277,671.23; 18,936,986.30 - 8,651,095.89 = 10,285,890.41; 17,936,986.30 - 8,651,095.89 = 9,285,890.41.
        Assert.Equal([0m, 2_277_671.23m, 10_285_890.41m, 9_285_890.41m], c.Period.Cells.Select(x => x.DifferenceToBaseline.Total));
        // 2028: scenario 3 costs 6,300,000 more than scenario 1's zero, scenario 4 5,300,000 (no pool).
        Assert.Equal([0m, 1_300_000m, 6_300_000m, 5_300_000m], c.Years[2].Cells.Select(x => x.DifferenceToBaseline.Total));
    }
}
