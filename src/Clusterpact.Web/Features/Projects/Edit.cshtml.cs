namespace Clusterpact.Web.Features.Projects;

/// <summary>Revises a proposal (its cluster's manager or the agency) or corrects a decided project (the agency, funding fixed).</summary>
public sealed class EditModel(GetProject get, ReviseProject revise, ListProjectClusterChoices clusterChoices, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public ProjectForm Input { get; set; } = new();
    public ProjectFormView View { get; private set; } = null!;
    public ProjectView Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        Input = ProjectForm.From(Project.Project);
        View = new ProjectFormView(Input, await clusterChoices.HandleAsync(Input, null, text, ct), Project.IsAgency);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (await LoadAsync(id, ct) is { } refusal) return refusal;
        View = new ProjectFormView(Input, await clusterChoices.HandleAsync(Input, ModelState, text, ct), Project.IsAgency);
        var details = Input.ToDetails(ModelState, text, "Input");
        if (details is null || !ModelState.IsValid) return Page();
        var outcome = await revise.HandleAsync(new ReviseProjectCommand(id, Input.Version, details), ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Projects/{id}", text, "Input");
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken ct)
    {
        var project = await get.HandleAsync(id, ct);
        if (project is null) return NotFound();
        if (!project.CanEdit || !project.Project.CanBeRevised(project.IsAgency)) return Forbid();
        Project = project;
        return null;
    }
}
