
namespace Clusterpact.Web.Features.Kpis;

/// <summary>A KPI's value for a cluster (or the programme) in a year, with its target and where the value came from.</summary>
public sealed record KpiValue(int Year, decimal? Actual, decimal? Target, decimal? Baseline, KpiValueOrigin Origin)
{
    /// <summary>
    /// Whether the value counts in programme figures and goals: computed, from a closed survey, or from a report the
    /// agency accepted. A report that is submitted or returned is shown to the cluster as pending, never counted.
    /// </summary>
    public bool Counts => Actual is not null && Origin is KpiValueOrigin.Computed or KpiValueOrigin.Accepted or KpiValueOrigin.Survey;
}

/// <summary>A cluster's annual report that had been submitted but was not accepted (yet) at the moment asked about.</summary>
public sealed record PendingReport(Guid ReportId, string ClusterName, int Year, ReportStatus Status);

/// <summary>Computed from the data; from an accepted report; from a report not yet accepted; from a member survey.</summary>
public enum KpiValueOrigin { None, Computed, Accepted, Reported, Survey }

/// <summary>
/// The KPI values: computed KPIs from the register and the projects, reported KPIs from the annual reports (accepted
/// first), the members-made-more-competitive share from a closed member survey with at least five answers of the
/// cluster when there is one; with the targets set in the pact. Everything is counted in SQL (<see cref="KpiFigures"/>)
/// and only the rows a view shows are read (issue 18).
/// </summary>
public sealed class KpiService(ClusterpactDbContext db, ClusterAccess access, KpiFigures figures, TimeProvider clock)
{
    public int ThisYear => clock.TodayInBrussels().Year;

    /// <summary>The years the KPI views show: from the first spearhead clusters (2017) to last year.</summary>
    public IReadOnlyList<int> Years => Enumerable.Range(2017, Math.Max(1, ThisYear - 2017)).ToList();

    /// <summary>A reported value of a cluster's report: whether the report was accepted (by the instant asked about).</summary>
    private sealed record ReportRow(Guid ClusterId, int Year, string Code, decimal? Value, bool Accepted);

    private sealed record Sources(Dictionary<(Guid Cluster, string Code, int Year), decimal?> Computed, Dictionary<(Guid Cluster, int Year, string Code), ReportRow> Reports,
        Dictionary<(Guid Cluster, string Code, int Year), KpiTarget> Targets, Dictionary<(Guid Cluster, int Year), decimal> SurveyShares);

    private static DateOnly ClosedBy(DateTimeOffset? asOf) => asOf is { } a ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a, Format.Brussels).Date) : DateOnly.MaxValue;

    /// <summary>
    /// The reports whose values are shown: submitted, returned or accepted; with <paramref name="asOf"/>, only those
    /// submitted by that instant, accepted if the agency had accepted them by then.
    /// </summary>
    private IQueryable<AnnualReport> Shown(Guid? clusterId, DateTimeOffset? asOf)
    {
        var reports = db.AnnualReports.Where(r => (clusterId == null || r.ClusterId == clusterId)
            && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Returned));
        return asOf is { } at ? reports.Where(r => r.Steps.Any(s => s.To == ReportStatus.Submitted && s.At <= at)) : reports;
    }

    private async Task<List<ReportRow>> ReportRowsAsync(Guid? clusterId, int? year, string? code, DateTimeOffset? asOf, CancellationToken ct)
    {
        var reports = Shown(clusterId, asOf).Where(r => year == null || r.Year == year);
        var values = reports.SelectMany(r => r.Values, (r, v) => new { Report = r, v.KpiCode, v.Value }).Where(x => code == null || x.KpiCode == code);
        var rows = asOf is { } at
            ? values.Select(x => new { x.Report.ClusterId, x.Report.Year, x.KpiCode, x.Value, Accepted = x.Report.Steps.Any(s => s.To == ReportStatus.Accepted && s.At <= at) })
            : values.Select(x => new { x.Report.ClusterId, x.Report.Year, x.KpiCode, x.Value, Accepted = x.Report.Status == ReportStatus.Accepted });
        return (await rows.ToListAsync(ct)).Select(r => new ReportRow(r.ClusterId, r.Year, r.KpiCode, r.Value, r.Accepted)).ToList();
    }

    private async Task<Sources> SourcesAsync(IReadOnlyCollection<int> years, Guid? clusterId, int? year, string? code, DateTimeOffset? asOf, CancellationToken ct)
    {
        var computed = code is null || KpiCatalogue.Find(code)?.Source == KpiSource.Computed
            ? await figures.PerClusterAsync(years, clusterId, ct) : [];
        var reports = (await ReportRowsAsync(clusterId, year, code, asOf, ct)).ToDictionary(r => (r.ClusterId, r.Year, r.Code));
        var targets = await db.KpiTargets.AsNoTracking().Where(t => (clusterId == null || t.ClusterId == clusterId) && (year == null || t.Year == year) && (code == null || t.KpiCode == code))
            .ToDictionaryAsync(t => (t.ClusterId, t.KpiCode, t.Year), ct);
        var shares = code is null or KpiCatalogue.MoreCompetitive ? await figures.SurveySharesAsync(clusterId, ClosedBy(asOf), ct) : [];
        return new Sources(computed, reports, targets, shares);
    }

    private static KpiValue ValueOf(KpiDefinition kpi, Guid clusterId, int year, Sources s)
    {
        var target = s.Targets.GetValueOrDefault((clusterId, kpi.Code, year));
        if (kpi.Source == KpiSource.Computed)
            return new KpiValue(year, s.Computed.TryGetValue((clusterId, kpi.Code, year), out var v) ? v : KpiFigures.Empty(kpi.Code, year), target?.Target, target?.Baseline, KpiValueOrigin.Computed);
        if (kpi.Code == KpiCatalogue.MoreCompetitive && s.SurveyShares.TryGetValue((clusterId, year), out var share))
            return new KpiValue(year, share, target?.Target, target?.Baseline, KpiValueOrigin.Survey);
        var report = s.Reports.GetValueOrDefault((clusterId, year, kpi.Code));
        var value = report?.Value;
        var origin = value is null ? KpiValueOrigin.None : report!.Accepted ? KpiValueOrigin.Accepted : KpiValueOrigin.Reported;
        return new KpiValue(year, value, target?.Target, target?.Baseline, origin);
    }

    /// <summary>Every KPI over the years for one cluster, with targets.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<KpiValue>>?> ForClusterAsync(Guid clusterId, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(clusterId, ct)) return null;
        var s = await SourcesAsync(Years, clusterId, null, null, null, ct);
        return KpiCatalogue.All.ToDictionary(k => k.Code, k => (IReadOnlyList<KpiValue>)Years.Select(y => ValueOf(k, clusterId, y, s)).ToList());
    }

    public sealed record ClusterKpiRow(Guid ClusterId, string Name, KpiValue Value)
    {
        public bool? MetTarget(KpiDefinition kpi) => Domain.Reporting.TargetCheck.Met(kpi, Value.Actual, Value.Target);
    }

    /// <summary>
    /// One KPI in one year across the clusters the caller sees, and the programme value: computed over the programme
    /// for a computed KPI (each organisation and project once), or combined by the KPI's rule over the values that
    /// count (accepted reports, closed surveys) for a reported one.
    /// </summary>
    public async Task<(IReadOnlyList<ClusterKpiRow> Rows, decimal? Programme)> AcrossClustersAsync(KpiDefinition kpi, int year, CancellationToken ct)
    {
        var clusters = await access.VisibleClusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var s = await SourcesAsync([year], null, year, kpi.Code, null, ct);
        var rows = clusters.Select(c => new ClusterKpiRow(c.Id, c.Name, ValueOf(kpi, c.Id, year, s))).Where(r => r.Value.Actual is not null || r.Value.Target is not null).ToList();
        var programme = (await ProgrammeValuesAsync(kpi, [year], null, ct))[0].Value;
        return (rows, programme);
    }

    /// <summary>The programme's value of a KPI over the years (for the programme view and the dashboards).</summary>
    public Task<IReadOnlyList<(int Year, decimal? Value)>> ProgrammeAsync(KpiDefinition kpi, CancellationToken ct) => ProgrammeValuesAsync(kpi, Years, null, ct);

    /// <summary>
    /// The programme's values: computed over the programme for a computed KPI; for a reported one the values that
    /// count (accepted reports, closed surveys; <see cref="KpiValue.Counts"/>) combined by the KPI's rule, in SQL.
    /// </summary>
    private async Task<IReadOnlyList<(int Year, decimal? Value)>> ProgrammeValuesAsync(KpiDefinition kpi, IReadOnlyList<int> years, DateTimeOffset? asOf, CancellationToken ct)
    {
        if (years.Count == 0) return [];
        if (kpi.Source == KpiSource.Computed)
        {
            var computed = await figures.ProgrammeAsync(years, ct);
            return years.Select(y => (y, computed.GetValueOrDefault((kpi.Code, y)))).ToList();
        }
        var (from, to) = (years.Min(), years.Max());
        var counted = Shown(null, asOf).Where(r => r.Year >= from && r.Year <= to);
        counted = asOf is { } at ? counted.Where(r => r.Steps.Any(s => s.To == ReportStatus.Accepted && s.At <= at)) : counted.Where(r => r.Status == ReportStatus.Accepted);
        var values = counted.SelectMany(r => r.Values, (r, v) => new { r.ClusterId, r.Year, v.KpiCode, v.Value }).Where(x => x.KpiCode == kpi.Code && x.Value != null);
        var shares = kpi.Code == KpiCatalogue.MoreCompetitive ? await figures.SurveySharesAsync(null, ClosedBy(asOf), ct) : [];
        if (kpi.Aggregation == KpiAggregation.Latest)
        {
            // The latest value has no SQL aggregate: the counted values of this one KPI, a few per cluster and year.
            var all = await values.OrderBy(x => x.ClusterId).Select(x => new { x.ClusterId, x.Year, x.Value }).ToListAsync(ct);
            return years.Select(y => (y, KpiCalculator.Aggregate(kpi, all.Where(x => x.Year == y && !shares.ContainsKey((x.ClusterId, y))).Select(x => x.Value)
                .Concat(shares.Where(p => p.Key.Year == y).Select(p => (decimal?)p.Value))))).ToList();
        }
        var sums = await values.GroupBy(x => x.Year).Select(g => new { Year = g.Key, Sum = g.Sum(x => x.Value!.Value), Count = g.Count() }).ToListAsync(ct);
        // A cluster's survey share replaces its reported value of that year (ValueOf): take the replaced ones out.
        var shareClusters = shares.Keys.Select(k => k.Cluster).Distinct().ToList();
        var replaced = shareClusters.Count == 0 ? [] : (await values.Where(x => shareClusters.Contains(x.ClusterId)).Select(x => new { x.ClusterId, x.Year, x.Value }).ToListAsync(ct))
            .Where(x => shares.ContainsKey((x.ClusterId, x.Year))).ToList();
        return years.Select(y =>
        {
            var row = sums.FirstOrDefault(s => s.Year == y);
            var own = shares.Where(p => p.Key.Year == y).Select(p => p.Value).ToList();
            var gone = replaced.Where(x => x.Year == y).ToList();
            var count = (row?.Count ?? 0) - gone.Count + own.Count;
            var sum = (row?.Sum ?? 0) - gone.Sum(x => x.Value!.Value) + own.Sum();
            decimal? value = count == 0 ? null : kpi.Aggregation == KpiAggregation.Sum ? sum : Math.Round(sum / count, 4);
            return (y, value);
        }).ToList();
    }

    /// <summary>A cluster's KPIs over the years: every KPI of the catalogue, one value per year.</summary>
    public sealed record ClusterKpis(Guid ClusterId, string Name, Domain.Clusters.ClusterType Type, IReadOnlyDictionary<string, IReadOnlyList<KpiValue>> Values);

    /// <summary>
    /// Every KPI of every cluster the caller sees, and of the programme, for the years from 2017 to the last complete
    /// year on <paramref name="on"/>, counting only what was known at the end of that day (Brussels time).
    /// </summary>
    public async Task<(IReadOnlyList<int> Years, IReadOnlyList<ClusterKpis> Clusters, IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>> Programme, IReadOnlyList<PendingReport> Pending)> AsOfAsync(DateOnly on, CancellationToken ct)
    {
        var at = Format.EndOfDay(on);
        var (years, programme, pending) = await ProgrammeAsOfAsync(on, ct);
        var s = await SourcesAsync(years, null, null, null, at, ct);
        var clusters = await access.VisibleClusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.Type }).ToListAsync(ct);
        var rows = clusters.Select(c => new ClusterKpis(c.Id, c.Name, c.Type,
            KpiCatalogue.All.ToDictionary(k => k.Code, k => (IReadOnlyList<KpiValue>)years.Select(y => ValueOf(k, c.Id, y, s)).ToList()))).ToList();
        return (years, rows, programme, pending);
    }

    /// <summary>
    /// The programme's KPIs for the years from 2017 to the last complete year on <paramref name="on"/> and the reports
    /// (of clusters the caller sees) submitted but not accepted by the end of that day: what the dashboard shows.
    /// </summary>
    public async Task<(IReadOnlyList<int> Years, IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>> Programme, IReadOnlyList<PendingReport> Pending)> ProgrammeAsOfAsync(DateOnly on, CancellationToken ct)
    {
        var at = Format.EndOfDay(on);
        var years = Enumerable.Range(2017, Math.Max(0, AsOf.LastCompleteYear(on) - 2016)).ToList();
        var computed = years.Count == 0 ? [] : await figures.ProgrammeAsync(years, ct);
        var programme = new Dictionary<string, IReadOnlyList<(int, decimal?)>>();
        foreach (var kpi in KpiCatalogue.All)
            programme[kpi.Code] = kpi.Source == KpiSource.Computed
                ? years.Select(y => (y, computed.GetValueOrDefault((kpi.Code, y)))).ToList()
                : await ProgrammeValuesAsync(kpi, years, at, ct);
        if (years.Count == 0) return (years, programme, []);
        var (from, to) = (years[0], years[^1]);
        var pending = await Shown(null, at).Where(r => r.Year >= from && r.Year <= to && !r.Steps.Any(s => s.To == ReportStatus.Accepted && s.At <= at))
            .Join(access.VisibleClusters(), r => r.ClusterId, c => c.Id, (r, c) => new
            {
                r.Id, c.Name, r.Year,
                Status = r.Steps.Where(s => s.At <= at).OrderByDescending(s => s.At).Select(s => s.To).First(),
            })
            .ToListAsync(ct);
        return (years, programme, pending.Select(p => new PendingReport(p.Id, p.Name, p.Year, p.Status)).OrderBy(p => p.ClusterName).ThenBy(p => p.Year).ToList());
    }

    /// <summary>Last year's value of a reported KPI for a cluster: what a new value is checked against.</summary>
    public async Task<decimal?> LastYearAsync(Guid clusterId, string code, int year, CancellationToken ct)
    {
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.ClusterId == clusterId && r.Year == year - 1, ct);
        return report?.ValueOf(code);
    }
}
