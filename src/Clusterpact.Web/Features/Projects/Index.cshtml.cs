namespace Clusterpact.Web.Features.Projects;

public sealed class IndexModel(ListProjects list, Clusters.ChooseCluster chooseCluster, Permissions permissions, IStringLocalizer<SharedResource> text, TimeProvider clock) : ListPageModel<ProjectSort>(ProjectSort.Start, defaultDescending: true)
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cluster { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public ProjectStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public StrategicTheme? Theme { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Organisation { get; set; }

    public Paged<ProjectListItem> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public Clusters.ClusterChoice ClusterChoice { get; private set; } = Clusters.ClusterChoice.None;
    /// <summary>Whoever may open the proposal page (its rule in Program.cs).</summary>
    public bool CanPropose { get; private set; }

    private ProjectListQuery Query() => new(Search, ClusterChoice.FilterId, Type, Status, Theme, Year, Organisation, Sort, Desc);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        CanPropose = await permissions.HasAsync(Policies.ClusterEditing);
        ClusterChoice = await chooseCluster.HandleAsync(Cluster, ct);
        Result = await list.HandleAsync(Query(), PageRequest, ct);
    }

    /// <summary>The filtered project list as Excel or CSV.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        ClusterChoice = await chooseCluster.HandleAsync(Cluster, ct);
        var rows = await list.AllAsync(Query(), ct);
        ExportColumn<ProjectListItem>[] columns =
        [
            new(text["Projects.TitleField"], r => r.Title),
            new(text["Projects.Type"], r => text["ProjectType." + r.Type].Value),
            new(text["Projects.Status"], r => text[Project.Lifecycle.StateKey(r.Status)].Value),
            new(text["Projects.Theme"], r => text["StrategicTheme." + r.Theme].Value),
            new(text["Projects.Clusters"], r => string.Join(", ", r.ClusterNames)),
            new(text["Projects.Lead"], r => r.LeadName),
            new(text["Projects.Start"], r => r.Start),
            new(text["Projects.End"], r => r.End),
            new(text["Projects.TotalBudget"], r => r.TotalBudget),
            new(text["Projects.Aid"], r => r.Aid),
        ];
        return await TableExport.ToFileAsync(format, text["Projects.Title"], "projecten", rows, columns, clock, ct);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() =>
    [
        new("search", Search), new("cluster", ClusterChoice.QueryValue), new("type", Type?.ToString()), new("status", Status?.ToString()), new("theme", Theme?.ToString()),
        new("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("organisation", Organisation?.ToString()),
    ];
}
