namespace Clusterpact.Web.Features.Clusters;

public sealed class IndexModel(ListClusters list, IStringLocalizer<SharedResource> text, TimeProvider clock) : ListPageModel<ClusterSort>(ClusterSort.Name)
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public ClusterType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ClusterStatus? Status { get; set; }

    public Paged<ClusterListItem> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Bad query values (an unknown type, a page of -3) are ignored by binding; the list still shows.
        ModelState.Clear();
        Result = await list.HandleAsync(new ClusterListQuery(Search, Type, Status, Sort, Desc), PageRequest, ct);
    }

    /// <summary>The filtered, sorted list as Excel or CSV, with the headers and labels in the user's language.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        var rows = await list.AllAsync(new ClusterListQuery(Search, Type, Status, Sort, Desc), ct);
        ExportColumn<ClusterListItem>[] columns =
        [
            new(text["Clusters.Name"], r => r.Name),
            new(text["Clusters.Type"], r => text["ClusterType." + r.Type].Value),
            new(text["Clusters.Domain"], r => r.StrategicDomain),
            new(text["Clusters.Status"], r => text["ClusterStatus." + r.Status].Value),
            new(text["Clusters.Start"], r => r.SupportStart),
            new(text["Clusters.End"], r => r.SupportEnd),
            new(text["Clusters.Members"], r => r.ActiveMembers),
        ];
        return await TableExport.ToFileAsync(format, text["Clusters.Title"], "clusters", rows, columns, clock, ct);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("search", Search), new("type", Type?.ToString()), new("status", Status?.ToString())];
}
