namespace Clusterpact.Web.Features.Kpis;

/// <summary>A cluster's KPIs over the years: every KPI of the catalogue, one value per year.</summary>
public sealed record ClusterKpis(Guid ClusterId, string Name, ClusterType Type, IReadOnlyDictionary<string, IReadOnlyList<KpiValue>> Values);

/// <summary>Every KPI of the clusters the caller sees and of the programme over the complete years on a day, and the pending reports.</summary>
public sealed record KpisAsOf(IReadOnlyList<int> Years, IReadOnlyList<ClusterKpis> Clusters, IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>> Programme,
    IReadOnlyList<PendingReport> Pending);

/// <summary>
/// Every KPI of every cluster the caller sees, and of the programme, for the years from 2017 to the last complete year
/// on a day, counting only what was known at the end of that day (Brussels time): what the answer pack shows.
/// </summary>
public sealed class GetKpisAsOf(ClusterAccess access, KpiValues kpis, GetProgrammeKpisAsOf programmeAsOf) : IUseCase
{
    public async Task<KpisAsOf> HandleAsync(DateOnly on, CancellationToken ct)
    {
        var at = Format.EndOfDay(on);
        var (years, programme, pending) = await programmeAsOf.HandleAsync(on, ct);
        // Targets and reports of the years shown and the clusters the caller sees, not the whole tables.
        var s = await kpis.SourcesAsync(years, null, access.VisibleClusters().Select(c => c.Id), null, null, at, on, ct);
        var clusters = await access.VisibleClusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.Type }).ToListAsync(ct);
        var rows = clusters.Select(c => new ClusterKpis(c.Id, c.Name, c.Type, KpiValues.AllOf(c.Id, years, s))).ToList();
        return new KpisAsOf(years, rows, programme, pending);
    }
}
