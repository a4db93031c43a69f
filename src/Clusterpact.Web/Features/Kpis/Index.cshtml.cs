namespace Clusterpact.Web.Features.Kpis;

/// <summary>One KPI across the clusters in a year (with the programme value computed the KPI's way), its evolution for the programme, and the catalogue.</summary>
public sealed class IndexModel(GetKpiAcrossClusters across, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kpi { get; set; } = KpiCatalogue.Members;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public KpiDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<ClusterKpiRow> Rows { get; private set; } = [];
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
        (Year, Years, ThisYear, Rows, Programme, ProgrammeYears) = (view.Year, view.Years, view.ThisYear, view.Rows, view.Programme, view.ProgrammeYears);
    }
}
