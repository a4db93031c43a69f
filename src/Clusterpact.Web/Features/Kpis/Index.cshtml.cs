namespace Clusterpact.Web.Features.Kpis;

/// <summary>
/// One KPI across the clusters in a year (with the programme value computed the KPI's way), its evolution for the
/// programme, and the catalogue. The clusters' rows are searched, sorted and paged: 3,000 at EU size (issue 18).
/// </summary>
public sealed class IndexModel(GetKpiAcrossClusters across, IStringLocalizer<SharedResource> text) : ListPageModel<KpiClusterSort>(KpiClusterSort.Name)
{
    [BindProperty(SupportsGet = true)] public string? Kpi { get; set; } = KpiCatalogue.Members;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }

    public KpiDefinition Definition { get; private set; } = null!;
    public Paged<ClusterKpiRow> Result { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public decimal? Programme { get; private set; }
    public IReadOnlyList<(int Year, decimal? Value)> ProgrammeYears { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int ThisYear { get; private set; }
    public bool English => Infrastructure.Localization.Cultures.IsEnglish;

    /// <summary>A year as the page shows it: the current one says it is counted to date.</summary>
    public string YearLabel(int year) => KpiYears.Label(text, year, ThisYear);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Definition = KpiCatalogue.Find(Kpi ?? "") ?? KpiCatalogue.All[0];
        if (DomainRange.Year(Year, nameof(Year)) is not null) Year = null; // a year outside 2000-2100 reads as none, like one that cannot be read
        var view = await across.HandleAsync(Definition, Year, ct);
        (Year, Years, ThisYear, Programme, ProgrammeYears) = (view.Year, view.Years, view.ThisYear, view.Programme, view.ProgrammeYears);
        Result = new KpiRowQuery(Search, Sort, Desc).Select(view.Rows).ToPage(PageRequest);
    }

    protected override bool StartsDescending(KpiClusterSort column) => column != KpiClusterSort.Name;

    protected override IEnumerable<KeyValuePair<string, string?>> Filters() =>
        [new("kpi", Definition?.Code ?? Kpi), new("year", Year?.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("search", string.IsNullOrWhiteSpace(Search) ? null : Search.Trim())];
}
