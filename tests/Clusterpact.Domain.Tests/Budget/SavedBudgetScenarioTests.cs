using static Clusterpact.Domain.Tests.Budget.BudgetFixtures;

namespace Clusterpact.Domain.Tests.Budget;

public class SavedBudgetScenarioTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_saved_scenario_gives_back_the_same_parameters_and_so_the_same_projection()
    {
        var scenario = TwoClustersThreeYears() with { Notes = "  Toelichting  " };
        var saved = SavedBudgetScenario.Create(scenario, Now).Value!;
        var back = saved.ToScenario();

        Assert.Equal(("Two clusters", 2025, 2027, "Toelichting"), (back.Name, back.FirstYear, back.LastYear, back.Notes));
        Assert.Equal(scenario.Clusters, back.Clusters);
        Assert.Equal(new Dictionary<int, decimal> { [2025] = 1_000_000m, [2026] = 1_000_000m, [2027] = 0m }, back.ProgrammeLines.Single().AmountsByYear);
        Assert.Equal("2025=1000000;2026=1000000;2027=0", saved.ProgrammeLines.Single().Amounts);
        Assert.Equal(ScenarioProjection.Compute(scenario).Value!.Total, ScenarioProjection.Compute(back).Value!.Total);
    }

    [Fact]
    public void Amounts_with_cents_survive_the_stored_text()
    {
        var line = new ProgrammeLine(ProgrammeLineKind.Other, "Cents", new Dictionary<int, decimal> { [2028] = 322_328.77m, [2027] = 0.01m });
        var text = SavedProgrammeLine.FormatAmounts(line.AmountsByYear);
        Assert.Equal("2027=0.01;2028=322328.77", text);
        Assert.Equal(line.AmountsByYear, SavedProgrammeLine.ParseAmounts(text));
    }

    [Fact]
    public void Invalid_parameters_are_not_saved_and_a_replace_keeps_the_old_ones()
    {
        Assert.Equal("Scenario.LastYearBeforeFirst", SavedBudgetScenario.Create(TwoClustersThreeYears() with { LastYear = 2024 }, Now).Error!.Code);
        Assert.Equal("Scenario.NameTooLong", SavedBudgetScenario.Create(TwoClustersThreeYears(new string('x', 201)), Now).Error!.Code);

        var saved = SavedBudgetScenario.Create(TwoClustersThreeYears(), Now).Value!;
        var refused = saved.Replace(TwoClustersThreeYears().WithCluster(AlphaLine() with { OperatingAidPerYear = -1m }), Now.AddDays(1));
        Assert.Equal("Scenario.NegativeAmount", refused.Error!.Code);
        Assert.Equal(650_000m, saved.Clusters[0].OperatingAidPerYear);
        Assert.Equal(Now, saved.UpdatedAt);
    }
}
