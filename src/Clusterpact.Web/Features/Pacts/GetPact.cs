using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Pacts;

/// <summary>A cluster's pact as its page and the API read it, with what the caller may do on it.</summary>
public sealed record PactView(string ClusterName, bool IsSpearhead, ClusterPact? Pact, bool CanEdit, bool CanAdopt);

/// <summary>Everybody who sees the cluster reads every version of its pact; null when the caller does not see the cluster.</summary>
public sealed class GetPact(ClusterpactDbContext db, ClusterAccess access, Permissions permissions) : IUseCase
{
    public async Task<PactView?> HandleAsync(Guid clusterId, CancellationToken ct)
    {
        var cluster = await access.VisibleClusters().AsNoTracking().Where(c => c.Id == clusterId).Select(c => new { c.Name, c.Type }).SingleOrDefaultAsync(ct);
        if (cluster is null) return null;
        var pact = await db.ClusterPacts.AsNoTracking().SingleOrDefaultAsync(p => p.ClusterId == clusterId, ct);
        return new PactView(cluster.Name, cluster.Type == Domain.Clusters.ClusterType.SpearheadCluster, pact, await access.CanEditAsync(clusterId, ct),
            await permissions.HasAsync(Policies.AgencyStaff));
    }
}
