using System.Linq.Expressions;
using Clusterpact.Domain.Members;

namespace Clusterpact.Web.Features.Kpis;

/// <summary>
/// The computed KPIs and the programme's combination of reported ones, counted in SQL where the data is (issue 18):
/// the same rules as <see cref="KpiCalculator"/>, <see cref="MemberFigures"/> and <see cref="ProjectFigures"/>, which
/// the tests hold these queries to. For the programme an organisation in several clusters counts once (DISTINCT over
/// organisations) and an intercluster project once (counted from the projects, not from their clusters).
/// </summary>
public sealed class KpiFigures(ClusterpactDbContext db)
{
    private static readonly Guid Programme = Guid.Empty;

    /// <summary>The computed KPIs of the programme in each year; a year not over on <paramref name="through"/> up to that day (year to date).</summary>
    public async Task<Dictionary<(string Code, int Year), decimal?>> ProgrammeAsync(IReadOnlyCollection<int> years, DateOnly through, CancellationToken ct)
    {
        var result = new Dictionary<(string, int), decimal?>();
        foreach (var (key, value) in await ComputedAsync(years, null, false, through, ct)) result[(key.Code, key.Year)] = value;
        return result;
    }

    /// <summary>
    /// The computed KPIs per cluster (one cluster, or every cluster when <paramref name="clusterId"/> is null) in each
    /// year, a year not over on <paramref name="through"/> up to that day; a cluster without members or projects gets the
    /// value an empty cluster has (0, or no share).
    /// </summary>
    public Task<Dictionary<(Guid Cluster, string Code, int Year), decimal?>> PerClusterAsync(IReadOnlyCollection<int> years, Guid? clusterId, DateOnly through, CancellationToken ct) =>
        ComputedAsync(years, clusterId, true, through, ct);

    /// <summary>The value an empty cluster has for a computed KPI: no members and no projects.</summary>
    public static decimal? Empty(string code, int year) =>
        KpiCalculator.Compute(code, year, new KpiInputs([], new Dictionary<Guid, OrganisationFacts>(), []), Programme);

    /// <summary>
    /// Every computed KPI for every year at once: one grouped query per kind of figure (members on each year's last day,
    /// new members, projects with three companies, funding), however many years and clusters (issue 18).
    /// </summary>
    private async Task<Dictionary<(Guid Cluster, string Code, int Year), decimal?>> ComputedAsync(IReadOnlyCollection<int> years, Guid? clusterId, bool perCluster, DateOnly through, CancellationToken ct)
    {
        var result = new Dictionary<(Guid, string, int), decimal?>();
        if (years.Count == 0) return result;
        // The day a year's members are counted on; years after through's year are counted on through, as Last says.
        var dayOf = years.Distinct().ToDictionary(y => y, y => Last(y, through));
        var members = (await MembersOnAsync(dayOf.Values.Distinct().ToList(), clusterId, perCluster, ct)).ToLookup(f => f.Key.Day);
        foreach (var (year, day) in dayOf)
            foreach (var (key, f) in members[day])
            {
                result[(key.Cluster, KpiCatalogue.Members, year)] = f.Members;
                result[(key.Cluster, KpiCatalogue.SmeShare, year)] = f.SmeShare;
                result[(key.Cluster, KpiCatalogue.InternationalShare, year)] = f.InternationalShare;
            }
        foreach (var (key, count) in await ThreeCompanyProjectsAsync(years, clusterId, perCluster, through, ct)) result[(key.Cluster, KpiCatalogue.CollaborationProjects, key.Year)] = count;
        foreach (var (key, sum) in await FundingMobilisedAsync(years, clusterId, perCluster, through, ct)) result[(key.Cluster, KpiCatalogue.ProjectFunding, key.Year)] = sum;
        foreach (var (key, count) in await NewMembersAsync(years, clusterId, perCluster, through, ct)) result[key] = count;
        return result;
    }

    private static DateOnly First(int year) => new(year, 1, 1);
    /// <summary>The year's last day counted: 31 December, or <paramref name="through"/> in a year not over yet (as <see cref="KpiCalculator.Compute"/>).</summary>
    private static DateOnly Last(int year, DateOnly through)
    {
        var end = new DateOnly(year, 12, 31);
        return through < end ? through : end;
    }

    /// <summary>An organisation as the member figures count it; the cluster only when counted per cluster.</summary>
    private sealed class MemberRow
    {
        public DateOnly Day { get; init; }
        public Guid ClusterId { get; init; }
        public Guid Id { get; init; }
        public OrganisationKind Kind { get; init; }
        public SizeClass? SizeClass { get; init; }
        public bool InternationallyActive { get; init; }
    }

    /// <summary>The group of a member count: a cluster (or the programme) on a day.</summary>
    private sealed class ClusterDay
    {
        public Guid ClusterId { get; init; }
        public DateOnly Day { get; init; }
    }

    private sealed class MemberCounts<TKey>
    {
        public TKey Key { get; init; } = default!;
        public int Members { get; init; }
        public int Companies { get; init; }
        public int Known { get; init; }
        public int Sme { get; init; }
        public int Small { get; init; }
        public int International { get; init; }
        public int Knowledge { get; init; }
    }

    /// <summary>The counts of <see cref="MemberFigures.On"/>, as one SQL aggregate per group.</summary>
    private static Expression<Func<IGrouping<TKey, MemberRow>, MemberCounts<TKey>>> Counts<TKey>() => g => new MemberCounts<TKey>
    {
        Key = g.Key,
        Members = g.Count(),
        Companies = g.Count(x => x.Kind == OrganisationKind.Company),
        Known = g.Count(x => x.Kind == OrganisationKind.Company && x.SizeClass != null),
        Sme = g.Count(x => x.Kind == OrganisationKind.Company && (x.SizeClass == SizeClass.Micro || x.SizeClass == SizeClass.Small || x.SizeClass == SizeClass.Medium)),
        Small = g.Count(x => x.Kind == OrganisationKind.Company && (x.SizeClass == SizeClass.Micro || x.SizeClass == SizeClass.Small)),
        International = g.Count(x => x.Kind == OrganisationKind.Company && x.InternationallyActive),
        Knowledge = g.Count(x => x.Kind == OrganisationKind.KnowledgeInstitution),
    };

    private static MemberFiguresOn Figures<TKey>(DateOnly date, MemberCounts<TKey>? c) => c is null
        ? new MemberFiguresOn(date, 0, 0, 0, 0, 0, 0, 0)
        : new MemberFiguresOn(date, c.Members, c.Companies, c.Known, c.Sme, c.Small, c.International, c.Knowledge);

    /// <summary>Member figures on a day: each organisation once per cluster, or once for the programme.</summary>
    public async Task<Dictionary<Guid, MemberFiguresOn>> MembersOnAsync(DateOnly date, Guid? clusterId, bool perCluster, CancellationToken ct) =>
        (await MembersOnAsync([date], clusterId, perCluster, ct)).ToDictionary(f => f.Key.Cluster, f => f.Value);

    /// <summary>
    /// Member figures on each of <paramref name="days"/> in one grouped query: each organisation once per cluster and day,
    /// or once per day for the programme (key <see cref="Guid.Empty"/>, there on every day even without members).
    /// </summary>
    public async Task<Dictionary<(Guid Cluster, DateOnly Day), MemberFiguresOn>> MembersOnAsync(IReadOnlyList<DateOnly> days, Guid? clusterId, bool perCluster, CancellationToken ct)
    {
        var asked = days.ToArray();
        var first = asked.Min();
        var active = db.Memberships.Where(m => clusterId == null || m.ClusterId == clusterId)
            // A cross join with the days (a query over the parameter, not correlated with the membership, so SQLite can run
            // it too: a correlated one needs APPLY), then the membership's period.
            .SelectMany(m => asked.Where(d => d >= first), (m, d) => new { m.ClusterId, m.OrganisationId, m.From, m.Until, Day = d })
            .Where(x => x.From <= x.Day && (x.Until == null || x.Until >= x.Day));
        if (perCluster)
        {
            var counts = await active.Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new MemberRow
                    { Day = m.Day, ClusterId = m.ClusterId, Id = o.Id, Kind = o.Kind, SizeClass = o.SizeClass, InternationallyActive = o.InternationallyActive })
                .Distinct().GroupBy(x => new ClusterDay { ClusterId = x.ClusterId, Day = x.Day }).Select(Counts<ClusterDay>()).ToListAsync(ct);
            return counts.ToDictionary(c => (c.Key.ClusterId, c.Key.Day), c => Figures(c.Key.Day, c));
        }
        var programme = (await active.Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new MemberRow
                { Day = m.Day, Id = o.Id, Kind = o.Kind, SizeClass = o.SizeClass, InternationallyActive = o.InternationallyActive })
            .Distinct().GroupBy(x => x.Day).Select(Counts<DateOnly>()).ToListAsync(ct)).ToDictionary(c => c.Key);
        return asked.Distinct().ToDictionary(d => (Programme, d), d => Figures(d, programme.GetValueOrDefault(d)));
    }

    /// <summary>Organisations whose first membership (of the cluster; for the programme, of any cluster) starts in the year.</summary>
    private async Task<IEnumerable<((Guid, string, int), decimal?)>> NewMembersAsync(IReadOnlyCollection<int> years, Guid? clusterId, bool perCluster, DateOnly through, CancellationToken ct)
    {
        var from = First(years.Min());
        var to = Last(years.Max(), through);
        var scoped = db.Memberships.Where(m => clusterId == null || m.ClusterId == clusterId);
        if (perCluster)
        {
            var rows = await scoped.GroupBy(m => new { m.ClusterId, m.OrganisationId }).Select(g => new { g.Key.ClusterId, First = g.Min(m => m.From) })
                .Where(x => x.First >= from && x.First <= to)
                .GroupBy(x => new { x.ClusterId, x.First.Year }).Select(g => new { g.Key.ClusterId, g.Key.Year, Count = g.Count() }).ToListAsync(ct);
            return rows.Where(r => years.Contains(r.Year)).Select(r => ((r.ClusterId, KpiCatalogue.NewMembers, r.Year), (decimal?)r.Count)).ToList();
        }
        var programme = await scoped.GroupBy(m => m.OrganisationId).Select(g => new { First = g.Min(m => m.From) })
            .Where(x => x.First >= from && x.First <= to)
            .GroupBy(x => x.First.Year).Select(g => new { Year = g.Key, Count = g.Count() }).ToListAsync(ct);
        return years.Select(y => ((Programme, KpiCatalogue.NewMembers, y), (decimal?)(programme.FirstOrDefault(r => r.Year == y)?.Count ?? 0))).ToList();
    }

    /// <summary>
    /// Approved projects (approved, running, completed or stopped) that started in one of the years, up to
    /// <paramref name="through"/> in a year not over yet: a project of year y started between 1 January and
    /// <see cref="Last"/>(y), i.e. in y and not after <paramref name="through"/>.
    /// </summary>
    private IQueryable<Project> Counted(IReadOnlyCollection<int> years, DateOnly through)
    {
        var asked = years.ToArray();
        var (from, to) = (First(asked.Min()), Last(asked.Max(), through));
        return db.Projects.Where(p => (p.Status == ProjectStatus.Approved || p.Status == ProjectStatus.Running || p.Status == ProjectStatus.Completed || p.Status == ProjectStatus.Stopped)
            && p.Start >= from && p.Start <= to && asked.Contains(p.Start.Year));
    }

    private IQueryable<Project> ThreeCompanies(IQueryable<Project> projects) =>
        projects.Where(p => p.Partners.Count(x => db.Organisations.Any(o => o.Id == x.OrganisationId && o.Kind == OrganisationKind.Company)) >= ProjectFigures.MinCompaniesForCollaboration);

    /// <summary>
    /// A year's projects counted (or their aid summed) by the year they started: once for the programme (0 in a year
    /// without any, as a count or sum over none), once in each of their clusters.
    /// </summary>
    private async Task<IEnumerable<((Guid Cluster, int Year), decimal?)>> PerYearAsync(IQueryable<Project> projects, IReadOnlyCollection<int> years, Guid? clusterId, bool perCluster,
        bool aid, CancellationToken ct)
    {
        if (perCluster)
        {
            var rows = await projects.SelectMany(p => p.Clusters, (p, c) => new { c.ClusterId, p.Start.Year, p.Aid }).Where(x => clusterId == null || x.ClusterId == clusterId)
                .GroupBy(x => new { x.ClusterId, x.Year }).Select(g => new { g.Key.ClusterId, g.Key.Year, Count = g.Count(), Sum = g.Sum(x => x.Aid) }).ToListAsync(ct);
            return rows.Select(r => ((r.ClusterId, r.Year), (decimal?)(aid ? r.Sum : r.Count)));
        }
        var programme = (await projects.GroupBy(p => p.Start.Year).Select(g => new { Year = g.Key, Count = g.Count(), Sum = g.Sum(p => p.Aid) }).ToListAsync(ct)).ToDictionary(r => r.Year);
        return years.Distinct().Select(y => ((Programme, y), (decimal?)(programme.TryGetValue(y, out var r) ? aid ? r.Sum : r.Count : 0)));
    }

    private Task<IEnumerable<((Guid Cluster, int Year), decimal?)>> ThreeCompanyProjectsAsync(IReadOnlyCollection<int> years, Guid? clusterId, bool perCluster, DateOnly through, CancellationToken ct) =>
        PerYearAsync(ThreeCompanies(Counted(years, through)), years, clusterId, perCluster, aid: false, ct);

    /// <summary>Aid to the year's approved projects: earmarked (envelopes, intercluster pool) plus additional, i.e. all their aid.</summary>
    private Task<IEnumerable<((Guid Cluster, int Year), decimal?)>> FundingMobilisedAsync(IReadOnlyCollection<int> years, Guid? clusterId, bool perCluster, DateOnly through, CancellationToken ct) =>
        PerYearAsync(Counted(years, through), years, clusterId, perCluster, aid: true, ct);

    /// <summary>
    /// The members-made-more-competitive share per cluster and survey year, from closed surveys (closed by
    /// <paramref name="closedBy"/>) that ask it, under the survey disclosure rule (<see cref="SurveyDisclosure.CompetitivenessKpis"/>):
    /// a cluster is judged against all of the survey's answers, so neither a small cluster nor a small rest is singled out.
    /// Counted in SQL for all those surveys at once: the responses per survey and cluster, and the competitiveness
    /// question's answers per survey, cluster and scale value; never the responses themselves (issue 18).
    /// </summary>
    public async Task<Dictionary<(Guid Cluster, int Year), decimal>> SurveySharesAsync(Guid? clusterId, DateOnly closedBy, CancellationToken ct)
    {
        var shares = new Dictionary<(Guid, int), decimal>();
        var surveys = (await db.Surveys.AsNoTracking().Where(s => s.Status == SurveyStatus.Closed && s.ClosedOn <= closedBy).ToListAsync(ct))
            .Select(s => (Survey: s, Question: s.Questions.FirstOrDefault(q => q.KpiCode == Survey.CompetitivenessKpi && q.Kind == QuestionKind.Scale)))
            .Where(x => x.Question is not null).OrderBy(x => x.Survey.Year).ThenBy(x => x.Survey.Id).ToList();
        if (surveys.Count == 0) return shares;
        var ids = surveys.Select(x => x.Survey.Id).ToList();
        var questions = surveys.Select(x => x.Question!.Id).ToList();
        var responses = await db.SurveyResponses.Where(r => ids.Contains(r.SurveyId)).GroupBy(r => new { r.SurveyId, r.ClusterId })
            .Select(g => new { g.Key.SurveyId, g.Key.ClusterId, Count = g.Count() }).ToListAsync(ct);
        var answers = await db.SurveyResponses.Where(r => ids.Contains(r.SurveyId))
            .SelectMany(r => r.Answers.Where(a => questions.Contains(a.QuestionId) && a.Scale != null), (r, a) => new { r.SurveyId, r.ClusterId, a.QuestionId, Scale = a.Scale!.Value })
            .GroupBy(x => new { x.SurveyId, x.ClusterId, x.QuestionId, x.Scale }).Select(g => new { g.Key.SurveyId, g.Key.ClusterId, g.Key.QuestionId, g.Key.Scale, Count = g.Count() })
            .ToListAsync(ct);
        var valuesOf = answers.ToLookup(a => (a.SurveyId, a.ClusterId));
        var bySurvey = responses.ToLookup(r => r.SurveyId);
        foreach (var (survey, question) in surveys)
        {
            var clusters = bySurvey[survey.Id].ToDictionary(r => r.ClusterId, r => (r.Count, (IReadOnlyList<int>)valuesOf[(survey.Id, r.ClusterId)]
                .Where(a => a.QuestionId == question!.Id).OrderBy(a => a.Scale).SelectMany(a => Enumerable.Repeat(a.Scale, a.Count)).ToList()));
            foreach (var (cluster, share) in SurveyDisclosure.CompetitivenessKpis(survey, clusters))
                if (clusterId == null || cluster == clusterId) shares[(cluster, survey.Year)] = share;
        }
        return shares;
    }
}
