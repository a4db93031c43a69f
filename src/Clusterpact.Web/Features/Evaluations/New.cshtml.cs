namespace Clusterpact.Web.Features.Evaluations;

/// <summary>Agency staff (the page's rule in Program.cs) plan an evaluation: kind, scope (a cluster or the programme) and the planned day of each stage.</summary>
public sealed class NewModel(PlanEvaluation plan, Clusters.ListClusterChoices clusterChoices, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Validation.Required"), StringLength(200, ErrorMessage = "Validation.MaxLength"), Display(Name = "Evaluations.TitleField")]
        public string? Title { get; set; }
        public EvaluationKind Kind { get; set; } = EvaluationKind.Interim;
        public EvaluationScope Scope { get; set; } = EvaluationScope.Individual;
        public Guid? ClusterId { get; set; }
        public Dictionary<EvaluationStage, DateOnly?> Planned { get; set; } = [];
    }

    [BindProperty] public InputModel Input { get; set; } = new();
    public IReadOnlyList<(Guid Id, string Name)> ClusterOptions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? cluster, CancellationToken ct)
    {
        await LoadAsync(ct);
        Input.ClusterId = cluster;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        if (!ModelState.IsValid) return Page();
        var planned = Input.Planned.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!.Value);
        var outcome = await plan.HandleAsync(new PlanEvaluationCommand(Input.Title!, Input.Kind, Input.Scope, Input.ClusterId, planned), ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Evaluations/{outcome.CreatedId}", text, "Input");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        ClusterOptions = await clusterChoices.HandleAsync(ct);
}
