namespace Clusterpact.Web.Features.Kpis;

/// <summary>One KPI across the clusters in a year (with the programme value computed the KPI's way), its evolution for the programme, and the catalogue.</summary>
public sealed class IndexModel(KpiService kpis) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kpi { get; set; } = KpiCatalogue.Members;
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public KpiDefinition Definition { get; private set; } = null!;
    public IReadOnlyList<KpiService.ClusterKpiRow> Rows { get; private set; } = [];
    public decimal? Programme { get; private set; }
    public IReadOnlyList<(int Year, decimal? Value)> ProgrammeYears { get; private set; } = [];
    public IReadOnlyList<int> Years => kpis.Years;
    public bool English => Infrastructure.Localization.Cultures.IsEnglish;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        Definition = KpiCatalogue.Find(Kpi ?? "") ?? KpiCatalogue.All[0];
        if (DomainRange.Year(Year, nameof(Year)) is not null) Year = null; // a year outside 2000-2100 reads as none, like one that cannot be read
        Year ??= kpis.Years[^1];
        (Rows, Programme) = await kpis.AcrossClustersAsync(Definition, Year.Value, ct);
        ProgrammeYears = await kpis.ProgrammeAsync(Definition, ct);
    }
}
