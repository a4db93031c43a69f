namespace Clusterpact.Web.Features.Organisations;

public sealed class IndexModel(ListOrganisations list, Clusters.ChooseCluster chooseCluster, Permissions permissions, IStringLocalizer<SharedResource> text, TimeProvider clock) : ListPageModel<OrganisationSort>(OrganisationSort.Name)
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public OrganisationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public SizeClass? Size { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cluster { get; set; }
    [BindProperty(SupportsGet = true)] public bool Multi { get; set; }

    public Paged<OrganisationListItem> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public Clusters.ClusterChoice ClusterChoice { get; private set; } = Clusters.ClusterChoice.None;
    public bool CanImport { get; private set; }

    private OrganisationListQuery Query() => new(Search, Kind, Size, ClusterChoice.FilterId, Multi, Sort, Desc);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        CanImport = await permissions.HasAsync(Policies.ClusterEditing);
        ClusterChoice = await chooseCluster.HandleAsync(Cluster, ct);
        Result = await list.HandleAsync(Query(), PageRequest, ct);
    }

    /// <summary>The filtered register as Excel or CSV.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        ClusterChoice = await chooseCluster.HandleAsync(Cluster, ct);
        var rows = await list.AllAsync(Query(), ct);
        ExportColumn<OrganisationListItem>[] columns =
        [
            new(text["Members.Name"], r => r.Name),
            new(text["Clusters.EnterpriseNumber"], r => r.EnterpriseNumber is null ? null : Infrastructure.Formatting.Format.EnterpriseNumber(r.EnterpriseNumber)),
            new(text["Members.Kind"], r => text["OrganisationKind." + r.Kind].Value),
            new(text["Members.Size"], r => r.Size is null ? null : text["SizeClass." + r.Size].Value),
            new(text["Members.Country"], r => r.CountryCode),
            new(text["Members.International"], r => r.InternationallyActive ? text["Common.Yes"].Value : text["Common.No"].Value),
            new(text["Members.ClusterCount"], r => r.ActiveClusterCount),
        ];
        return await TableExport.ToFileAsync(format, text["Members.Title"], "leden", rows, columns, clock, ct);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() =>
    [
        new("search", Search), new("kind", Kind?.ToString()), new("size", Size?.ToString()), new("cluster", ClusterChoice.QueryValue), new("multi", Multi ? "true" : null),
    ];
}
