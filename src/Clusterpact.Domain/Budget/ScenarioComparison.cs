namespace Clusterpact.Domain.Budget;

/// <summary>One scenario's figures in a row of the comparison, and how far they lie from the baseline's (this minus baseline:
/// positive costs more than the baseline).</summary>
public sealed record ComparisonCell(string ScenarioName, GreenPaperScenario Basis, BudgetFigures Figures, BudgetFigures DifferenceToBaseline);

/// <summary>A row of the comparison: one year, or the whole period when <see cref="Year"/> is null. One cell per scenario,
/// in the order the scenarios were given; the first is the baseline.</summary>
public sealed record ComparisonRow(int? Year, IReadOnlyList<ComparisonCell> Cells);

/// <summary>One cluster over the whole period in every scenario; a scenario without a line for the cluster gives it nothing
/// (<see cref="ClusterComparisonCell.Included"/> is false).</summary>
public sealed record ClusterComparisonRow(Guid ClusterId, string Name, IReadOnlyList<ClusterComparisonCell> Cells);

public sealed record ClusterComparisonCell(string ScenarioName, bool Included, BudgetFigures Total, BudgetFigures DifferenceToBaseline);

/// <summary>
/// Two or more projections side by side, per year and over the period, each with its difference to the first (the baseline).
/// The projections must cover the same years: a year one scenario does not project is not a year it costs nothing.
/// </summary>
public sealed class ScenarioComparison
{
    private ScenarioComparison(IReadOnlyList<ScenarioProjection> projections, IReadOnlyList<ComparisonRow> years, ComparisonRow period,
        IReadOnlyList<ClusterComparisonRow> clusters)
    {
        Projections = projections;
        Years = years;
        Period = period;
        Clusters = clusters;
    }

    public IReadOnlyList<ScenarioProjection> Projections { get; }
    public ScenarioProjection Baseline => Projections[0];

    /// <summary>One row per year, in order.</summary>
    public IReadOnlyList<ComparisonRow> Years { get; }

    /// <summary>The whole period.</summary>
    public ComparisonRow Period { get; }

    /// <summary>Every cluster named in any scenario (in order of first appearance), over the period.</summary>
    public IReadOnlyList<ClusterComparisonRow> Clusters { get; }

    public static Result<ScenarioComparison> Of(IReadOnlyList<ScenarioProjection> projections)
    {
        ArgumentNullException.ThrowIfNull(projections);
        if (projections.Count < 2) return Fail("Scenario.ComparisonNeedsTwo");
        var baseline = projections[0];
        if (projections.Any(p => p.FirstYear != baseline.FirstYear || p.LastYear != baseline.LastYear)) return Fail("Scenario.ComparisonYearsDiffer");
        if (projections.Select(p => p.Name.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Count() != projections.Count)
            return Fail("Scenario.ComparisonDuplicateName");

        var years = baseline.Years.Select(y => Row(y, projections, p => p.TotalIn(y))).ToList();
        var period = Row(null, projections, p => p.Total);

        var clusters = projections.SelectMany(p => p.Clusters).GroupBy(c => c.ClusterId).Select(g =>
        {
            var baseTotal = baseline.ForCluster(g.Key)?.Total ?? BudgetFigures.Zero;
            var cells = projections.Select(p =>
            {
                var c = p.ForCluster(g.Key);
                var total = c?.Total ?? BudgetFigures.Zero;
                return new ClusterComparisonCell(p.Name, c is not null, total, total - baseTotal);
            }).ToList();
            return new ClusterComparisonRow(g.Key, g.First().Name, cells);
        }).ToList();

        return Result<ScenarioComparison>.Ok(new ScenarioComparison(projections, years, period, clusters));
    }

    private static ComparisonRow Row(int? year, IReadOnlyList<ScenarioProjection> projections, Func<ScenarioProjection, BudgetFigures> figures)
    {
        var baseline = figures(projections[0]);
        return new ComparisonRow(year, projections.Select(p =>
        {
            var f = figures(p);
            return new ComparisonCell(p.Name, p.Basis, f, f - baseline);
        }).ToList());
    }

    private static Result<ScenarioComparison> Fail(string code) => Result<ScenarioComparison>.Fail(new DomainError(code));
}
