namespace Clusterpact.Domain.Budget;

/// <summary>The figures of one calendar year.</summary>
public sealed record YearFigures(int Year, BudgetFigures Figures);

/// <summary>A programme line's EUR amount in one calendar year.</summary>
public sealed record YearAmount(int Year, decimal Amount);

/// <summary>One cluster over the projection: its figures per year and over the period.</summary>
public sealed record ClusterProjection(Guid ClusterId, string Name, ClusterType Type, IReadOnlyList<YearFigures> Years, BudgetFigures Total)
{
    public BudgetFigures In(int year) => Years.FirstOrDefault(y => y.Year == year)?.Figures ?? BudgetFigures.Zero;
}

/// <summary>One programme line over the projection.</summary>
public sealed record ProgrammeLineProjection(ProgrammeLineKind Kind, string Label, IReadOnlyList<YearAmount> Years, decimal Total);

/// <summary>
/// A scenario's budget year by year: per cluster operating aid within its term, follow-on funding and earmarked funds;
/// the programme lines; totals per year and over the period. Computed by <see cref="Compute"/>, a pure function of the
/// scenario's parameters: every amount is rounded to the cent per cluster, line and year (<see cref="ProRata"/>), and the
/// totals add up those rounded amounts, so a printed table adds up.
/// </summary>
public sealed class ScenarioProjection
{
    private ScenarioProjection(BudgetScenario scenario, IReadOnlyList<ClusterProjection> clusters, IReadOnlyList<ProgrammeLineProjection> lines,
        IReadOnlyList<YearFigures> yearTotals, BudgetFigures total)
    {
        Scenario = scenario;
        Clusters = clusters;
        ProgrammeLines = lines;
        YearTotals = yearTotals;
        Total = total;
    }

    /// <summary>The parameters the projection was computed from.</summary>
    public BudgetScenario Scenario { get; }

    public string Name => Scenario.Name.Trim();
    public GreenPaperScenario Basis => Scenario.Basis;
    public int FirstYear => Scenario.FirstYear;
    public int LastYear => Scenario.LastYear;
    public IReadOnlyList<int> Years => YearTotals.Select(y => y.Year).ToList();

    /// <summary>Per cluster, in the scenario's order.</summary>
    public IReadOnlyList<ClusterProjection> Clusters { get; }

    public IReadOnlyList<ProgrammeLineProjection> ProgrammeLines { get; }

    /// <summary>Per year, every cluster and line together.</summary>
    public IReadOnlyList<YearFigures> YearTotals { get; }

    /// <summary>The whole period.</summary>
    public BudgetFigures Total { get; }

    public ClusterProjection? ForCluster(Guid clusterId) => Clusters.FirstOrDefault(c => c.ClusterId == clusterId);

    public BudgetFigures TotalIn(int year) => YearTotals.FirstOrDefault(y => y.Year == year)?.Figures ?? BudgetFigures.Zero;

    /// <summary>
    /// Projects the scenario; refuses parameters <see cref="BudgetScenario.Validate"/> finds wrong, with the first problem's
    /// message key (ask <see cref="BudgetScenario.Validate"/> for all of them, with their fields).
    /// </summary>
    public static Result<ScenarioProjection> Compute(BudgetScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = scenario.Validate();
        if (errors.Count > 0) return Result<ScenarioProjection>.Fail(new DomainError(errors[0].Code));

        var years = scenario.Years.ToList();
        var clusters = scenario.Clusters.Select(c =>
        {
            var perYear = years.Select(y => new YearFigures(y, ClusterIn(c, y))).ToList();
            return new ClusterProjection(c.ClusterId, c.Name.Trim(), c.Type, perYear, BudgetFigures.Sum(perYear.Select(p => p.Figures)));
        }).ToList();

        var lines = scenario.ProgrammeLines.Select(l =>
        {
            var perYear = years.Select(y => new YearAmount(y, l.AmountIn(y))).ToList();
            return new ProgrammeLineProjection(l.Kind, l.Label.Trim(), perYear, perYear.Sum(p => p.Amount));
        }).ToList();

        var totals = years.Select(y => new YearFigures(y,
            BudgetFigures.Sum(clusters.Select(c => c.In(y))) with { ProgrammeLines = lines.Sum(l => l.Years.First(p => p.Year == y).Amount) })).ToList();

        return Result<ScenarioProjection>.Ok(new ScenarioProjection(scenario, clusters, lines, totals, BudgetFigures.Sum(totals.Select(t => t.Figures))));
    }

    /// <summary>
    /// One cluster in one year. Operating aid and the earmarked envelope for the days of the year within the term; after the
    /// term, the follow-on amounts for the days after its end, only when the cluster continues. A cluster not yet started
    /// (before <see cref="ClusterBudgetLine.TermStart"/>) receives nothing.
    /// </summary>
    public static BudgetFigures ClusterIn(ClusterBudgetLine cluster, int year)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var termDays = ProRata.DaysIn(year, cluster.TermStart, cluster.TermEnd);
        var operating = ProRata.Share(cluster.OperatingAidPerYear, termDays, year);
        var earmarked = ProRata.Share(cluster.EarmarkedPerYear, termDays, year);
        var followOn = 0m;
        if (cluster.ContinuesAfterTerm && cluster.TermEnd is { } end && end < DateOnly.MaxValue)
        {
            var afterDays = ProRata.DaysIn(year, end.AddDays(1), null);
            followOn = ProRata.Share(cluster.FollowOnFundingPerYear, afterDays, year);
            earmarked += ProRata.Share(cluster.FollowOnEarmarkedPerYear, afterDays, year);
        }
        return new BudgetFigures(operating, followOn, earmarked, 0m);
    }
}
