using System.Linq.Expressions;
using Clusterpact.Domain.Members;
using Microsoft.EntityFrameworkCore.Query;

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

    /// <summary>The survey shares this request counted, by cluster (or all) and day: the same for each caller of the request.</summary>
    private readonly Dictionary<(Guid? Cluster, DateOnly ClosedBy), Dictionary<(Guid Cluster, int Year), decimal>> _shares = [];

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

    /// <summary>An organisation as the member figures count it, with the days (bits) it was a member on; the cluster only when counted per cluster.</summary>
    private sealed class MemberRow
    {
        public int Days { get; init; }
        public Guid ClusterId { get; init; }
        public Guid Id { get; init; }
        public OrganisationKind Kind { get; init; }
        public SizeClass? SizeClass { get; init; }
        public bool InternationallyActive { get; init; }
    }

    /// <summary>An organisation (of a cluster, or of any when counted for the programme) and the asked days it was a member on, one bit per day.</summary>
    private sealed class MemberDays
    {
        public Guid ClusterId { get; init; }
        public Guid OrganisationId { get; init; }
        public int Days { get; init; }
    }

    /// <summary>The group of member counts: a cluster (or the programme) and a set of days (bits).</summary>
    private sealed class ClusterDays
    {
        public Guid ClusterId { get; init; }
        public int Days { get; init; }
    }

    /// <summary>A cluster and an organisation: the group of its memberships.</summary>
    private sealed class ClusterOrganisation
    {
        public Guid ClusterId { get; init; }
        public Guid OrganisationId { get; init; }
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

    /// <summary>The figures of the groups whose days include <paramref name="bit"/>: each organisation is in one group (its days), so their sum.</summary>
    private static MemberFiguresOn Figures<TKey>(DateOnly date, IEnumerable<MemberCounts<TKey>> groups, Func<TKey, int> days, int bit)
    {
        var on = groups.Where(c => (days(c.Key) & (1 << bit)) != 0).ToList();
        return new MemberFiguresOn(date, on.Sum(c => c.Members), on.Sum(c => c.Companies), on.Sum(c => c.Known), on.Sum(c => c.Sme), on.Sum(c => c.Small),
            on.Sum(c => c.International), on.Sum(c => c.Knowledge));
    }

    /// <summary>Member figures on a day: each organisation once per cluster, or once for the programme.</summary>
    public async Task<Dictionary<Guid, MemberFiguresOn>> MembersOnAsync(DateOnly date, Guid? clusterId, bool perCluster, CancellationToken ct) =>
        (await MembersOnAsync([date], clusterId, perCluster, ct)).ToDictionary(f => f.Key.Cluster, f => f.Value);

    /// <summary>How many days one query counts: one bit each in an int.</summary>
    private const int DaysPerQuery = 30;

    /// <summary>A membership of <see cref="MemberOn"/>'s day: from its start to its end, both included.</summary>
    private static readonly Expression<Func<Membership, DateOnly, bool>> MemberOn = (m, day) => m.From <= day && (m.Until == null || m.Until >= day);

    /// <summary>A day as a query parameter (as a captured variable is), so the query's shape depends on the number of days only.</summary>
    private sealed class DayParameter(DateOnly day)
    {
        public readonly DateOnly Day = day;
    }

    /// <summary>
    /// g => the days (bit j for <paramref name="days"/>[j]) on which one of the group's memberships ran: the OR of the
    /// memberships' days, as the sum over the days of MAX(member on day j ? 2^j : 0), one aggregate per day.
    /// </summary>
    private static Expression<Func<IGrouping<TKey, Membership>, MemberDays>> DaysOf<TKey>(IReadOnlyList<DateOnly> days, Expression<Func<TKey, Guid>> cluster,
        Expression<Func<TKey, Guid>> organisation)
    {
        var g = Expression.Parameter(typeof(IGrouping<TKey, Membership>), "g");
        var key = Expression.Property(g, nameof(IGrouping<TKey, Membership>.Key));
        var m = MemberOn.Parameters[0];
        Expression? sum = null;
        for (var j = 0; j < days.Count; j++)
        {
            var day = Expression.Field(Expression.Constant(new DayParameter(days[j])), nameof(DayParameter.Day));
            var on = ReplacingExpressionVisitor.Replace(MemberOn.Parameters[1], day, MemberOn.Body);
            var bit = Expression.Lambda<Func<Membership, int>>(Expression.Condition(on, Expression.Constant(1 << j), Expression.Constant(0)), m);
            var max = Expression.Call(typeof(Enumerable), nameof(Enumerable.Max), [typeof(Membership)], g, bit);
            sum = sum is null ? max : Expression.Add(sum, max);
        }
        MemberBinding[] bindings =
        [
            Expression.Bind(typeof(MemberDays).GetProperty(nameof(MemberDays.OrganisationId))!, ReplacingExpressionVisitor.Replace(organisation.Parameters[0], key, organisation.Body)),
            Expression.Bind(typeof(MemberDays).GetProperty(nameof(MemberDays.ClusterId))!, ReplacingExpressionVisitor.Replace(cluster.Parameters[0], key, cluster.Body)),
            Expression.Bind(typeof(MemberDays).GetProperty(nameof(MemberDays.Days))!, sum!),
        ];
        return Expression.Lambda<Func<IGrouping<TKey, Membership>, MemberDays>>(Expression.MemberInit(Expression.New(typeof(MemberDays)), bindings), g);
    }

    /// <summary>
    /// Member figures on each of <paramref name="days"/>: each organisation once per cluster and day, or once per day for
    /// the programme (key <see cref="Guid.Empty"/>, there on every day even without members). One grouped query per 30
    /// days that reads each membership once (issue 18): the days an organisation was a member on (of the cluster, or of
    /// any) as bits, then the organisations counted per cluster and set of days; a day's figures are the sums over the
    /// sets that hold it. Never a row per membership and day.
    /// </summary>
    public async Task<Dictionary<(Guid Cluster, DateOnly Day), MemberFiguresOn>> MembersOnAsync(IReadOnlyList<DateOnly> days, Guid? clusterId, bool perCluster, CancellationToken ct)
    {
        var result = new Dictionary<(Guid, DateOnly), MemberFiguresOn>();
        foreach (var chunk in days.Distinct().Order().Chunk(DaysPerQuery))
        {
            var (first, last) = (chunk[0], chunk[^1]);
            var scoped = db.Memberships.Where(m => (clusterId == null || m.ClusterId == clusterId) && m.From <= last && (m.Until == null || m.Until >= first));
            var members = perCluster
                ? scoped.GroupBy(m => new ClusterOrganisation { ClusterId = m.ClusterId, OrganisationId = m.OrganisationId }).Select(DaysOf<ClusterOrganisation>(chunk, k => k.ClusterId, k => k.OrganisationId))
                : scoped.GroupBy(m => m.OrganisationId).Select(DaysOf<Guid>(chunk, k => Guid.Empty, k => k));
            var rows = members.Join(db.Organisations, x => x.OrganisationId, o => o.Id, (x, o) => new MemberRow
                { Days = x.Days, ClusterId = x.ClusterId, Id = o.Id, Kind = o.Kind, SizeClass = o.SizeClass, InternationallyActive = o.InternationallyActive });
            if (perCluster)
            {
                var counts = await rows.GroupBy(x => new ClusterDays { ClusterId = x.ClusterId, Days = x.Days }).Select(Counts<ClusterDays>()).ToListAsync(ct);
                foreach (var cluster in counts.GroupBy(c => c.Key.ClusterId))
                    for (var j = 0; j < chunk.Length; j++)
                        if (cluster.Any(c => (c.Key.Days & (1 << j)) != 0)) result[(cluster.Key, chunk[j])] = Figures(chunk[j], cluster, k => k.Days, j);
                continue;
            }
            var programme = await rows.GroupBy(x => x.Days).Select(Counts<int>()).ToListAsync(ct);
            for (var j = 0; j < chunk.Length; j++) result[(Programme, chunk[j])] = Figures(chunk[j], programme, k => k, j);
        }
        return result;
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
    /// <see cref="Last"/>(y), i.e. in y and not after <paramref name="through"/>. Years one after another (the KPI views')
    /// need no test of the year: PostgreSQL cannot estimate one on an expression and then joins the partners row by row.
    /// </summary>
    private IQueryable<Project> Counted(IReadOnlyCollection<int> years, DateOnly through)
    {
        var asked = years.Distinct().ToArray();
        var (from, to) = (First(asked.Min()), Last(asked.Max(), through));
        var counted = db.Projects.Where(p => (p.Status == ProjectStatus.Approved || p.Status == ProjectStatus.Running || p.Status == ProjectStatus.Completed || p.Status == ProjectStatus.Stopped)
            && p.Start >= from && p.Start <= to);
        return asked.Length == to.Year - from.Year + 1 ? counted : counted.Where(p => asked.Contains(p.Start.Year));
    }

    /// <summary>
    /// The projects with at least three companies among their partners: their company partners counted in one grouped
    /// query (IN), not a count per project (a correlated subquery that PostgreSQL runs once for each project).
    /// </summary>
    private IQueryable<Project> ThreeCompanies(IQueryable<Project> projects)
    {
        var companies = db.Organisations.Where(o => o.Kind == OrganisationKind.Company).Select(o => o.Id);
        var withThree = projects.SelectMany(p => p.Partners.Where(x => companies.Contains(x.OrganisationId)), (p, x) => p.Id)
            .GroupBy(id => id).Where(g => g.Count() >= ProjectFigures.MinCompaniesForCollaboration).Select(g => g.Key);
        return projects.Where(p => withThree.Contains(p.Id));
    }

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
        // Asked for the programme and for the clusters by one request (the answer pack, the KPI pages): counted once.
        if (!_shares.TryGetValue((clusterId, closedBy), out var shares)) _shares[(clusterId, closedBy)] = shares = await CountSurveySharesAsync(clusterId, closedBy, ct);
        return shares;
    }

    private async Task<Dictionary<(Guid Cluster, int Year), decimal>> CountSurveySharesAsync(Guid? clusterId, DateOnly closedBy, CancellationToken ct)
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
