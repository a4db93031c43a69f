namespace Clusterpact.Web.Features.Kpis;

/// <summary>The programme's KPIs over the complete years on a day, and the reports still pending at its end.</summary>
public sealed record ProgrammeKpisAsOf(IReadOnlyList<int> Years, IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>> Programme, IReadOnlyList<PendingReport> Pending);

/// <summary>
/// The programme's KPIs for the years from 2017 to the last complete year on a day and the reports (of clusters the
/// caller sees) submitted but not accepted by the end of that day: what the dashboard shows.
/// </summary>
public sealed class GetProgrammeKpisAsOf(ClusterAccess access, KpiValues kpis, KpiFigures figures) : IUseCase
{
    public async Task<ProgrammeKpisAsOf> HandleAsync(DateOnly on, CancellationToken ct)
    {
        var at = Format.EndOfDay(on);
        var years = Enumerable.Range(KpiYears.First, Math.Max(0, AsOf.LastCompleteYear(on) - KpiYears.First + 1)).ToList();
        var computed = years.Count == 0 ? [] : await figures.ProgrammeAsync(years, on, ct);
        var programme = new Dictionary<string, IReadOnlyList<(int, decimal?)>>();
        foreach (var kpi in KpiCatalogue.All)
            programme[kpi.Code] = kpi.Source == KpiSource.Computed
                ? years.Select(y => (y, computed.GetValueOrDefault((kpi.Code, y)))).ToList()
                : await kpis.ProgrammeValuesAsync(kpi, years, at, on, ct);
        if (years.Count == 0) return new(years, programme, []);
        var (from, to) = (years[0], years[^1]);
        var pending = await kpis.Shown(null, at).Where(r => r.Year >= from && r.Year <= to && !r.Steps.Any(s => s.To == ReportStatus.Accepted && s.At <= at))
            .Join(access.VisibleClusters(), r => r.ClusterId, c => c.Id, (r, c) => new
            {
                r.Id, c.Name, r.Year,
                Status = r.Steps.Where(s => s.At <= at).OrderByDescending(s => s.At).Select(s => s.To).First(),
            })
            .ToListAsync(ct);
        return new(years, programme, pending.Select(p => new PendingReport(p.Id, p.Name, p.Year, p.Status)).OrderBy(p => p.ClusterName).ThenBy(p => p.Year).ToList());
    }
}
