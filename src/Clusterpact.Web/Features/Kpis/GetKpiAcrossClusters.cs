using Clusterpact.Web.Infrastructure.ReadModels;

namespace Clusterpact.Web.Features.Kpis;

public sealed record ClusterKpiRow(Guid ClusterId, string Name, KpiValue Value)
{
    public bool? MetTarget(KpiDefinition kpi) => Domain.Reporting.TargetCheck.Met(kpi, Value.Actual, Value.Target);
}

public enum KpiClusterSort { Name, Actual, Target }

/// <summary>The per-cluster rows the KPI page shows: searched in the cluster's name and sorted (a value missing goes last either way).</summary>
public sealed record KpiRowQuery(string? Search = null, KpiClusterSort Sort = KpiClusterSort.Name, bool Desc = false)
{
    public IReadOnlyList<ClusterKpiRow> Select(IReadOnlyList<ClusterKpiRow> rows)
    {
        var search = Search?.Trim();
        if (string.IsNullOrEmpty(search) && Sort == KpiClusterSort.Name && !Desc) return rows; // kept in name order
        var found = rows.Where(r => string.IsNullOrEmpty(search) || r.Name.Contains(search, StringComparison.OrdinalIgnoreCase));
        Func<ClusterKpiRow, decimal?> value = Sort == KpiClusterSort.Target ? r => r.Value.Target : r => r.Value.Actual;
        var ordered = Sort == KpiClusterSort.Name
            ? Desc ? found.OrderByDescending(r => r.Name, StringComparer.Ordinal) : found.OrderBy(r => r.Name, StringComparer.Ordinal)
            : Desc ? found.OrderBy(r => value(r) is null).ThenByDescending(value) : found.OrderBy(r => value(r) is null).ThenBy(value);
        // Cluster names are unique: the name settles ties, so a page boundary never moves between requests.
        return ordered.ThenBy(r => r.Name, StringComparer.Ordinal).ToList();
    }
}

/// <summary>The KPI page: one KPI in one year across the clusters with the programme value, and the programme's value over the years.</summary>
public sealed record KpiAcrossClusters(KpiDefinition Kpi, int Year, IReadOnlyList<int> Years, int ThisYear, IReadOnlyList<ClusterKpiRow> Rows, decimal? Programme,
    IReadOnlyList<(int Year, decimal? Value)> ProgrammeYears);

/// <summary>
/// One KPI in one year (the last complete year unless chosen) across the clusters the caller sees, and the programme
/// value: computed over the programme for a computed KPI (each organisation and project once), or combined by the KPI's
/// rule over the values that count (accepted reports, closed surveys) for a reported one; with the programme's value from
/// 2017 to the current year, counted up to today.
/// </summary>
public sealed class GetKpiAcrossClusters(ClusterAccess access, KpiValues kpis, TimeProvider clock, CurrentUser user, ReadModelStore readModels) : IUseCase
{
    /// <summary>The data areas the KPI view reads (ReadModelTests checks them against its SQL).</summary>
    public static readonly IReadOnlyList<ReadModelArea> Reads =
        [ReadModelArea.Clusters, ReadModelArea.Kpis, ReadModelArea.Members, ReadModelArea.Projects, ReadModelArea.Reports, ReadModelArea.Surveys];

    /// <summary>Kept per KPI and year for those who see every cluster (decision 0020); anyone scoped narrower gets an answer of their own.</summary>
    public async Task<KpiAcrossClusters> HandleAsync(KpiDefinition kpi, int? year, CancellationToken ct)
    {
        if (!user.SharesKeptAnswers) return await ComputeAsync(kpi, year, ct);
        var view = await readModels.ViewAsync(ct);
        return await view.GetAsync(nameof(GetKpiAcrossClusters), (kpi.Code, year), Reads, (services, t) => services.GetRequiredService<GetKpiAcrossClusters>().ComputeAsync(kpi, year, t), k => k.Rows.Count + k.ProgrammeYears.Count);
    }

    private async Task<KpiAcrossClusters> ComputeAsync(KpiDefinition kpi, int? year, CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        var years = KpiYears.Through(today);
        var y = year ?? KpiYears.LastComplete(today);
        var clusters = await access.VisibleClusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var s = await kpis.SourcesAsync([y], null, null, y, kpi.Code, null, today, ct);
        var rows = clusters.Select(c => new ClusterKpiRow(c.Id, c.Name, KpiValues.ValueOf(kpi, c.Id, y, s))).Where(r => r.Value.Actual is not null || r.Value.Target is not null).ToList();
        var programmeYears = await kpis.ProgrammeValuesAsync(kpi, years, null, today, ct);
        // A year before 2017 (or after this one) is not among the programme's years: counted on its own.
        var programme = years.Contains(y) ? programmeYears.Single(p => p.Year == y).Value : (await kpis.ProgrammeValuesAsync(kpi, [y], null, today, ct))[0].Value;
        return new KpiAcrossClusters(kpi, y, years, today.Year, rows, programme, programmeYears);
    }
}
