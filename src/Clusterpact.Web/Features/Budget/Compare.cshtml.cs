namespace Clusterpact.Web.Features.Budget;

/// <summary>Two to four saved scenarios side by side: totals per year and over the period, each with its difference to the first (the baseline).</summary>
public sealed class CompareModel(ListScenarioChoices scenarioChoices, CompareScenarios compareScenarios, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    public const int MaxScenarios = 4;

    /// <summary>The picked scenarios in order; the first is the baseline. Empty picks are skipped.</summary>
    [BindProperty(SupportsGet = true, Name = "s")] public List<Guid?> Picked { get; set; } = [];

    public IReadOnlyList<(Guid Id, string Name, int FirstYear, int LastYear)> Choices { get; private set; } = [];
    public ScenarioComparison? Comparison { get; private set; }
    public string? Error { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Choices = await scenarioChoices.HandleAsync(ct);
        return await CompareAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        if (!await CompareAsync(ct)) return NotFound();
        if (Comparison is null) return BadRequest();
        return await TableExport.ToFileAsync(format, text["Budget.Comparison"], "scenariovergelijking", BudgetExport.ComparisonRows(Comparison, text),
            BudgetExport.Columns(Comparison.Baseline.Years, text), clock, ct);
    }

    public IReadOnlyList<Guid> Ids => Picked.Where(p => p is not null).Select(p => p!.Value).Take(MaxScenarios).ToList();

    public string ExportUrl(string format) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/Budget/Compare",
            Ids.Select(i => new KeyValuePair<string, string?>("s", i.ToString())).Append(new("handler", "Export")).Append(new("format", format)));

    /// <summary>False when a picked scenario does not exist.</summary>
    private async Task<bool> CompareAsync(CancellationToken ct)
    {
        if (Ids.Count == 0) return true;
        if (Ids.Count < 2 || Ids.Distinct().Count() != Ids.Count)
        {
            Error = "Scenario.ComparisonNeedsTwo";
            return true;
        }
        var result = await compareScenarios.HandleAsync(Ids, ct);
        if (result is not { } r) return false;
        if (r.IsSuccess) Comparison = r.Value;
        else Error = r.Error!.Code;
        return true;
    }
}
