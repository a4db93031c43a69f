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

/// <summary>The years the KPI views show, and how a year reads: the current one is counted to date, and says so.</summary>
public static class KpiYears
{
    /// <summary>The first spearhead clusters started in 2017.</summary>
    public const int First = 2017;

    /// <summary>From 2017 to the current year, which is counted up to <paramref name="today"/>.</summary>
    public static IReadOnlyList<int> Through(DateOnly today) => Enumerable.Range(First, Math.Max(1, today.Year - First + 1)).ToList();

    /// <summary>The last complete year: what a view shows first, before a year is chosen.</summary>
    public static int LastComplete(DateOnly today) => Math.Max(First, AsOf.LastCompleteYear(today));

    /// <summary>A year as a column or an option reads: "2026 (tot nu toe)" for the current, incomplete year.</summary>
    public static string Label(IStringLocalizer text, int year, int thisYear) =>
        year == thisYear ? text["Kpis.YearToDate", year].Value : year.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// The KPI values that the KPI use cases share: computed KPIs from the register and the projects (<see cref="KpiFigures"/>),
/// reported KPIs from the annual reports (accepted first), the members-made-more-competitive share from a closed member
/// survey with at least five answers of the cluster when there is one; with the targets set in the pact. Everything is
/// counted in SQL and only the rows a view shows are read (issue 18).
/// </summary>
public sealed class KpiValues(ClusterpactDbContext db, KpiFigures figures)
{
    /// <summary>A reported value of a cluster's report: whether the report was accepted (by the instant asked about).</summary>
    internal sealed record ReportRow(Guid ClusterId, int Year, string Code, decimal? Value, bool Accepted);

    /// <summary>A target as a value shows it (its change history is the cluster page's, read there).</summary>
    internal sealed record TargetRow(Guid ClusterId, string KpiCode, int Year, decimal Target, decimal? Baseline);

    /// <summary>What a KPI's values are read from, for the years and the selection asked.</summary>
    public sealed class Sources
    {
        internal Dictionary<(Guid Cluster, string Code, int Year), decimal?> Computed { get; init; } = [];
        internal Dictionary<(Guid Cluster, int Year, string Code), ReportRow> Reports { get; init; } = [];
        internal Dictionary<(Guid Cluster, string Code, int Year), TargetRow> Targets { get; init; } = [];
        internal Dictionary<(Guid Cluster, int Year), decimal> SurveyShares { get; init; } = [];
    }

    private static DateOnly ClosedBy(DateTimeOffset? asOf) => asOf is { } a ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a, Format.Brussels).Date) : DateOnly.MaxValue;

    /// <summary>
    /// The reports whose values are shown: submitted, returned or accepted; with <paramref name="asOf"/>, only those
    /// submitted by that instant, accepted if the agency had accepted them by then.
    /// </summary>
    public IQueryable<AnnualReport> Shown(Guid? clusterId, DateTimeOffset? asOf)
    {
        var reports = db.AnnualReports.Where(r => (clusterId == null || r.ClusterId == clusterId)
            && (r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Returned));
        return asOf is { } at ? reports.Where(r => r.Steps.Any(s => s.To == ReportStatus.Submitted && s.At <= at)) : reports;
    }

    private async Task<List<ReportRow>> ReportRowsAsync(int[] years, Guid? clusterId, IQueryable<Guid>? clusters, int? year, string? code, DateTimeOffset? asOf, CancellationToken ct)
    {
        var reports = Shown(clusterId, asOf).Where(r => years.Contains(r.Year) && (year == null || r.Year == year));
        if (clusters is not null) reports = reports.Where(r => clusters.Contains(r.ClusterId));
        var values = reports.SelectMany(r => r.Values, (r, v) => new { Report = r, v.KpiCode, v.Value }).Where(x => code == null || x.KpiCode == code);
        var rows = asOf is { } at
            ? values.Select(x => new { x.Report.ClusterId, x.Report.Year, x.KpiCode, x.Value, Accepted = x.Report.Steps.Any(s => s.To == ReportStatus.Accepted && s.At <= at) })
            : values.Select(x => new { x.Report.ClusterId, x.Report.Year, x.KpiCode, x.Value, Accepted = x.Report.Status == ReportStatus.Accepted });
        return (await rows.ToListAsync(ct)).Select(r => new ReportRow(r.ClusterId, r.Year, r.KpiCode, r.Value, r.Accepted)).ToList();
    }

    /// <summary>
    /// The sources of the values of one cluster (or all), one year (or all) and one KPI (or all); computed figures are
    /// counted up to <paramref name="through"/> (the current year to date), reports as known at <paramref name="asOf"/>.
    /// Reports and targets are read for those years only and, with <paramref name="clusters"/>, for those clusters only.
    /// </summary>
    public async Task<Sources> SourcesAsync(IReadOnlyCollection<int> years, Guid? clusterId, IQueryable<Guid>? clusters, int? year, string? code, DateTimeOffset? asOf,
        DateOnly through, CancellationToken ct)
    {
        var asked = years.ToArray();
        var computed = code is null || KpiCatalogue.Find(code)?.Source == KpiSource.Computed
            ? await figures.PerClusterAsync(years, clusterId, through, ct) : [];
        var reports = (await ReportRowsAsync(asked, clusterId, clusters, year, code, asOf, ct)).ToDictionary(r => (r.ClusterId, r.Year, r.Code));
        var targetRows = db.KpiTargets.AsNoTracking().Where(t => asked.Contains(t.Year) && (clusterId == null || t.ClusterId == clusterId) && (year == null || t.Year == year) && (code == null || t.KpiCode == code));
        if (clusters is not null) targetRows = targetRows.Where(t => clusters.Contains(t.ClusterId));
        var targets = await targetRows.Select(t => new TargetRow(t.ClusterId, t.KpiCode, t.Year, t.Target, t.Baseline)).ToDictionaryAsync(t => (t.ClusterId, t.KpiCode, t.Year), ct);
        var shares = code is null or KpiCatalogue.MoreCompetitive ? await figures.SurveySharesAsync(clusterId, ClosedBy(asOf), ct) : [];
        return new Sources { Computed = computed, Reports = reports, Targets = targets, SurveyShares = shares };
    }

    public static KpiValue ValueOf(KpiDefinition kpi, Guid clusterId, int year, Sources s)
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

    /// <summary>Every KPI of the catalogue for one cluster, one value per year.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<KpiValue>> AllOf(Guid clusterId, IReadOnlyList<int> years, Sources s) =>
        KpiCatalogue.All.ToDictionary(k => k.Code, k => (IReadOnlyList<KpiValue>)years.Select(y => ValueOf(k, clusterId, y, s)).ToList());

    /// <summary>
    /// The programme's values: computed over the programme for a computed KPI (up to <paramref name="through"/>); for a
    /// reported one the values that count (accepted reports, closed surveys; <see cref="KpiValue.Counts"/>) combined by
    /// the KPI's rule, in SQL.
    /// </summary>
    public async Task<IReadOnlyList<(int Year, decimal? Value)>> ProgrammeValuesAsync(KpiDefinition kpi, IReadOnlyList<int> years, DateTimeOffset? asOf, DateOnly through, CancellationToken ct)
    {
        if (years.Count == 0) return [];
        if (kpi.Source == KpiSource.Computed)
        {
            var computed = await figures.ProgrammeAsync(years, through, ct);
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
}
