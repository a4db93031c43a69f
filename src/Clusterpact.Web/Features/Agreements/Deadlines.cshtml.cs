namespace Clusterpact.Web.Features.Agreements;

/// <summary>Every deadline of the clusters the caller sees (ListDeadlines), searched by cluster, filtered, sorted and paged.</summary>
public sealed class DeadlinesModel(ListDeadlines deadlines) : ListPageModel<DeadlineSort>(DeadlineSort.Date)
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public DeadlineKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public bool Late { get; set; }

    public Paged<Deadline> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public DateOnly Today => deadlines.Today;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Bad query values (an unknown kind, a page of -3) are ignored by binding; the list still shows.
        ModelState.Clear();
        Result = (await deadlines.HandleAsync(new DeadlineQuery(Search, Kind, Late, Sort, Desc), ct)).ToPage(PageRequest);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("search", string.IsNullOrWhiteSpace(Search) ? null : Search.Trim()), new("kind", Kind?.ToString()), new("late", Late ? "true" : null)];
}
