namespace Clusterpact.Web.Features.Budget;

/// <summary>The saved budget scenarios, with search, sorting and paging; agency staff start new ones from here.</summary>
public sealed class IndexModel(ListScenarios listScenarios) : ListPageModel<ScenarioSort>(ScenarioSort.Updated, defaultDescending: true)
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    public Paged<ScenarioRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool CanEdit { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        (Result, CanEdit) = await listScenarios.HandleAsync(Search, Sort, Desc, PageRequest, ct);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("search", Search)];
}
