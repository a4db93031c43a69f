namespace Clusterpact.Web.Features.Projects;

/// <summary>
/// The project KPIs per cluster, per theme and per year: projects, those with at least 3 companies, SMEs involved,
/// funding mobilised (earmarked and additional) and reported results. The programme row counts an intercluster project once.
/// </summary>
public sealed class FiguresModel(GetProjectFacts projectFacts, Scope scope, Permissions permissions, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Cluster { get; set; }

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
        if (!CanSeeProgramme && Cluster is null && ClusterOptions.Count > 0) Cluster = ClusterOptions[0].Id;
        if (Cluster is { } chosen && ClusterOptions.All(c => c.Id != chosen)) Cluster = ClusterOptions.Count > 0 && !CanSeeProgramme ? ClusterOptions[0].Id : null;
        ScopeName = Cluster is { } sid ? ClusterOptions.First(c => c.Id == sid).Name : null;

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
