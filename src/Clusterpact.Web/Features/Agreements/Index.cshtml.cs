namespace Clusterpact.Web.Features.Agreements;

public sealed class IndexModel(GetAgreementOverview overview, GetOverviewPage page, IStringLocalizer<SharedResource> text, TimeProvider clock) : ListPageModel<OverviewSort>(OverviewSort.Name)
{
    [BindProperty(SupportsGet = true)] public ClusterType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public bool Flagged { get; set; }

    public Paged<OverviewRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public DeadlineSummary Deadlines { get; private set; } = null!;
    public int Year => overview.Today.Year;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var shown = await page.HandleAsync(new OverviewQuery(Type, Flagged, Sort, Desc), ct);
        (Result, Deadlines) = (shown.Overview.Rows.ToPage(PageRequest), shown.Deadlines);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        var (rows, _) = await overview.HandleAsync(new OverviewQuery(Type, Flagged, Sort, Desc), ct);
        ExportColumn<OverviewRow>[] columns =
        [
            new(text["Clusters.Name"], r => r.Name),
            new(text["Clusters.Type"], r => text["ClusterType." + r.Type].Value),
            new(text["Clusters.Status"], r => text["ClusterStatus." + r.Status].Value),
            new(text["Overview.AgreementEnd"], r => r.AgreementEnd),
            new(text["Overview.LastAllowedDay"], r => r.LastAllowedDay),
            new(text["Overview.GrantedThisYear", Year], r => r.GrantedThisYear),
            new(text["Overview.PaidThisYear", Year], r => r.PaidThisYear),
            new(text["Overview.Deposit"], r => r.WorstDeposit is null ? null : text["DepositStatus." + r.WorstDeposit].Value),
        ];
        return await TableExport.ToFileAsync(format, text["Overview.Title"], "overzicht-steun", rows, columns, clock, ct);
    }

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() => [new("type", Type?.ToString()), new("flagged", Flagged ? "true" : null)];
}
