namespace Clusterpact.Domain.Budget;

/// <summary>
/// A budget scenario as the planner saves it: the parameters of a <see cref="BudgetScenario"/> (the calculation model) with an
/// id and a version, so two people editing the same scenario cannot overwrite each other. A cluster's line keeps a snapshot of
/// the cluster's name and type as they were when the scenario was made; a renamed or ended cluster does not change a saved
/// scenario. Only parameters that <see cref="BudgetScenario.Validate"/> accepts are saved.
/// </summary>
public sealed class SavedBudgetScenario : IAuditable
{
    public const int NameMaxLength = 200;
    public const int NotesMaxLength = 4000;
    public const int LabelMaxLength = 200;

    private readonly List<SavedClusterLine> _clusters = [];
    private readonly List<SavedProgrammeLine> _programmeLines = [];

    private SavedBudgetScenario() { Name = ""; }

    public Guid Id { get; private set; }
    public long Version { get; private set; }
    public string Name { get; private set; }
    public GreenPaperScenario Basis { get; private set; }
    public int FirstYear { get; private set; }
    public int LastYear { get; private set; }
    public string? Notes { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>In the scenario's order.</summary>
    public IReadOnlyList<SavedClusterLine> Clusters => _clusters;

    public IReadOnlyList<SavedProgrammeLine> ProgrammeLines => _programmeLines;

    /// <summary>Saves valid parameters; refuses the first problem <see cref="BudgetScenario.Validate"/> finds (or a name or label too long).</summary>
    public static Result<SavedBudgetScenario> Create(BudgetScenario scenario, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var saved = new SavedBudgetScenario { Id = Guid.CreateVersion7(), CreatedAt = now };
        var replaced = saved.Replace(scenario, now);
        return replaced.IsSuccess ? Result<SavedBudgetScenario>.Ok(saved) : Result<SavedBudgetScenario>.Fail(replaced.Error!);
    }

    /// <summary>Replaces every parameter (the lists as a whole, in the given order) when they are valid.</summary>
    public Result Replace(BudgetScenario scenario, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (Check(scenario) is { } error) return Result.Fail(new DomainError(error));
        (Name, Basis, FirstYear, LastYear, Notes, UpdatedAt) =
            (scenario.Name.Trim(), scenario.Basis, scenario.FirstYear, scenario.LastYear, string.IsNullOrWhiteSpace(scenario.Notes) ? null : scenario.Notes.Trim(), now);
        _clusters.Clear();
        _clusters.AddRange(scenario.Clusters.Select(SavedClusterLine.From));
        _programmeLines.Clear();
        _programmeLines.AddRange(scenario.ProgrammeLines.Select(SavedProgrammeLine.From));
        return Result.Success;
    }

    /// <summary>The calculation model, ready for <see cref="ScenarioProjection.Compute"/>.</summary>
    public BudgetScenario ToScenario() =>
        new(Name, Basis, FirstYear, LastYear, _clusters.Select(c => c.ToLine()).ToList(), _programmeLines.Select(l => l.ToLine()).ToList()) { Notes = Notes };

    /// <summary>The first reason these parameters cannot be saved, as a message key; null when they can.</summary>
    public static string? Check(BudgetScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Validate() is { Count: > 0 } errors) return errors[0].Code;
        if (scenario.Name.Trim().Length > NameMaxLength) return "Scenario.NameTooLong";
        if (scenario.Notes?.Trim().Length > NotesMaxLength) return "Scenario.NotesTooLong";
        if (scenario.ProgrammeLines.Any(l => l.Label.Trim().Length > LabelMaxLength)) return "Scenario.LabelTooLong";
        return null;
    }
}

/// <summary>A cluster's line in a saved scenario (see <see cref="ClusterBudgetLine"/>).</summary>
public sealed class SavedClusterLine
{
    private SavedClusterLine() { Name = ""; }

    public Guid ClusterId { get; private set; }

    /// <summary>The cluster's name when the line was made.</summary>
    public string Name { get; private set; }

    public ClusterType Type { get; private set; }
    public decimal OperatingAidPerYear { get; private set; }
    public decimal EarmarkedPerYear { get; private set; }
    public DateOnly? TermStart { get; private set; }
    public DateOnly? TermEnd { get; private set; }
    public bool ContinuesAfterTerm { get; private set; }
    public decimal FollowOnFundingPerYear { get; private set; }
    public decimal FollowOnEarmarkedPerYear { get; private set; }

    internal static SavedClusterLine From(ClusterBudgetLine l) => new()
    {
        ClusterId = l.ClusterId, Name = l.Name.Trim(), Type = l.Type, OperatingAidPerYear = l.OperatingAidPerYear, EarmarkedPerYear = l.EarmarkedPerYear,
        TermStart = l.TermStart, TermEnd = l.TermEnd, ContinuesAfterTerm = l.ContinuesAfterTerm, FollowOnFundingPerYear = l.FollowOnFundingPerYear,
        FollowOnEarmarkedPerYear = l.FollowOnEarmarkedPerYear,
    };

    internal ClusterBudgetLine ToLine() => new()
    {
        ClusterId = ClusterId, Name = Name, Type = Type, OperatingAidPerYear = OperatingAidPerYear, EarmarkedPerYear = EarmarkedPerYear,
        TermStart = TermStart, TermEnd = TermEnd, ContinuesAfterTerm = ContinuesAfterTerm, FollowOnFundingPerYear = FollowOnFundingPerYear,
        FollowOnEarmarkedPerYear = FollowOnEarmarkedPerYear,
    };
}

/// <summary>
/// A programme line of a saved scenario. Its amounts per year are kept as one text, "2027=1000000;2028=0" (invariant
/// culture, years in order), so the line is one row and the audit trail shows a change of amounts as one readable value.
/// </summary>
public sealed class SavedProgrammeLine
{
    private SavedProgrammeLine() { Label = ""; Amounts = ""; }

    public ProgrammeLineKind Kind { get; private set; }
    public string Label { get; private set; }

    /// <summary>The amounts per year as stored; read them with <see cref="AmountsByYear"/>.</summary>
    public string Amounts { get; private set; }

    public IReadOnlyDictionary<int, decimal> AmountsByYear => ParseAmounts(Amounts);

    internal static SavedProgrammeLine From(ProgrammeLine l) => new() { Kind = l.Kind, Label = l.Label.Trim(), Amounts = FormatAmounts(l.AmountsByYear) };

    internal ProgrammeLine ToLine() => new(Kind, Label, AmountsByYear);

    public static string FormatAmounts(IReadOnlyDictionary<int, decimal> amounts)
    {
        ArgumentNullException.ThrowIfNull(amounts);
        return string.Join(';', amounts.OrderBy(p => p.Key).Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key}={p.Value}")));
    }

    public static IReadOnlyDictionary<int, decimal> ParseAmounts(string? text)
    {
        var result = new SortedDictionary<int, decimal>();
        if (string.IsNullOrWhiteSpace(text)) return result;
        foreach (var pair in text.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=');
            result[int.Parse(parts[0], CultureInfo.InvariantCulture)] = decimal.Parse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture);
        }
        return result;
    }
}
