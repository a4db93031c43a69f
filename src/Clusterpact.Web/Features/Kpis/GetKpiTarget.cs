namespace Clusterpact.Web.Features.Kpis;

/// <summary>A cluster's target for one KPI and year; null when there is none or the cluster is not the caller's.</summary>
public sealed class GetKpiTarget(ClusterpactDbContext db, ClusterAccess access) : IUseCase
{
    public async Task<KpiTarget?> HandleAsync(Guid clusterId, string code, int year, CancellationToken ct) =>
        await access.CanSeeAsync(clusterId, ct)
            ? await db.KpiTargets.AsNoTracking().SingleOrDefaultAsync(t => t.ClusterId == clusterId && t.KpiCode == code && t.Year == year, ct)
            : null;
}
