namespace Clusterpact.Web.Features.Evaluations;

/// <summary>Every evaluation at a glance: its stage, the day each stage was (or is to be) reached, late ones flagged.</summary>
public sealed class IndexModel(ListEvaluations list, Clusters.ChooseCluster chooseCluster, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public EvaluationKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public EvaluationStage? Stage { get; set; }
    [BindProperty(SupportsGet = true)] public string? Cluster { get; set; }
    [BindProperty(SupportsGet = true)] public bool Late { get; set; }

    public IReadOnlyList<EvaluationRow> Rows { get; private set; } = [];
    public Clusters.ClusterChoice ClusterChoice { get; private set; } = Clusters.ClusterChoice.None;
    public bool CanManage { get; private set; }
    public DateOnly Today => clock.TodayInBrussels();

    private EvaluationListQuery Query() => new(Search, Kind, Stage, ClusterChoice.FilterId, Late);

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        ClusterChoice = await chooseCluster.HandleAsync(Cluster, ct);
        (Rows, CanManage) = await list.HandleAsync(Query(), ct);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken ct)
    {
        ModelState.Clear();
        ClusterChoice = await chooseCluster.HandleAsync(Cluster, ct);
        var rows = (await list.HandleAsync(Query(), ct)).Rows;
        var columns = new List<ExportColumn<EvaluationRow>>
        {
            new(text["Evaluations.TitleField"], r => r.Title),
            new(text["Evaluations.Kind"], r => text["EvaluationKind." + r.Kind].Value),
            new(text["Members.Cluster"], r => r.ClusterName ?? text["EvaluationScope.Systemic"].Value),
            new(text["Evaluations.Stage"], r => text[EvaluationLifecycle.Rules.StateKey(r.Stage)].Value),
        };
        foreach (var s in Enum.GetValues<EvaluationStage>())
            columns.Add(new(text[EvaluationLifecycle.Rules.StateKey(s)], r => r.Stages.FirstOrDefault(x => x.Stage == s) is { } d ? d.Reached ?? d.Planned : null));
        columns.Add(new(text["Evaluations.Outcome"], r => r.Outcome is null ? null : text["EvaluationOutcome." + r.Outcome].Value));
        return await TableExport.ToFileAsync(format, text["Evaluations.Title"], "evaluaties", rows, columns, clock, ct);
    }
}
