namespace Clusterpact.Web.Features.Organisations;

/// <summary>Member figures per cluster on a date and their evolution over the years, as a table and a chart.</summary>
public sealed class FiguresModel(GetMemberFigures figures, Infrastructure.Auth.Scope records, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public DateOnly? Date { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Cluster { get; set; }

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
        if (Cluster is { } chosen && ClusterOptions.All(c => c.Id != chosen)) return NotFound();
        var scope = Cluster ?? (CanSeeProgramme ? null : ClusterOptions.FirstOrDefault().Id);
        ScopeName = scope is { } id ? ClusterOptions.First(c => c.Id == id).Name : "";
        Rows = await figures.PerClusterAsync(On, ct);
        Years = scope is null && !CanSeeProgramme ? [] : await figures.ByYearAsync(scope, today, ct);
        return Page();
    }
}
