namespace Clusterpact.Web.Features.Calls;

/// <summary>The agency's calls: drafts, published, closed and decided, with search, filters, sorting and paging.</summary>
public sealed class IndexModel(ListCalls listCalls) : ListPageModel<CallSort>(CallSort.Closes, defaultDescending: true)
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public CallKind? Kind { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public CallStatus? Status { get; set; }

    public Paged<CallRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool English => Cultures.IsEnglish;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Result = await listCalls.HandleAsync(new CallListQuery(Search, Kind, Status, Sort, Desc), PageRequest, ct);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("search", Search), new("kind", Kind?.ToString()), new("status", Status?.ToString())];
}
