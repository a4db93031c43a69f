namespace Clusterpact.Web.Features.Clusters;

public sealed class DetailsModel(GetClusterDetails details, Agreements.GetClusterAgreements agreements, Projects.ListProjects projects,
    Microsoft.Extensions.Localization.IStringLocalizer<Resources.SharedResource> text) : ListPageModel
{
    public ClusterDetails Cluster { get; private set; } = null!;
    public Agreements.ClusterAgreements Agreements { get; private set; } = null!;
    public Projects.ProjectListBlock Projects { get; private set; } = null!;

    protected override int DefaultPageSize => GetClusterDetails.MemberPageSize;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await details.HandleAsync(id, PageRequest, ct);
        if (c is null) return NotFound();
        Cluster = c;
        Agreements = (await agreements.HandleAsync(id, ct))!;
        var list = await projects.HandleAsync(new Projects.ProjectListQuery(null, id, null, null, null, null, null), new PageRequest(Size: 8), ct);
        Projects = new Projects.ProjectListBlock(text["Projects.OfCluster"], list, $"/Projects?cluster={id}", c.CanEdit ? $"/Projects/New?cluster={id}" : null);
        return Page();
    }
}
