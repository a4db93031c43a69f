namespace Clusterpact.Web.Features;

public sealed record ClusterTypeCount(ClusterType Type, int Total, int Supported);

/// <param name="MyClusters">The clusters of the person's own scope by name; empty for who sees the whole programme.</param>
public sealed record HomeOverview(IReadOnlyList<ClusterTypeCount> ByType, int ActiveMembers, IReadOnlyList<(Guid Id, string Name)> MyClusters);

/// <summary>What the home page tells a signed-in person: the clusters in their view by type, and their members today (each organisation once).</summary>
public sealed class GetHomeOverview(Scope scope, Permissions permissions, ClusterpactDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<HomeOverview> HandleAsync(CancellationToken ct)
    {
        var visible = scope.Clusters().AsNoTracking();
        var byType = (await visible.GroupBy(c => c.Type)
            .Select(g => new ClusterTypeCount(g.Key, g.Count(), g.Count(c => c.Status == ClusterStatus.Supported)))
            .ToListAsync(ct)).OrderBy(t => t.Type).ToList();
        var today = clock.TodayInBrussels();
        // An organisation in two clusters counts once.
        var activeMembers = await db.Memberships.Where(m => visible.Any(c => c.Id == m.ClusterId) && m.From <= today && (m.Until == null || m.Until >= today))
            .Select(m => m.OrganisationId).Distinct().CountAsync(ct);
        // Who does not see the whole programme sees the clusters of their own scope listed by name.
        var mine = await permissions.HasAsync(Policies.ProgrammeView) ? []
            : (await visible.OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct)).Select(c => (c.Id, c.Name)).ToList();
        return new HomeOverview(byType, activeMembers, mine);
    }
}
