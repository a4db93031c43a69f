namespace Clusterpact.Web.Features.Budget;

/// <summary>
/// A scenario's parameters: per cluster whether it continues after its term, its operating aid and earmarked envelope per year,
/// the end of its term and what it receives after it; the programme lines per year. What the user typed stays in the form
/// when something is refused.
/// </summary>
public sealed class EditModel(GetScenario getScenario, UpdateScenario updateScenario, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public ScenarioInput Input { get; set; } = new();
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var saved = await getScenario.HandleAsync(id, ct);
        if (saved is null) return NotFound();
        Id = id;
        Input = ScenarioForm.From(saved);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Id = id;
        var scenario = ScenarioForm.ToScenario(Input, ModelState, text);
        if (scenario is null)
        {
            ScenarioForm.Pad(Input);
            return Page();
        }
        var answer = CommandOutcomePage.Handle(this, await updateScenario.HandleAsync(id, Input.Version, scenario, ct), $"/Budget/{id}", text, "Input");
        if (answer is PageResult) ScenarioForm.Pad(Input);
        return answer;
    }
}
