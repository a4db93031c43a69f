namespace Clusterpact.Web.Features;

/// <summary>The home page: what Clusterpact is for everyone; for a signed-in person, the clusters in their view.</summary>
public sealed class IndexModel(GetHomeOverview overview, Permissions permissions, CurrentUser user) : PageModel
{
    public IReadOnlyList<ClusterTypeCount> ByType { get; private set; } = [];
    public int ActiveMembers { get; private set; }
    public IReadOnlyList<(Guid Id, string Name)> MyClusters { get; private set; } = [];
    public bool MayApply { get; private set; }
    public bool MayReview { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!user.IsAuthenticated) return;
        MayApply = await permissions.HasAsync(Policies.Applying);
        MayReview = await permissions.HasAsync(Policies.Reviewing);
        (ByType, ActiveMembers, MyClusters) = await overview.HandleAsync(ct);
    }
}
