using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Features.Projects;

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
/// cluster when there is one; with the targets set in the pact.
/// </summary>
public sealed class KpiService(ClusterpactDbContext db, ClusterAccess access, TimeProvider clock)
{
    public int ThisYear => clock.TodayInBrussels().Year;

    /// <summary>The years the KPI views show: from the first spearhead clusters (2017) to last year.</summary>
    public IReadOnlyList<int> Years => Enumerable.Range(2017, Math.Max(1, ThisYear - 2017)).ToList();

    public async Task<KpiInputs> InputsAsync(CancellationToken ct)
    {
        var memberships = await db.Memberships.AsNoTracking().Select(m => new MembershipPeriod(m.OrganisationId, m.ClusterId, m.From, m.Until)).ToListAsync(ct);
        var orgs = await db.Organisations.AsNoTracking().Select(o => new OrganisationFacts(o.Id, o.Kind, o.SizeClass, o.InternationallyActive)).ToDictionaryAsync(o => o.Id, ct);
        return new KpiInputs(memberships, orgs, await AllProjectFactsAsync(ct));
    }

    /// <summary>All projects for the KPIs: the programme's figures do not depend on who looks.</summary>
    private async Task<IReadOnlyList<ProjectFacts>> AllProjectFactsAsync(CancellationToken ct)
    {
        var list = await db.Projects.AsNoTracking().ToListAsync(ct);
        var partners = await db.Organisations.AsNoTracking().Select(o => new PartnerFacts(o.Id, o.Kind, o.SizeClass)).ToDictionaryAsync(o => o.OrganisationId, ct);
        return list.Select(p => ProjectQueries.Facts(p, partners)).ToList();
    }

    private sealed record Sources(KpiInputs Inputs, List<AnnualReport> Reports, List<KpiTarget> Targets, Dictionary<(Guid Cluster, int Year), decimal> SurveyShares, DateTimeOffset? AsOf);

    /// <summary>
    /// Where the values come from. With <paramref name="asOf"/>, only what was known at that instant counts: reports
    /// submitted by then (accepted if the agency had accepted them by then) and surveys closed by then.
    /// </summary>
    private async Task<Sources> SourcesAsync(Guid? clusterId, CancellationToken ct, DateTimeOffset? asOf = null)
    {
        var reports = await db.AnnualReports.AsNoTracking().Where(r => clusterId == null || r.ClusterId == clusterId)
            .Where(r => r.Status == ReportStatus.Submitted || r.Status == ReportStatus.Accepted || r.Status == ReportStatus.Returned).ToListAsync(ct);
        if (asOf is { } at) reports = reports.Where(r => AsOf.SubmittedBy(r, at)).ToList();
        var targets = await db.KpiTargets.AsNoTracking().Where(t => clusterId == null || t.ClusterId == clusterId).ToListAsync(ct);
        var shares = new Dictionary<(Guid, int), decimal>();
        var closedBy = asOf is { } a ? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(a, Format.Brussels).Date) : DateOnly.MaxValue;
        foreach (var survey in await db.Surveys.AsNoTracking().Where(s => s.Status == SurveyStatus.Closed).ToListAsync(ct))
        {
            if (survey.Questions.All(q => q.KpiCode != Survey.CompetitivenessKpi) || survey.ClosedOn > closedBy) continue;
            // Every answer of the survey, whoever asks: a cluster's share is judged against all clusters (the disclosure rule).
            var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).ToListAsync(ct);
            foreach (var cluster in responses.Select(r => r.ClusterId).Distinct().Where(c => clusterId == null || c == clusterId))
                if (SurveyDisclosure.CompetitivenessKpi(survey, responses, cluster) is { } v) shares[(cluster, survey.Year)] = v;
        }
        return new Sources(await InputsAsync(ct), reports, targets, shares, asOf);
    }

    private static KpiValue ValueOf(KpiDefinition kpi, Guid clusterId, int year, Sources s)
    {
        var target = s.Targets.FirstOrDefault(t => t.ClusterId == clusterId && t.KpiCode == kpi.Code && t.Year == year);
        if (kpi.Source == KpiSource.Computed)
            return new KpiValue(year, KpiCalculator.Compute(kpi.Code, year, s.Inputs, clusterId), target?.Target, target?.Baseline, KpiValueOrigin.Computed);
        if (kpi.Code == KpiCatalogue.MoreCompetitive && s.SurveyShares.TryGetValue((clusterId, year), out var share))
            return new KpiValue(year, share, target?.Target, target?.Baseline, KpiValueOrigin.Survey);
        var report = s.Reports.FirstOrDefault(r => r.ClusterId == clusterId && r.Year == year);
        var value = report?.ValueOf(kpi.Code);
        var accepted = report is not null && (s.AsOf is { } at ? AsOf.AcceptedBy(report, at) : report.Status == ReportStatus.Accepted);
        var origin = value is null ? KpiValueOrigin.None : accepted ? KpiValueOrigin.Accepted : KpiValueOrigin.Reported;
        return new KpiValue(year, value, target?.Target, target?.Baseline, origin);
    }

    /// <summary>Every KPI over the years for one cluster, with targets.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<KpiValue>>?> ForClusterAsync(Guid clusterId, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(clusterId, ct)) return null;
        var s = await SourcesAsync(clusterId, ct);
        return KpiCatalogue.All.ToDictionary(k => k.Code, k => (IReadOnlyList<KpiValue>)Years.Select(y => ValueOf(k, clusterId, y, s)).ToList());
    }

    public sealed record ClusterKpiRow(Guid ClusterId, string Name, KpiValue Value)
    {
        public bool? MetTarget(KpiDefinition kpi) => Domain.Reporting.TargetCheck.Met(kpi, Value.Actual, Value.Target);
    }

    /// <summary>
    /// One KPI in one year across the clusters the caller sees, and the programme value: computed over the programme
    /// for a computed KPI (each organisation and project once), or combined by the KPI's rule for a reported one.
    /// </summary>
    public async Task<(IReadOnlyList<ClusterKpiRow> Rows, decimal? Programme)> AcrossClustersAsync(KpiDefinition kpi, int year, CancellationToken ct)
    {
        var clusters = await access.VisibleClusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name }).ToListAsync(ct);
        var s = await SourcesAsync(null, ct);
        var rows = clusters.Select(c => new ClusterKpiRow(c.Id, c.Name, ValueOf(kpi, c.Id, year, s))).Where(r => r.Value.Actual is not null || r.Value.Target is not null).ToList();
        var programme = kpi.Source == KpiSource.Computed ? KpiCalculator.Compute(kpi.Code, year, s.Inputs) : KpiCalculator.Aggregate(kpi, rows.Select(r => r.Value.Actual));
        return (rows, programme);
    }

    /// <summary>The programme's value of a KPI over the years (for the programme view and the dashboards).</summary>
    public async Task<IReadOnlyList<(int Year, decimal? Value)>> ProgrammeAsync(KpiDefinition kpi, CancellationToken ct)
    {
        var s = await SourcesAsync(null, ct);
        var clusterIds = await db.Clusters.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        return Years.Select(y => (y, ProgrammeValue(kpi, y, s, clusterIds))).ToList();
    }

    /// <summary>The programme's value: computed over the programme for a computed KPI, combined by the KPI's rule for a reported one.</summary>
    private static decimal? ProgrammeValue(KpiDefinition kpi, int year, Sources s, IEnumerable<Guid> clusterIds) => kpi.Source == KpiSource.Computed
        ? KpiCalculator.Compute(kpi.Code, year, s.Inputs)
        : KpiCalculator.Aggregate(kpi, clusterIds.Select(c => ValueOf(kpi, c, year, s)).Where(v => v.Counts).Select(v => v.Actual));

    /// <summary>A cluster's KPIs over the years: every KPI of the catalogue, one value per year.</summary>
    public sealed record ClusterKpis(Guid ClusterId, string Name, Domain.Clusters.ClusterType Type, IReadOnlyDictionary<string, IReadOnlyList<KpiValue>> Values);

    /// <summary>
    /// Every KPI of every cluster the caller sees, and of the programme, for the years from 2017 to the last complete
    /// year on <paramref name="on"/>, counting only what was known at the end of that day (Brussels time).
    /// </summary>
    public async Task<(IReadOnlyList<int> Years, IReadOnlyList<ClusterKpis> Clusters, IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>> Programme, IReadOnlyList<PendingReport> Pending)> AsOfAsync(DateOnly on, CancellationToken ct)
    {
        var at = Format.EndOfDay(on);
        var s = await SourcesAsync(null, ct, at);
        var years = Enumerable.Range(2017, Math.Max(0, AsOf.LastCompleteYear(on) - 2016)).ToList();
        var clusters = await access.VisibleClusters().AsNoTracking().OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.Type }).ToListAsync(ct);
        var rows = clusters.Select(c => new ClusterKpis(c.Id, c.Name, c.Type,
            KpiCatalogue.All.ToDictionary(k => k.Code, k => (IReadOnlyList<KpiValue>)years.Select(y => ValueOf(k, c.Id, y, s)).ToList()))).ToList();
        var allIds = await db.Clusters.AsNoTracking().Select(c => c.Id).ToListAsync(ct);
        var programme = KpiCatalogue.All.ToDictionary(k => k.Code, k => (IReadOnlyList<(int, decimal?)>)years.Select(y => (y, ProgrammeValue(k, y, s, allIds))).ToList());
        var names = clusters.ToDictionary(c => c.Id, c => c.Name);
        var pending = s.Reports.Where(r => names.ContainsKey(r.ClusterId) && years.Contains(r.Year) && !AsOf.AcceptedBy(r, at))
            .Select(r => new PendingReport(r.Id, names[r.ClusterId], r.Year, AsOf.StatusBy(r, at)))
            .OrderBy(p => p.ClusterName).ThenBy(p => p.Year).ToList();
        return (years, rows, programme, pending);
    }

    /// <summary>Last year's value of a reported KPI for a cluster: what a new value is checked against.</summary>
    public async Task<decimal?> LastYearAsync(Guid clusterId, string code, int year, CancellationToken ct)
    {
        var report = await db.AnnualReports.AsNoTracking().SingleOrDefaultAsync(r => r.ClusterId == clusterId && r.Year == year - 1, ct);
        return report?.ValueOf(code);
    }
}
