namespace Clusterpact.Web.Features.Reports;

/// <summary>The annual reports of a working year: status and deadline per cluster, searched, sorted and paged; a cluster starts its own report here.</summary>
public sealed class IndexModel(ListReports list, StartReport start, IStringLocalizer<SharedResource> text, TimeProvider clock) : ListPageModel<ReportSort>(ReportSort.Cluster)
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public ReportStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    public Paged<ReportRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);

    public async Task OnGetAsync(CancellationToken ct)
    {
        // Bad query values (an unknown status, a page of -3) are ignored by binding; the list still shows.
        ModelState.Clear();
        if (DomainRange.Year(Year, nameof(Year)) is not null) Year = null; // a year outside 2000-2100 reads as none, like one that cannot be read
        Year ??= clock.TodayInBrussels().Year - 1;
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostStartAsync(Guid clusterId, int year, CancellationToken ct)
    {
        var outcome = await start.HandleAsync(new StartReportCommand(clusterId, year), ct);
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Reports/{outcome.CreatedId}", text, "Input");
        if (answer is PageResult) { (Year, Status, Search) = (year, null, null); await LoadAsync(ct); }
        return answer;
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Result = await list.HandleAsync(new ReportListQuery(Year!.Value, Status, Search, Sort, Desc), PageRequest, ct);

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("year", Year?.ToString(CultureInfo.InvariantCulture)), new("status", Status?.ToString()), new("search", string.IsNullOrWhiteSpace(Search) ? null : Search.Trim())];
}
