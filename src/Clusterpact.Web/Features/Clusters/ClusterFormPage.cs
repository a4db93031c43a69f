namespace Clusterpact.Web.Features.Clusters;

/// <summary>
/// A form on one cluster: the page is headed with the cluster's name, answers 404 for a cluster the user may not see,
/// and a valid post runs its command and returns to the cluster (or shows the refusal next to its field).
/// </summary>
public abstract class ClusterFormPage(GetClusterDetails details, IStringLocalizer<SharedResource> text) : PageModel
{
    public Guid ClusterId { get; private set; }
    public string ClusterName { get; private set; } = "";

    /// <summary>The cluster, with the page's heading set from it; null when there is none the user may see.</summary>
    protected async Task<ClusterDetails?> LoadClusterAsync(Guid id, CancellationToken ct)
    {
        var c = await details.HandleAsync(id, 1, ct);
        if (c is not null) (ClusterId, ClusterName) = (c.Id, c.Name);
        return c;
    }

    /// <summary>404 for an unknown cluster, the form again while it is not valid, otherwise what <paramref name="save"/> answers.</summary>
    protected async Task<IActionResult> SaveAsync(Guid id, Func<Task<CommandOutcome>> save, CancellationToken ct)
    {
        if (await LoadClusterAsync(id, ct) is null) return NotFound();
        if (!ModelState.IsValid) return Page();
        return Answer(id, await save());
    }

    /// <summary>A command's outcome as the page's answer: back to the cluster on success, the refusal next to its field otherwise.</summary>
    protected IActionResult Answer(Guid id, CommandOutcome outcome) => CommandOutcomePage.Handle(this, outcome, $"/Clusters/{id}", text, "Input");
}
