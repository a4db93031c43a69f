namespace Clusterpact.Web.Features.Evaluations;

/// <summary>Agency staff (the page's rule in Program.cs) plan an evaluation: kind, scope (a cluster or the programme) and the planned day of each stage.</summary>
public sealed class NewModel(PlanEvaluation plan, Clusters.ChooseCluster chooseCluster, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Evaluations.TitleField")]
        public string? Title { get; set; }
        public EvaluationKind Kind { get; set; } = EvaluationKind.Interim;
        public EvaluationScope Scope { get; set; } = EvaluationScope.Individual;
        /// <summary>The cluster as typed (its name, or a part only it has) or its id (a link from the cluster's page); empty for the programme.</summary>
        [StringLength(300, ErrorMessage = "Validation.MaxLength")]
        public string? ClusterId { get; set; }
        public Dictionary<EvaluationStage, DateOnly?> Planned { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    /// <summary>The cluster field: what it chose, or the text that chose none, kept as typed.</summary>
    public Clusters.ClusterChoice Cluster { get; private set; } = Clusters.ClusterChoice.None;
    public Clusters.ClusterChoiceField ClusterField => Clusters.ClusterChoiceField.Form("Input.ClusterId", Cluster, "Evaluations.NoCluster", "Evaluations.ClusterHelp");

    public async Task<IActionResult> OnGetAsync(Guid? cluster, CancellationToken ct)
    {
        Input.ClusterId = cluster?.ToString();
        Cluster = await chooseCluster.HandleAsync(Input.ClusterId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Cluster = await chooseCluster.HandleAsync(Input.ClusterId, ct);
        if (!Cluster.Check(ModelState, "Input.ClusterId", required: false, text) || !ModelState.IsValid) return Page();
        var planned = Input.Planned.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.Value);
        var outcome = await plan.HandleAsync(new PlanEvaluationCommand(Input.Title!, Input.Kind, Input.Scope, Cluster.Chosen?.Id, planned), ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Evaluations/{outcome.CreatedId}", text, "Input");
    }
}
