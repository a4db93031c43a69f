namespace Clusterpact.Web.Features.Clients;

public enum ClientSort { Name, Created, Expires }

/// <summary>
/// The machine clients this person keeps (decision 0014): every client for an administrator, their own for a cluster
/// manager; searched, sorted and paged like every list.
/// </summary>
public sealed class IndexModel(MachineClientService clients) : ListPageModel<ClientSort>(ClientSort.Created, true)
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    public Paged<ClientListItem> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("search", Search)];

    protected override bool StartsDescending(ClientSort column) => column != ClientSort.Name;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var q = clients.List();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var term = Search.Trim().ToLower();
            q = q.Where(c => c.Name.ToLower().Contains(term) || c.ClientId.ToLower().Contains(term) || c.Owner.ToLower().Contains(term)
                || (c.Cluster != null && c.Cluster.ToLower().Contains(term)));
        }
        var ordered = (Sort, Desc) switch
        {
            (ClientSort.Name, false) => q.OrderBy(c => c.Name),
            (ClientSort.Name, true) => q.OrderByDescending(c => c.Name),
            (ClientSort.Expires, false) => q.OrderBy(c => c.SecretExpiresAt),
            (ClientSort.Expires, true) => q.OrderByDescending(c => c.SecretExpiresAt),
            (_, false) => q.OrderBy(c => c.CreatedAt),
            _ => q.OrderByDescending(c => c.CreatedAt),
        };
        Result = await ordered.ThenBy(c => c.Id).ToPageAsync(PageRequest, ct);
    }
}
