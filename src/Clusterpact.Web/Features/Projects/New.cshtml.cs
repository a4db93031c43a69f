namespace Clusterpact.Web.Features.Projects;

/// <summary>A cluster manager proposes a project for their cluster; agency staff for any cluster.</summary>
public sealed class NewModel(ProposeProject propose, ProjectAccess access, ListProjectClusterChoices clusterChoices, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public ProjectForm Input { get; set; } = new();
    public ProjectFormView View { get; private set; } = null!;

    public async Task OnGetAsync(Guid? cluster, CancellationToken ct)
    {
        var agency = await access.IsAgencyAsync();
        if (cluster is { } c && await access.CanActForAsync([c])) Input.ClusterIds = [c];
        else if (!agency && await clusterChoices.OnlyOwnAsync(ct) is { } only) Input.ClusterIds = [only];
        View = new ProjectFormView(Input, await clusterChoices.HandleAsync(Input, null, text, ct), agency);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        View = new ProjectFormView(Input, await clusterChoices.HandleAsync(Input, ModelState, text, ct), await access.IsAgencyAsync());
        var details = Input.ToDetails(ModelState, text, "Input");
        if (string.IsNullOrWhiteSpace(Input.LeadEnterpriseNumber)) ModelState.AddModelError("Input.LeadEnterpriseNumber", text["Validation.Required", text["Projects.LeadNumber"]]);
        if (details is null || !ModelState.IsValid) return Page();
        var outcome = await propose.HandleAsync(new ProposeProjectCommand(details, Input.LeadEnterpriseNumber), ct);
        return CommandOutcomePage.Handle(this, outcome, $"/Projects/{outcome.CreatedId}", text, "Input");
    }
}
