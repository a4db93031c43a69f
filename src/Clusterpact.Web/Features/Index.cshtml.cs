namespace Clusterpact.Web.Features;

public sealed record ClusterTypeCount(ClusterType Type, int Total, int Supported);

/// <summary>The home page: what Clusterpact is for everyone; for a signed-in person, the clusters in their view.</summary>
public sealed class IndexModel(Scope scope, Permissions permissions, CurrentUser user, ClusterpactDbContext db, TimeProvider clock) : PageModel
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
        var visible = scope.Clusters().AsNoTracking();
        ByType = await visible.GroupBy(c => c.Type)
            .Select(g => new ClusterTypeCount(g.Key, g.Count(), g.Count(c => c.Status == ClusterStatus.Supported)))
            .ToListAsync(ct);
        ByType = ByType.OrderBy(t => t.Type).ToList();
        var today = clock.TodayInBrussels();
        // An organisation in two clusters counts once.
        ActiveMembers = await db.Memberships.Where(m => visible.Any(c => c.Id == m.ClusterId) && m.From <= today && (m.Until == null || m.Until >= today))
            .Select(m => m.OrganisationId).Distinct().CountAsync(ct);
        // Who does not see the whole programme sees the clusters of their own scope listed by name.
        if (!await permissions.HasAsync(Policies.ProgrammeView))
        {
            MyClusters = (await visible.OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        }
    }
}
