namespace Clusterpact.Web.Features.Kpis;

/// <summary>A cluster's KPIs over the years: targets against actuals, as a chart for the chosen KPI and as a table for all; agency staff set targets.</summary>
public sealed class ClusterModel(GetClusterKpis get, SetKpiTarget setTarget, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Kpi { get; set; } = KpiCatalogue.Members;

    public string ClusterName { get; private set; } = "";
    public IReadOnlyDictionary<string, IReadOnlyList<KpiValue>> Values { get; private set; } = new Dictionary<string, IReadOnlyList<KpiValue>>();
    public IReadOnlyList<KpiTarget> Targets { get; private set; } = [];
    public KpiDefinition Definition => KpiCatalogue.Find(Kpi ?? "") ?? KpiCatalogue.All[0];
    public IReadOnlyList<int> Years { get; private set; } = [];
    public int ThisYear { get; private set; }
    public bool CanSetTargets { get; private set; }
    public bool English => Infrastructure.Localization.Cultures.IsEnglish;

    /// <summary>A year as the page shows it: the current one says it is counted to date.</summary>
    public string YearLabel(int year) => KpiYears.Label(text, year, ThisYear);

    [BindProperty] public int? TargetYear { get; set; }
    [BindProperty] public string? Baseline { get; set; }
    [BindProperty] public string? Target { get; set; }
    [BindProperty] public string? Reason { get; set; }

    /// <summary>
    /// The version of each year's target of this KPI as the page showed it ("year:version"), so a target set or changed
    /// meanwhile by someone else is refused rather than overwritten.
    /// </summary>
    [BindProperty] public string[]? Versions { get; set; }

    private long? VersionShownFor(int year) => (Versions ?? []).Select(v => v.Split(':')).Where(p => p.Length == 2 && p[0] == year.ToString(CultureInfo.InvariantCulture))
        .Select(p => long.TryParse(p[1], NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : (long?)null).FirstOrDefault();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTargetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var share = Definition.Unit == KpiUnit.Share ? 0.01m : 1m;
        var target = BelgianFormats.ParseNumber(Target) * share;
        var baseline = BelgianFormats.ParseNumber(Baseline) * share;
        if (target is null) ModelState.AddModelError("Input.Target", text["Validation.Required", text["Kpis.Target"]]);
        if (baseline is null && !string.IsNullOrWhiteSpace(Baseline)) ModelState.AddModelError("Input.Baseline", text["Validation.Amount", text["Kpis.Baseline"]]);
        if (TargetYear is null) ModelState.AddModelError("Input.Year", text["Validation.Required", text["Reports.Year"]]);
        if (!ModelState.IsValid) return Page();
        var outcome = await setTarget.HandleAsync(new SetKpiTargetCommand(id, Definition.Code, TargetYear!.Value, baseline, target!.Value, Reason,
            VersionShownFor(TargetYear.Value)), ct);
        var answer = CommandOutcomePage.Handle(this, outcome, $"/Kpis/Cluster/{id}?kpi={Definition.Code}", text, "Input");
        if (answer is PageResult) await LoadAsync(id, ct);
        return answer;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await get.HandleAsync(id, ct) is not { } view) return false;
        (ClusterName, Values, Targets, Years, ThisYear, CanSetTargets) = (view.Name, view.Values, view.Targets, view.Years, view.ThisYear, view.CanSetTargets);
        return true;
    }
}
