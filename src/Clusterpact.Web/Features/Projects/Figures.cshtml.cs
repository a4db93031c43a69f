namespace Clusterpact.Web.Features.Projects;

/// <summary>
/// The project KPIs per cluster, per theme and per year: projects, those with at least 3 companies, SMEs involved,
/// funding mobilised (earmarked and additional) and reported results. The programme row counts an intercluster project once.
/// </summary>
public sealed class FiguresModel(GetProjectFacts projectFacts, Scope scope, Clusters.ChooseCluster chooseCluster, Permissions permissions, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    /// <summary>The cluster field as sent: an id (links) or a name as typed; empty for the programme.</summary>
    [BindProperty(SupportsGet = true, Name = "cluster")] public string? ClusterText { get; set; }

    /// <summary>The cluster the figures are for; null for the programme.</summary>
    public Guid? Cluster => Choice.Chosen?.Id;
    public Clusters.ClusterChoice Choice { get; private set; } = Clusters.ClusterChoice.None;
    public Clusters.ClusterChoiceField ClusterField => new("cluster", "cluster", Choice, CanSeeProgramme ? "Figures.Programme" : null, "Figures.ClusterHelp");

    public sealed record Row(Guid? ClusterId, string Name, ProjectTotals Totals);

    public IReadOnlyList<Row> ByCluster { get; private set; } = [];
    public IReadOnlyList<(StrategicTheme Theme, ProjectTotals Totals)> ByTheme { get; private set; } = [];
    public IReadOnlyList<(int Year, ProjectTotals Totals)> ByYear { get; private set; } = [];
    public IReadOnlyList<(Guid Id, string Name)> ClusterOptions { get; private set; } = [];
    public string? ScopeName { get; private set; }
    public bool CanSeeProgramme { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        CanSeeProgramme = await permissions.HasAsync(Policies.ProgrammeView);
        var clusters = await scope.Clusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        ClusterOptions = clusters.Select(c => (c.Id, c.Name)).ToList();
        Choice = await chooseCluster.HandleAsync(ClusterText, ct);
        // A manager, who sees no programme, sees their first cluster when the field names none of theirs.
        if (!CanSeeProgramme && Choice.Chosen is null && ClusterOptions.Count > 0) Choice = Choice with { Chosen = new(ClusterOptions[0].Id, ClusterOptions[0].Name) };
        ScopeName = Choice.Chosen?.Name;

        var facts = await projectFacts.HandleAsync(ct);
        var years = facts.Where(f => f.Counts).Select(f => f.Start.Year).Distinct().Order().ToList();
        if (DomainRange.Year(Year, nameof(Year)) is not null) Year = null; // a year outside 2000-2100 reads as none, like one that cannot be read
        Year ??= years.Count == 0 ? clock.TodayInBrussels().Year : years.Contains(clock.TodayInBrussels().Year) ? clock.TodayInBrussels().Year : years[^1];

        var withProjects = facts.SelectMany(f => f.ClusterIds).ToHashSet();
        var rows = ClusterOptions.Where(c => withProjects.Contains(c.Id))
            .Select(c => new Row(c.Id, c.Name, ProjectFigures.Totals(facts, Year, c.Id))).Where(r => r.Totals.Projects > 0).ToList();
        if (CanSeeProgramme) rows.Add(new Row(null, "", ProjectFigures.Totals(facts, Year)));
        ByCluster = rows;
        ByTheme = Enum.GetValues<StrategicTheme>().Select(t => (t, ProjectFigures.Totals(facts, Year, Cluster, t))).Where(x => x.Item2.Projects > 0).ToList();
        ByYear = years.Select(y => (y, ProjectFigures.Totals(facts, y, Cluster))).ToList();
    }
}
