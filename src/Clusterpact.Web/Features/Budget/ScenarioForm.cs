using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Clusterpact.Web.Features.Budget;

/// <summary>
/// The edit form of a budget scenario as the user typed it: amounts as Belgian numbers ("650.000,00"), dates dd-MM-yyyy.
/// Field names follow the domain's (<c>Clusters[1].OperatingAidPerYear</c>), so a <see cref="ScenarioError"/> lands next to its field.
/// </summary>
public sealed class ScenarioInput
{
    public long Version { get; set; }
    public string? Name { get; set; }
    public GreenPaperScenario Basis { get; set; }
    public int? FirstYear { get; set; }
    public int? LastYear { get; set; }
    public string? Notes { get; set; }
    public List<ClusterInput> Clusters { get; set; } = [];
    public List<LineInput> ProgrammeLines { get; set; } = [];

    /// <summary>The years the programme-line table shows: the period and any year a line holds an amount for.</summary>
    public IReadOnlyList<int> LineYears => ProgrammeLines.SelectMany(l => l.Amounts.Select(a => a.Year)).Distinct().Order().ToList();
}

public sealed class ClusterInput
{
    public Guid ClusterId { get; set; }
    public string? Name { get; set; }
    public ClusterType Type { get; set; }
    public string? TermStart { get; set; }
    public string? TermEnd { get; set; }
    public string? OperatingAidPerYear { get; set; }
    public string? EarmarkedPerYear { get; set; }
    public bool ContinuesAfterTerm { get; set; }
    public string? FollowOnFundingPerYear { get; set; }
    public string? FollowOnEarmarkedPerYear { get; set; }
}

public sealed class LineInput
{
    public ProgrammeLineKind Kind { get; set; } = ProgrammeLineKind.Other;
    public string? Label { get; set; }
    public List<AmountInput> Amounts { get; set; } = [];
    public bool IsBlank => string.IsNullOrWhiteSpace(Label) && Amounts.All(a => string.IsNullOrWhiteSpace(a.Amount));
}

public sealed class AmountInput
{
    public int Year { get; set; }
    public string? Amount { get; set; }
}

public static class ScenarioForm
{
    private const string Prefix = "Input";

    public static string Money(decimal amount) => amount.ToString("N2", CultureInfo.CurrentCulture);

    public static string Date(DateOnly? date) => date?.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The form of a saved scenario, with a blank programme line to add one.</summary>
    public static ScenarioInput From(SavedBudgetScenario saved)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var s = saved.ToScenario();
        var input = new ScenarioInput
        {
            Version = saved.Version, Name = s.Name, Basis = s.Basis, FirstYear = s.FirstYear, LastYear = s.LastYear, Notes = s.Notes,
            Clusters = s.Clusters.Select(c => new ClusterInput
            {
                ClusterId = c.ClusterId, Name = c.Name, Type = c.Type, TermStart = Date(c.TermStart), TermEnd = Date(c.TermEnd),
                OperatingAidPerYear = Money(c.OperatingAidPerYear), EarmarkedPerYear = Money(c.EarmarkedPerYear), ContinuesAfterTerm = c.ContinuesAfterTerm,
                FollowOnFundingPerYear = Money(c.FollowOnFundingPerYear), FollowOnEarmarkedPerYear = Money(c.FollowOnEarmarkedPerYear),
            }).ToList(),
        };
        var years = s.Years.Concat(s.ProgrammeLines.SelectMany(l => l.AmountsByYear.Keys)).Distinct().Order().ToList();
        input.ProgrammeLines = s.ProgrammeLines.Select(l => new LineInput
        {
            Kind = l.Kind, Label = l.Label,
            Amounts = years.Select(y => new AmountInput { Year = y, Amount = l.AmountsByYear.TryGetValue(y, out var a) ? Money(a) : null }).ToList(),
        }).ToList();
        Pad(input);
        return input;
    }

    /// <summary>Adds a blank programme line (for a new one) and gives every line a box for every year shown.</summary>
    public static void Pad(ScenarioInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.ProgrammeLines.Count == 0 || !input.ProgrammeLines[^1].IsBlank) input.ProgrammeLines.Add(new LineInput());
        var years = input.LineYears.ToList();
        if (input.FirstYear is { } f && input.LastYear is { } l && l >= f && l - f < BudgetScenario.MaxYears) years = years.Union(Enumerable.Range(f, l - f + 1)).Order().ToList();
        foreach (var line in input.ProgrammeLines)
        {
            foreach (var y in years.Where(y => line.Amounts.All(a => a.Year != y))) line.Amounts.Add(new AmountInput { Year = y });
            line.Amounts.Sort((a, b) => a.Year.CompareTo(b.Year));
        }
    }

    /// <summary>
    /// The scenario the user typed; every amount or date that does not read, and every problem the domain finds, is added to
    /// <paramref name="modelState"/> next to its field. Null when something is wrong.
    /// </summary>
    public static BudgetScenario? ToScenario(ScenarioInput input, ModelStateDictionary modelState, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(text);
        var clusters = new List<ClusterBudgetLine>();
        for (var i = 0; i < input.Clusters.Count; i++)
        {
            var c = input.Clusters[i];
            var at = $"{Prefix}.{nameof(ScenarioInput.Clusters)}[{i}].";
            clusters.Add(new ClusterBudgetLine
            {
                ClusterId = c.ClusterId, Name = c.Name ?? "", Type = c.Type, ContinuesAfterTerm = c.ContinuesAfterTerm,
                OperatingAidPerYear = Amount(c.OperatingAidPerYear, at + nameof(c.OperatingAidPerYear)),
                EarmarkedPerYear = Amount(c.EarmarkedPerYear, at + nameof(c.EarmarkedPerYear)),
                FollowOnFundingPerYear = Amount(c.FollowOnFundingPerYear, at + nameof(c.FollowOnFundingPerYear)),
                FollowOnEarmarkedPerYear = Amount(c.FollowOnEarmarkedPerYear, at + nameof(c.FollowOnEarmarkedPerYear)),
                TermStart = Day(c.TermStart, at + nameof(c.TermStart)),
                TermEnd = Day(c.TermEnd, at + nameof(c.TermEnd)),
            });
        }
        // Blank lines are left out; the domain's line index maps back to the form's.
        var kept = Enumerable.Range(0, input.ProgrammeLines.Count).Where(i => !input.ProgrammeLines[i].IsBlank).ToList();
        var lines = kept.Select(i =>
        {
            var l = input.ProgrammeLines[i];
            var amounts = new Dictionary<int, decimal>();
            for (var j = 0; j < l.Amounts.Count; j++)
            {
                if (string.IsNullOrWhiteSpace(l.Amounts[j].Amount)) continue;
                amounts[l.Amounts[j].Year] = Amount(l.Amounts[j].Amount, $"{Prefix}.{nameof(ScenarioInput.ProgrammeLines)}[{i}].{nameof(LineInput.Amounts)}[{j}].{nameof(AmountInput.Amount)}");
            }
            return new ProgrammeLine(l.Kind, l.Label ?? "", amounts);
        }).ToList();
        if (input.FirstYear is null) modelState.TryAddModelError($"{Prefix}.{nameof(input.FirstYear)}", text["Validation.Required", text["Budget.FirstYear"]]);
        if (input.LastYear is null) modelState.TryAddModelError($"{Prefix}.{nameof(input.LastYear)}", text["Validation.Required", text["Budget.LastYear"]]);
        if (!modelState.IsValid) return null;

        var scenario = new BudgetScenario(input.Name ?? "", input.Basis, input.FirstYear!.Value, input.LastYear!.Value, clusters, lines) { Notes = input.Notes };
        foreach (var e in scenario.Validate()) modelState.AddModelError(FieldOf(e, input, kept), Message(e, text));
        if (modelState.IsValid && SavedBudgetScenario.Check(scenario) is { } code) modelState.AddModelError($"{Prefix}.{nameof(input.Name)}", text[code]);
        return modelState.IsValid ? scenario : null;

        decimal Amount(string? typed, string field)
        {
            if (string.IsNullOrWhiteSpace(typed)) return 0m;
            if (BelgianFormats.ParseNumber(typed) is { } value) return value;
            modelState.AddModelError(field, text["Validation.Amount", typed]);
            return 0m;
        }

        DateOnly? Day(string? typed, string field)
        {
            if (string.IsNullOrWhiteSpace(typed)) return null;
            if (BelgianFormats.ParseDate(typed) is { } value) return value;
            modelState.AddModelError(field, text["Budget.InvalidDate", typed]);
            return null;
        }
    }

    /// <summary>A domain problem in the user's words, naming the cluster or line it concerns.</summary>
    public static string Message(ScenarioError e, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(e);
        ArgumentNullException.ThrowIfNull(text);
        var message = text[e.Code].Value;
        var open = e.Field.IndexOf('[', StringComparison.Ordinal);
        if (open < 0) return message;
        var index = int.Parse(e.Field[(open + 1)..e.Field.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
        var where = e.Field.StartsWith(nameof(BudgetScenario.Clusters), StringComparison.Ordinal)
            ? text["Budget.ClusterLine", index + 1].Value : text["Budget.ProgrammeLine", index + 1].Value;
        return $"{where}: {message}";
    }

    /// <summary>The form field of a domain field: the same path, the programme line's index and year mapped back to the form's.</summary>
    private static string FieldOf(ScenarioError e, ScenarioInput input, List<int> kept)
    {
        var field = e.Field;
        if (field.StartsWith(nameof(BudgetScenario.ProgrammeLines) + "[", StringComparison.Ordinal))
        {
            var close = field.IndexOf(']', StringComparison.Ordinal);
            var domainIndex = int.Parse(field[(nameof(BudgetScenario.ProgrammeLines).Length + 1)..close], CultureInfo.InvariantCulture);
            var formIndex = kept[domainIndex];
            var rest = field[(close + 1)..];
            const string amounts = "." + nameof(ProgrammeLine.AmountsByYear) + "[";
            if (rest.StartsWith(amounts, StringComparison.Ordinal))
            {
                var year = int.Parse(rest[amounts.Length..rest.IndexOf(']', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                var j = input.ProgrammeLines[formIndex].Amounts.FindIndex(a => a.Year == year);
                rest = $".{nameof(LineInput.Amounts)}[{j}].{nameof(AmountInput.Amount)}";
            }
            field = $"{nameof(BudgetScenario.ProgrammeLines)}[{formIndex}]{rest}";
        }
        return $"{Prefix}.{field}";
    }
}
