namespace Clusterpact.Web.Features.Projects;

/// <summary>A cluster manager proposes a project for their cluster; agency staff for any cluster.</summary>
public sealed class NewModel(ProposeProject propose, ProjectAccess access, ListProjectClusterChoices clusterChoices, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public ProjectForm Input { get; set; } = new();
    public ProjectFormView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid? cluster, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (cluster is { } c && View.Clusters.Any(x => x.Id == c && x.Own)) Input.ClusterIds = [c];
        else if (View.Clusters.Count(x => x.Own) == 1 && !View.IsAgency) Input.ClusterIds = [View.Clusters.Single(x => x.Own).Id];
        View = View with { Form = Input };
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var details = Input.ToDetails(ModelState, text, "Input");
        if (string.IsNullOrWhiteSpace(Input.LeadEnterpriseNumber)) ModelState.AddModelError("Input.LeadEnterpriseNumber", text["Validation.Required", text["Projects.LeadNumber"]]);
        if (details is null || !ModelState.IsValid) return Page();
        var outcome = await propose.HandleAsync(new ProposeProjectCommand(details, Input.LeadEnterpriseNumber), ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Projects/{outcome.CreatedId}", text, "Input");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        View = new ProjectFormView(Input, await clusterChoices.HandleAsync(ct), await access.IsAgencyAsync());
}
