namespace Clusterpact.Web.Features.Organisations;

/// <summary>Member figures per cluster on a date and their evolution over the years, as a table and a chart.</summary>
public sealed class FiguresModel(GetMemberFigures figures, Infrastructure.Auth.Scope records, Clusters.ChooseCluster chooseCluster, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    /// <summary>The cluster field as sent: an id (links) or a name as typed; empty for the programme.</summary>
    [BindProperty(SupportsGet = true)] public string? Cluster { get; set; }

    public Clusters.ClusterChoice Choice { get; private set; } = Clusters.ClusterChoice.None;
    public Clusters.ClusterChoiceField ClusterField => new("cluster", "cluster", Choice, CanSeeProgramme ? "Figures.Programme" : null, "Figures.ClusterHelp");

    public DateOnly On { get; private set; }
    public IReadOnlyList<ClusterFigures> Rows { get; private set; } = [];
    public IReadOnlyList<YearFigures> Years { get; private set; } = [];
    public string ScopeName { get; private set; } = "";
    public IReadOnlyList<(Guid Id, string Name)> ClusterOptions { get; private set; } = [];
    public bool CanSeeProgramme { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        CanSeeProgramme = await figures.CanSeeProgrammeAsync();
        var today = clock.TodayInBrussels();
        // A day outside 2000-2100 (DomainRange) has no members; it falls back to today, as a day that cannot be read does.
        On = Date is { } day && DomainRange.Date(day, nameof(Date)) is null ? day : today;
        ClusterOptions = (await records.Clusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name)).ToList();
        // Without a cluster chosen, the chart shows the programme, or a manager's only cluster.
        Choice = await chooseCluster.HandleAsync(Cluster, ct);
        // An id (a link) of a cluster the caller does not see is not found; a name that chooses none says so.
        if (Choice.Unmatched && Guid.TryParse(Choice.Typed, out _)) return NotFound();
        if (!CanSeeProgramme && Choice.Chosen is null && ClusterOptions.Count > 0) Choice = Choice with { Chosen = new(ClusterOptions[0].Id, ClusterOptions[0].Name) };
        var scope = Choice.Chosen?.Id;
        ScopeName = Choice.Chosen?.Name ?? "";
        Rows = await figures.PerClusterAsync(On, ct);
        Years = scope is null && !CanSeeProgramme ? [] : await figures.ByYearAsync(scope, today, ct);
        return Page();
    }
}
