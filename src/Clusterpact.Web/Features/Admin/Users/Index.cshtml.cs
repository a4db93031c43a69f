namespace Clusterpact.Web.Features.Admin.Users;

public sealed class IndexModel(ListUsers list) : ListPageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    public Paged<UserListItem> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("search", Search), new("role", Role)];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Result = await list.HandleAsync(new UserListQuery(Search, Role), PageRequest, ct);
    }
}
