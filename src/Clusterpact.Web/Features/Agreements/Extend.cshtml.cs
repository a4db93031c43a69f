namespace Clusterpact.Web.Features.Agreements;

/// <summary>
/// Extends an agreement on a decided interim evaluation of the cluster, chosen from the ones on record (staff only: the
/// folder rule decides who may open it, the use case refuses anyone else). What the form shows comes from one handler
/// (<see cref="GetAgreementExtension"/>).
/// </summary>
public sealed class ExtendModel(GetAgreementExtension getExtension, ExtendAgreement extendAgreement, IStringLocalizer<SharedResource> text) : PageModel
{
    public sealed class InputModel
    {
        public long Version { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Agreements.NewEnd")]
        public DateOnly? End { get; set; }

        [Required(ErrorMessage = "Validation.Required"), Display(Name = "Agreements.Evaluation")]
        public Guid? EvaluationId { get; set; }

        [Required(ErrorMessage = "Validation.Required"), StringLength(100, ErrorMessage = "Validation.MaxLength"), Display(Name = "Agreements.Decision")]
        public string? DecisionReference { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    /// <summary>The cluster, its agreements, the one extended and the cluster's decided interim evaluations (latest first): the extension rests on one of them.</summary>
    public AgreementExtension View { get; private set; } = null!;

    public ClusterAgreements Agreements => View.Agreements;
    public AgreementView Agreement => View.Agreement;
    public IReadOnlyList<DecidedInterim> Evaluations => View.Evaluations;

    /// <summary>Loads what the form shows; null when it is there, else the answer (404).</summary>
    private async Task<IActionResult?> LoadAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        if (await getExtension.HandleAsync(id, agreementId, ct) is not { } view) return NotFound();
        View = view;
        return null;
    }

    public async Task<IActionResult> OnGetAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        if (await LoadAsync(id, agreementId, ct) is { } problem) return problem;
        Input.Version = Agreement.Version;
        Input.EvaluationId = Evaluations.FirstOrDefault()?.Id;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid agreementId, CancellationToken ct)
    {
        if (await LoadAsync(id, agreementId, ct) is { } problem) return problem;
        if (!ModelState.IsValid) return Page();
        var outcome = await extendAgreement.HandleAsync(new ExtendAgreementCommand(id, agreementId, Input.Version, Input.End!.Value, Input.EvaluationId!.Value, Input.DecisionReference!), ct);
        if (outcome is { Status: CommandStatus.Invalid, ErrorCode: "Agreement.ExceedsTenYearLimit" } && Agreements.LastAllowedDay is { } last)
        {
            // Say which day is the last one allowed, next to the rule.
            ModelState.AddModelError("Input.End", text["Agreement.ExceedsTenYearLimitOn", Infrastructure.Formatting.Format.Date(last)]);
            return Page();
        }
        return CommandOutcomePage.Handle(this, outcome, $"/Clusters/{id}", text, "Input");
    }
}
