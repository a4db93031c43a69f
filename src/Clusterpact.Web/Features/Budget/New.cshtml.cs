namespace Clusterpact.Web.Features.Budget;

/// <summary>Starts a scenario from one of the green paper's four, with its default parameters for the clusters funded today.</summary>
public sealed class NewModel(CreateScenario createScenario, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    /// <summary>The default period: the four years after this one (the green paper is about what follows the terms ending in 2026).</summary>
    public const int DefaultYears = 4;

    public sealed class InputModel
    {
        public GreenPaperScenario? Basis { get; set; }
        public string? Name { get; set; }
        public int? FirstYear { get; set; }
        public int? LastYear { get; set; }
    }

    [BindProperty] public InputModel Input { get; set; } = new();

    public void OnGet()
    {
        var next = clock.TodayInBrussels().Year + 1;
        Input = new InputModel { FirstYear = next, LastYear = next + DefaultYears - 1 };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Input.Basis is not { } basis || !Enum.IsDefined(basis)) ModelState.AddModelError("Input.Basis", text["Validation.Required", text["Budget.Basis"]]);
        if (Input.FirstYear is null) ModelState.TryAddModelError("Input.FirstYear", text["Validation.Required", text["Budget.FirstYear"]]);
        if (Input.LastYear is null) ModelState.TryAddModelError("Input.LastYear", text["Validation.Required", text["Budget.LastYear"]]);
        if (!ModelState.IsValid) return Page();
        var name = string.IsNullOrWhiteSpace(Input.Name) ? text["GreenPaperScenario." + Input.Basis].Value : Input.Name;
        var outcome = await createScenario.HandleAsync(new CreateScenarioCommand(Input.Basis!.Value, Input.FirstYear!.Value, Input.LastYear!.Value, name,
            kind => text["ProgrammeLineKind." + kind].Value), ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Budget/{outcome.CreatedId}", text, "Input");
    }
}
