using static Clusterpact.Domain.Tests.Budget.BudgetFixtures;

namespace Clusterpact.Domain.Tests.Budget;

public class BudgetScenarioValidationTests
{
    private static ScenarioError Only(BudgetScenario scenario) => Assert.Single(scenario.Validate());

    [Fact]
    public void The_hand_worked_scenario_is_valid()
    {
        Assert.Empty(TwoClustersThreeYears().Validate());
    }

    [Fact]
    public void The_last_year_cannot_come_before_the_first()
    {
        var e = Only(TwoClustersThreeYears() with { FirstYear = 2027, LastYear = 2026 });
        Assert.Equal("Scenario.LastYearBeforeFirst", e.Code);
        Assert.Equal("LastYear", e.Field);
        Assert.Equal("The last year 2026 comes before the first year 2027.", e.Message);
    }

    [Fact]
    public void A_single_year_is_a_valid_projection()
    {
        Assert.Empty((TwoClustersThreeYears() with { FirstYear = 2026, LastYear = 2026 }).Validate());
    }

    [Fact]
    public void Fifteen_years_are_allowed_sixteen_are_not()
    {
        Assert.Empty((TwoClustersThreeYears() with { FirstYear = 2025, LastYear = 2039 }).Validate());
        var e = Only(TwoClustersThreeYears() with { FirstYear = 2025, LastYear = 2040 });
        Assert.Equal("Scenario.TooManyYears", e.Code);
        Assert.Equal("2025-2040 is 16 years; a projection covers at most 15 years.", e.Message);
    }

    [Theory]
    [InlineData(1999, 2005, "FirstYear")]
    [InlineData(2095, 2101, "LastYear")]
    public void Years_stay_within_the_supported_range(int first, int last, string field)
    {
        var e = Only(TwoClustersThreeYears() with { FirstYear = first, LastYear = last });
        Assert.Equal("Scenario.YearRange", e.Code);
        Assert.Equal(field, e.Field);
    }

    [Fact]
    public void A_scenario_needs_a_name_and_a_green_paper_basis()
    {
        var errors = (TwoClustersThreeYears() with { Name = "  ", Basis = (GreenPaperScenario)5 }).Validate();
        Assert.Equal(["Scenario.NameRequired", "Scenario.BasisUnknown"], errors.Select(e => e.Code));
        Assert.False(ScenarioProjection.Compute(TwoClustersThreeYears() with { Basis = 0 }).IsSuccess);
    }

    [Theory]
    [InlineData(nameof(ClusterBudgetLine.OperatingAidPerYear), "operating aid per year")]
    [InlineData(nameof(ClusterBudgetLine.EarmarkedPerYear), "earmarked funds per year")]
    [InlineData(nameof(ClusterBudgetLine.FollowOnFundingPerYear), "follow-on funding per year")]
    [InlineData(nameof(ClusterBudgetLine.FollowOnEarmarkedPerYear), "earmarked funds per year after the term")]
    public void A_negative_cluster_amount_is_refused_naming_the_cluster_and_field(string field, string what)
    {
        var alpha = field switch
        {
            nameof(ClusterBudgetLine.OperatingAidPerYear) => AlphaLine() with { OperatingAidPerYear = -0.01m },
            nameof(ClusterBudgetLine.EarmarkedPerYear) => AlphaLine() with { EarmarkedPerYear = -0.01m },
            nameof(ClusterBudgetLine.FollowOnFundingPerYear) => AlphaLine() with { FollowOnFundingPerYear = -0.01m },
            _ => AlphaLine() with { FollowOnEarmarkedPerYear = -0.01m },
        };
        var e = Only(TwoClustersThreeYears().WithCluster(alpha));
        Assert.Equal("Scenario.NegativeAmount", e.Code);
        Assert.Equal($"Clusters[0].{field}", e.Field);
        Assert.Equal($"The {what} of 'Alpha' is negative (-0.01).", e.Message);
        Assert.Equal(Alpha, e.ClusterId);
        Assert.Equal("Scenario.NegativeAmount", ScenarioProjection.Compute(TwoClustersThreeYears().WithCluster(alpha)).Error!.Code);
    }

    [Fact]
    public void Zero_amounts_are_fine()
    {
        Assert.Empty(TwoClustersThreeYears().WithCluster(AlphaLine() with { OperatingAidPerYear = 0m, EarmarkedPerYear = 0m }).Validate());
    }

    [Fact]
    public void A_cluster_may_appear_only_once()
    {
        var s = TwoClustersThreeYears() with { Clusters = [AlphaLine(), BetaLine(), AlphaLine() with { Name = "Alpha again" }] };
        var e = Only(s);
        Assert.Equal("Scenario.DuplicateCluster", e.Code);
        Assert.Equal("Clusters[2].ClusterId", e.Field);
        Assert.Equal("'Alpha again' appears more than once; a cluster has one line per scenario.", e.Message);
        Assert.Equal("Scenario.DuplicateCluster", ScenarioProjection.Compute(s).Error!.Code);
    }

    [Fact]
    public void A_cluster_line_needs_an_id_and_a_name()
    {
        var errors = (TwoClustersThreeYears() with { Clusters = [AlphaLine() with { ClusterId = Guid.Empty, Name = "" }] }).Validate();
        Assert.Equal(["Scenario.ClusterIdRequired", "Scenario.ClusterNameRequired"], errors.Select(e => e.Code));
        Assert.Equal("The line of cluster 1 names no cluster.", errors[0].Message);
    }

    [Fact]
    public void A_term_cannot_end_before_it_starts_but_may_be_one_day()
    {
        var e = Only(TwoClustersThreeYears().WithCluster(BetaLine() with { TermEnd = new DateOnly(2025, 9, 30) }));
        Assert.Equal("Scenario.TermEndBeforeStart", e.Code);
        Assert.Equal("Clusters[1].TermEnd", e.Field);
        Assert.Equal("The term of 'Beta' ends on 2025-09-30, before it starts on 2025-10-01.", e.Message);
        Assert.Empty(TwoClustersThreeYears().WithCluster(BetaLine() with { TermEnd = new DateOnly(2025, 10, 1) }).Validate());
    }

    [Fact]
    public void Innovative_business_networks_have_no_earmarked_funds()
    {
        var e = Only(TwoClustersThreeYears().WithCluster(BetaLine() with { EarmarkedPerYear = 1m }));
        Assert.Equal("Scenario.EarmarkedOnlyForSpearheadClusters", e.Code);
        Assert.Equal("Scenario.EarmarkedOnlyForSpearheadClusters", Only(TwoClustersThreeYears().WithCluster(BetaLine() with { FollowOnEarmarkedPerYear = 1m })).Code);
        Assert.Empty(TwoClustersThreeYears().WithCluster(AlphaLine() with { Type = ClusterType.AdHocCluster }).Validate());
    }

    [Fact]
    public void Programme_lines_need_a_unique_label_and_no_negative_amount()
    {
        var s = TwoClustersThreeYears() with
        {
            ProgrammeLines =
            [
                Pool(),
                new ProgrammeLine(ProgrammeLineKind.Other, " intercluster POOL ", new Dictionary<int, decimal>()),
                new ProgrammeLine(ProgrammeLineKind.Other, "", new Dictionary<int, decimal>()),
                new ProgrammeLine(ProgrammeLineKind.AdHocAssignments, "Ad hoc", new Dictionary<int, decimal> { [2026] = -5m }),
            ],
        };
        var errors = s.Validate();
        Assert.Equal(["Scenario.DuplicateLine", "Scenario.LineLabelRequired", "Scenario.NegativeAmount"], errors.Select(e => e.Code));
        Assert.Equal("ProgrammeLines[3].AmountsByYear[2026]", errors[2].Field);
        Assert.Equal("The amount of programme line 'Ad hoc' in 2026 is negative (-5.00).", errors[2].Message);
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_order()
    {
        var s = new BudgetScenario("Bad", GreenPaperScenario.EmbeddedInResearchCentres, 2027, 2025,
            [AlphaLine() with { OperatingAidPerYear = -1m }, AlphaLine()],
            [ProgrammeLine.Flat(ProgrammeLineKind.InterclusterPool, "Pool", -1m, 2025, 2025)]);
        Assert.Equal(["Scenario.LastYearBeforeFirst", "Scenario.NegativeAmount", "Scenario.DuplicateCluster", "Scenario.NegativeAmount"],
            s.Validate().Select(e => e.Code));
        Assert.Equal("Scenario.LastYearBeforeFirst", ScenarioProjection.Compute(s).Error!.Code);
    }
}
