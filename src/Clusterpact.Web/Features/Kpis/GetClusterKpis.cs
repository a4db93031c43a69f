namespace Clusterpact.Web.Features.Kpis;

/// <summary>
/// A cluster's KPI page: every KPI over the years (the current one to date), its targets with their history, and
/// whether the caller may set targets.
/// </summary>
public sealed record ClusterKpisView(Guid ClusterId, string Name, IReadOnlyList<int> Years, int ThisYear,
    IReadOnlyDictionary<string, IReadOnlyList<KpiValue>> Values, IReadOnlyList<KpiTarget> Targets, bool CanSetTargets);

/// <summary>
/// Every KPI of one cluster from 2017 to the current year (counted up to today), with the targets set in the pact; the
/// cluster's page and <c>/api/v1/clusters/{id}/kpis/{year}</c> read it here. Null when the caller may not see the cluster.
/// </summary>
public sealed class GetClusterKpis(ClusterpactDbContext db, ClusterAccess access, KpiValues kpis, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<ClusterKpisView?> HandleAsync(Guid clusterId, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(clusterId, ct)) return null;
        var today = clock.TodayInBrussels();
        var years = KpiYears.Through(today);
        var s = await kpis.SourcesAsync(years, clusterId, null, null, null, null, today, ct);
        var name = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Name).SingleAsync(ct);
        var targets = await db.KpiTargets.AsNoTracking().Where(t => t.ClusterId == clusterId).OrderBy(t => t.KpiCode).ThenBy(t => t.Year).ToListAsync(ct);
        return new ClusterKpisView(clusterId, name, years, today.Year, KpiValues.AllOf(clusterId, years, s), targets, await permissions.HasAsync(Policies.AgencyStaff));
    }
}
