namespace Clusterpact.Domain.Budget;

/// <summary>
/// One cluster's parameters in a budget scenario. Its current term (support agreement up to the 10-year limit) runs from
/// <see cref="TermStart"/> to <see cref="TermEnd"/>; operating aid and the earmarked envelope are paid in that period,
/// pro rata per day in the years it starts and ends (<see cref="ProRata"/>). After the term, the cluster receives the
/// follow-on amounts only when <see cref="ContinuesAfterTerm"/> is set.
/// </summary>
public sealed record ClusterBudgetLine
{
    public required Guid ClusterId { get; init; }
    public required string Name { get; init; }
    public required ClusterType Type { get; init; }

    /// <summary>EUR per full year of the term (a spearhead cluster at most 650,000 by 2024, a network 150,000: seed 004, seed 001).</summary>
    public required decimal OperatingAidPerYear { get; init; }

    /// <summary>EUR earmarked funds per full year of the term (seed 003: EUR 8 million per spearhead cluster in 2020);
    /// innovative business networks have none.</summary>
    public decimal EarmarkedPerYear { get; init; }

    /// <summary>First day of the term; null when the term was already running before the projection.</summary>
    public DateOnly? TermStart { get; init; }

    /// <summary>Last day of the term, at the latest the end of the 10-year limit (GBER art. 27; seed 004: Catalisti, Flux50 and VIL
    /// reach it end 2026). Operating aid stops after it. Null when the term runs beyond the projection.</summary>
    public DateOnly? TermEnd { get; init; }

    /// <summary>Whether the cluster is still funded after its term (the green paper's question per cluster, seed 004: "voor alle
    /// bestaande speerpuntclusters wellicht niet hetzelfde scenario"). When false, the follow-on amounts are kept but not counted.</summary>
    public bool ContinuesAfterTerm { get; init; }

    /// <summary>EUR per full year after the term: the basic mission (scenario 3) or the embedded work in a research centre (scenario 2).</summary>
    public decimal FollowOnFundingPerYear { get; init; }

    /// <summary>EUR earmarked funds per full year after the term (scenario 3; considered in scenario 1).</summary>
    public decimal FollowOnEarmarkedPerYear { get; init; }
}

/// <summary>What a programme-level line pays for; the label says it in the user's words.</summary>
public enum ProgrammeLineKind
{
    /// <summary>Pool for intercluster projects of several clusters (seed 003: the rest of the EUR 75 million in 2020).</summary>
    InterclusterPool,

    /// <summary>Ad-hoc funding for specific assignments, as to any other organisation (scenario 1).</summary>
    AdHocAssignments,

    /// <summary>Calls of a new cluster programme for systemic transformations (scenario 4).</summary>
    TransformationProgramme,

    /// <summary>A new call for innovative business networks in strategic themes the spearhead clusters miss (seed 004).</summary>
    NewNetworkCall,

    Other,
}

/// <summary>A programme-level line with its EUR amount per calendar year; a year without an amount is zero. Amounts for years
/// outside the projection are kept (the period may be widened later) but not counted.</summary>
public sealed record ProgrammeLine(ProgrammeLineKind Kind, string Label, IReadOnlyDictionary<int, decimal> AmountsByYear)
{
    public decimal AmountIn(int year) => AmountsByYear.TryGetValue(year, out var amount) ? amount : 0m;

    /// <summary>The same amount every year from <paramref name="fromYear"/> to <paramref name="toYear"/>, both included.</summary>
    public static ProgrammeLine Flat(ProgrammeLineKind kind, string label, decimal amountPerYear, int fromYear, int toYear) =>
        new(kind, label, Enumerable.Range(fromYear, Math.Max(0, toYear - fromYear + 1)).ToDictionary(y => y, _ => amountPerYear));
}

/// <summary>A parameter a scenario cannot be projected with: a stable message key (<paramref name="Code"/>) for the UI and API,
/// the parameter it concerns (e.g. <c>Clusters[1].OperatingAidPerYear</c>), and an English explanation.</summary>
public sealed record ScenarioError(string Code, string Field, string Message, Guid? ClusterId = null);

/// <summary>
/// A budget scenario for the budget planner: one of the green paper's four scenarios (seed 004) with its parameters edited,
/// projected over calendar years <see cref="FirstYear"/> to <see cref="LastYear"/>. Build the defaults with
/// <see cref="ScenarioDefaults.For"/>, change them with <c>with</c>, check them with <see cref="Validate"/> and project them with
/// <see cref="ScenarioProjection.Compute"/>.
/// </summary>
public sealed record BudgetScenario(string Name, GreenPaperScenario Basis, int FirstYear, int LastYear,
    IReadOnlyList<ClusterBudgetLine> Clusters, IReadOnlyList<ProgrammeLine> ProgrammeLines)
{
    /// <summary>A projection longer than this says little (three 3-year terms plus a margin); the planner refuses it.</summary>
    public const int MaxYears = 15;

    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    public string? Notes { get; init; }

    public int YearCount => LastYear - FirstYear + 1;

    public IEnumerable<int> Years => Enumerable.Range(FirstYear, Math.Max(0, YearCount));

    /// <summary>The scenario with this cluster's line replaced (by cluster id) or added at the end.</summary>
    public BudgetScenario WithCluster(ClusterBudgetLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var index = Clusters.ToList().FindIndex(c => c.ClusterId == line.ClusterId);
        var list = Clusters.ToList();
        if (index < 0) list.Add(line);
        else list[index] = line;
        return this with { Clusters = list };
    }

    /// <summary>The scenario with the programme line of this label replaced (labels compare trimmed, case-insensitively) or added.</summary>
    public BudgetScenario WithProgrammeLine(ProgrammeLine line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var list = ProgrammeLines.ToList();
        var index = list.FindIndex(l => SameLabel(l.Label, line.Label));
        if (index < 0) list.Add(line);
        else list[index] = line;
        return this with { ProgrammeLines = list };
    }

    /// <summary>Every problem with the parameters, in order; empty when the scenario can be projected.</summary>
    public IReadOnlyList<ScenarioError> Validate()
    {
        var errors = new List<ScenarioError>();
        if (string.IsNullOrWhiteSpace(Name)) errors.Add(new("Scenario.NameRequired", nameof(Name), "The scenario needs a name."));
        if (!Enum.IsDefined(Basis))
            errors.Add(new("Scenario.BasisUnknown", nameof(Basis), Text($"{(int)Basis} is not one of the green paper's four scenarios (1 to 4).")));
        if (FirstYear is < EarliestYear or > LatestYear)
            errors.Add(new("Scenario.YearRange", nameof(FirstYear), Text($"The first year {FirstYear} is outside {EarliestYear}-{LatestYear}.")));
        if (LastYear is < EarliestYear or > LatestYear)
            errors.Add(new("Scenario.YearRange", nameof(LastYear), Text($"The last year {LastYear} is outside {EarliestYear}-{LatestYear}.")));
        if (LastYear < FirstYear)
            errors.Add(new("Scenario.LastYearBeforeFirst", nameof(LastYear), Text($"The last year {LastYear} comes before the first year {FirstYear}.")));
        else if (YearCount > MaxYears)
            errors.Add(new("Scenario.TooManyYears", nameof(LastYear),
                Text($"{FirstYear}-{LastYear} is {YearCount} years; a projection covers at most {MaxYears} years.")));

        var seen = new HashSet<Guid>();
        for (var i = 0; i < Clusters.Count; i++) ValidateCluster(Clusters[i], i, seen, errors);

        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < ProgrammeLines.Count; i++) ValidateLine(ProgrammeLines[i], i, labels, errors);
        return errors;
    }

    private static void ValidateCluster(ClusterBudgetLine c, int i, HashSet<Guid> seen, List<ScenarioError> errors)
    {
        var at = Text($"Clusters[{i}]");
        var who = string.IsNullOrWhiteSpace(c.Name) ? Text($"cluster {i + 1}") : Text($"'{c.Name.Trim()}'");
        if (c.ClusterId == Guid.Empty) errors.Add(new("Scenario.ClusterIdRequired", at + ".ClusterId", Text($"The line of {who} names no cluster.")));
        else if (!seen.Add(c.ClusterId))
            errors.Add(new("Scenario.DuplicateCluster", at + ".ClusterId", Text($"{Capital(who)} appears more than once; a cluster has one line per scenario."), c.ClusterId));
        if (string.IsNullOrWhiteSpace(c.Name)) errors.Add(new("Scenario.ClusterNameRequired", at + ".Name", Text($"The line of {who} has no name."), c.ClusterId));
        if (!Enum.IsDefined(c.Type)) errors.Add(new("Scenario.ClusterTypeUnknown", at + ".Type", Text($"{Capital(who)} has an unknown cluster type."), c.ClusterId));

        NotNegative(c.OperatingAidPerYear, nameof(c.OperatingAidPerYear), "operating aid per year");
        NotNegative(c.EarmarkedPerYear, nameof(c.EarmarkedPerYear), "earmarked funds per year");
        NotNegative(c.FollowOnFundingPerYear, nameof(c.FollowOnFundingPerYear), "follow-on funding per year");
        NotNegative(c.FollowOnEarmarkedPerYear, nameof(c.FollowOnEarmarkedPerYear), "earmarked funds per year after the term");

        if (c.TermStart is { } start && c.TermEnd is { } end && end < start)
            errors.Add(new("Scenario.TermEndBeforeStart", at + ".TermEnd",
                Text($"The term of {who} ends on {end:yyyy-MM-dd}, before it starts on {start:yyyy-MM-dd}."), c.ClusterId));

        // Earmarked funds are a spearhead cluster's privilege for its competitiveness programme; networks have none (seed 001).
        if (c.Type == ClusterType.InnovativeBusinessNetwork && (c.EarmarkedPerYear > 0 || c.FollowOnEarmarkedPerYear > 0))
            errors.Add(new("Scenario.EarmarkedOnlyForSpearheadClusters", at + ".EarmarkedPerYear",
                Text($"{Capital(who)} is an innovative business network; networks have no earmarked funds."), c.ClusterId));

        if (DomainRange.Date(c.TermStart, nameof(c.TermStart)) is not null)
            errors.Add(new("Range.Date", at + ".TermStart", Text($"The term of {who} starts on {c.TermStart:yyyy-MM-dd}, outside 2000-2100."), c.ClusterId));
        if (DomainRange.Date(c.TermEnd, nameof(c.TermEnd)) is not null)
            errors.Add(new("Range.Date", at + ".TermEnd", Text($"The term of {who} ends on {c.TermEnd:yyyy-MM-dd}, outside 2000-2100."), c.ClusterId));

        void NotNegative(decimal amount, string field, string what)
        {
            if (amount < 0)
                errors.Add(new("Scenario.NegativeAmount", at + "." + field, Text($"The {what} of {who} is negative ({amount:0.00})."), c.ClusterId));
            else if (DomainRange.Amount(amount, field) is not null)
                errors.Add(new("Range.Amount", at + "." + field, Text($"The {what} of {who} ({amount}) is more than EUR 10 billion or has more than two decimals."), c.ClusterId));
        }
    }

    private static void ValidateLine(ProgrammeLine line, int i, HashSet<string> labels, List<ScenarioError> errors)
    {
        var at = Text($"ProgrammeLines[{i}]");
        if (string.IsNullOrWhiteSpace(line.Label))
            errors.Add(new("Scenario.LineLabelRequired", at + ".Label", Text($"Programme line {i + 1} has no label.")));
        else if (!labels.Add(line.Label.Trim()))
            errors.Add(new("Scenario.DuplicateLine", at + ".Label", Text($"The programme line '{line.Label.Trim()}' appears more than once.")));
        if (!Enum.IsDefined(line.Kind)) errors.Add(new("Scenario.LineKindUnknown", at + ".Kind", Text($"Programme line {i + 1} has an unknown kind.")));
        foreach (var (year, amount) in line.AmountsByYear.OrderBy(p => p.Key))
        {
            if (amount < 0)
                errors.Add(new("Scenario.NegativeAmount", Text($"{at}.AmountsByYear[{year}]"),
                    Text($"The amount of programme line '{line.Label?.Trim()}' in {year} is negative ({amount:0.00}).")));
            else if (DomainRange.Amount(amount, nameof(amount)) is not null)
                errors.Add(new("Range.Amount", Text($"{at}.AmountsByYear[{year}]"),
                    Text($"The amount of programme line '{line.Label?.Trim()}' in {year} ({amount}) is more than EUR 10 billion or has more than two decimals.")));
            if (DomainRange.Year(year, nameof(year)) is not null)
                errors.Add(new("Range.Year", Text($"{at}.AmountsByYear[{year}]"), Text($"The programme line '{line.Label?.Trim()}' has an amount for {year}, outside 2000-2100.")));
        }
    }

    private static bool SameLabel(string? a, string? b) => string.Equals(a?.Trim(), b?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Text(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];
}
