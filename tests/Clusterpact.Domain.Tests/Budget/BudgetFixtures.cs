namespace Clusterpact.Domain.Tests.Budget;

/// <summary>Small hand-worked scenarios; the arithmetic is written out in the tests that use them.</summary>
internal static class BudgetFixtures
{
    public static readonly Guid Alpha = new("00000000-0000-0000-0000-0000000000a1");
    public static readonly Guid Beta = new("00000000-0000-0000-0000-0000000000b2");

    /// <summary>Spearhead cluster, 650,000 operating aid and 8,000,000 earmarked a year, term ending 30 June 2026.</summary>
    public static ClusterBudgetLine AlphaLine() => new()
    {
        ClusterId = Alpha, Name = "Alpha", Type = ClusterType.SpearheadCluster, OperatingAidPerYear = 650_000m, EarmarkedPerYear = 8_000_000m,
        TermEnd = new DateOnly(2026, 6, 30),
    };

    /// <summary>Innovative business network, 150,000 a year, term 1 October 2025 - 30 September 2028.</summary>
    public static ClusterBudgetLine BetaLine() => new()
    {
        ClusterId = Beta, Name = "Beta", Type = ClusterType.InnovativeBusinessNetwork, OperatingAidPerYear = 150_000m,
        TermStart = new DateOnly(2025, 10, 1), TermEnd = new DateOnly(2028, 9, 30),
    };

    /// <summary>Intercluster pool of 1,000,000 in 2025 and 2026, explicitly nothing in 2027.</summary>
    public static ProgrammeLine Pool() => new(ProgrammeLineKind.InterclusterPool, "Intercluster pool",
        new Dictionary<int, decimal> { [2025] = 1_000_000m, [2026] = 1_000_000m, [2027] = 0m });

    /// <summary>Alpha and Beta with the pool, projected over 2025-2027.</summary>
    public static BudgetScenario TwoClustersThreeYears(string name = "Two clusters") =>
        new(name, GreenPaperScenario.CommercialWithoutStructuralFunding, 2025, 2027, [AlphaLine(), BetaLine()], [Pool()]);
}
