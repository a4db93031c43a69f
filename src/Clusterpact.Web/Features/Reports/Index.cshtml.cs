namespace Clusterpact.Web.Features.Reports;

/// <summary>The annual reports of a working year: status and deadline per cluster; a cluster starts its own report here.</summary>
public sealed class IndexModel(ListReports list, StartReport start, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public ReportStatus? Status { get; set; }

    public IReadOnlyList<ReportRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (DomainRange.Year(Year, nameof(Year)) is not null) Year = null; // a year outside 2000-2100 reads as none, like one that cannot be read
        Year ??= clock.TodayInBrussels().Year - 1;
        Rows = await list.HandleAsync(Year.Value, Status, ct);
    }

    public async Task<IActionResult> OnPostStartAsync(Guid clusterId, int year, CancellationToken ct)
    {
        var outcome = await start.HandleAsync(new StartReportCommand(clusterId, year), ct);
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Reports/{outcome.CreatedId}", text, "Input");
        if (answer is PageResult) { Year = year; Rows = await list.HandleAsync(year, null, ct); }
        return answer;
    }
}
