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

    private async Task<Dictionary<(Guid Cluster, string Code, int Year), decimal?>> ComputedAsync(IReadOnlyCollection<int> years, Guid? clusterId, bool perCluster, DateOnly through, CancellationToken ct)
    {
        var result = new Dictionary<(Guid, string, int), decimal?>();
        foreach (var year in years)
        {
            foreach (var f in await MembersOnAsync(Last(year, through), clusterId, perCluster, ct))
            {
                result[(f.Key, KpiCatalogue.Members, year)] = f.Value.Members;
                result[(f.Key, KpiCatalogue.SmeShare, year)] = f.Value.SmeShare;
                result[(f.Key, KpiCatalogue.InternationalShare, year)] = f.Value.InternationalShare;
            }
            foreach (var (key, count) in await ThreeCompanyProjectsAsync(year, clusterId, perCluster, through, ct)) result[(key, KpiCatalogue.CollaborationProjects, year)] = count;
            foreach (var (key, sum) in await FundingMobilisedAsync(year, clusterId, perCluster, through, ct)) result[(key, KpiCatalogue.ProjectFunding, year)] = sum;
        }
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
        public Guid ClusterId { get; init; }
        public Guid Id { get; init; }
        public OrganisationKind Kind { get; init; }
        public SizeClass? SizeClass { get; init; }
        public bool InternationallyActive { get; init; }
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
    public async Task<Dictionary<Guid, MemberFiguresOn>> MembersOnAsync(DateOnly date, Guid? clusterId, bool perCluster, CancellationToken ct)
    {
        var active = db.Memberships.Where(m => m.From <= date && (m.Until == null || m.Until >= date) && (clusterId == null || m.ClusterId == clusterId));
        if (perCluster)
        {
            var rows = await active.Join(db.Organisations, m => m.OrganisationId, o => o.Id,
                    (m, o) => new MemberRow { ClusterId = m.ClusterId, Id = o.Id, Kind = o.Kind, SizeClass = o.SizeClass, InternationallyActive = o.InternationallyActive })
                .Distinct().GroupBy(x => x.ClusterId).Select(Counts<Guid>()).ToListAsync(ct);
            return rows.ToDictionary(r => r.Key, r => Figures(date, r));
        }
        var programme = await db.Organisations.Where(o => active.Any(m => m.OrganisationId == o.Id))
            .Select(o => new MemberRow { Id = o.Id, Kind = o.Kind, SizeClass = o.SizeClass, InternationallyActive = o.InternationallyActive })
            .GroupBy(x => 1).Select(Counts<int>()).SingleOrDefaultAsync(ct);
        return new Dictionary<Guid, MemberFiguresOn> { [Programme] = Figures(date, programme) };
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

    /// <summary>Approved projects (approved, running, completed or stopped) that started in the year.</summary>
    private IQueryable<Project> Counted(int year, DateOnly through)
    {
        var (from, to) = (First(year), Last(year, through));
        return db.Projects.Where(p => (p.Status == ProjectStatus.Approved || p.Status == ProjectStatus.Running || p.Status == ProjectStatus.Completed || p.Status == ProjectStatus.Stopped)
            && p.Start >= from && p.Start <= to);
    }

    private IQueryable<Project> ThreeCompanies(IQueryable<Project> projects) =>
        projects.Where(p => p.Partners.Count(x => db.Organisations.Any(o => o.Id == x.OrganisationId && o.Kind == OrganisationKind.Company)) >= ProjectFigures.MinCompaniesForCollaboration);

    private async Task<IEnumerable<(Guid, decimal?)>> ThreeCompanyProjectsAsync(int year, Guid? clusterId, bool perCluster, DateOnly through, CancellationToken ct)
    {
        var projects = ThreeCompanies(Counted(year, through));
        if (!perCluster) return [(Programme, await projects.CountAsync(ct))];
        var rows = await projects.SelectMany(p => p.Clusters, (p, c) => c.ClusterId).Where(c => clusterId == null || c == clusterId)
            .GroupBy(c => c).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return rows.Select(r => (r.Key, (decimal?)r.Count));
    }

    /// <summary>Aid to the year's approved projects: earmarked (envelopes, intercluster pool) plus additional, i.e. all their aid.</summary>
    private async Task<IEnumerable<(Guid, decimal?)>> FundingMobilisedAsync(int year, Guid? clusterId, bool perCluster, DateOnly through, CancellationToken ct)
    {
        if (!perCluster) return [(Programme, await Counted(year, through).SumAsync(p => p.Aid, ct))];
        var rows = await Counted(year, through).SelectMany(p => p.Clusters, (p, c) => new { c.ClusterId, p.Aid }).Where(x => clusterId == null || x.ClusterId == clusterId)
            .GroupBy(x => x.ClusterId).Select(g => new { g.Key, Sum = g.Sum(x => x.Aid) }).ToListAsync(ct);
        return rows.Select(r => (r.Key, (decimal?)r.Sum));
    }

    /// <summary>
    /// The members-made-more-competitive share per cluster and survey year, from closed surveys (closed by
    /// <paramref name="closedBy"/>) that ask it, under the survey disclosure rule (<see cref="SurveyDisclosure.CompetitivenessKpi"/>):
    /// a cluster is judged against all of the survey's answers, so neither a small cluster nor a small rest is singled out.
    /// Only the answers of those few surveys are read, one survey at a time.
    /// </summary>
    public async Task<Dictionary<(Guid Cluster, int Year), decimal>> SurveySharesAsync(Guid? clusterId, DateOnly closedBy, CancellationToken ct)
    {
        var shares = new Dictionary<(Guid, int), decimal>();
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.Status == SurveyStatus.Closed && s.ClosedOn <= closedBy).ToListAsync(ct);
        foreach (var survey in surveys.Where(s => s.Questions.Any(q => q.KpiCode == Survey.CompetitivenessKpi && q.Kind == QuestionKind.Scale)).OrderBy(s => s.Year).ThenBy(s => s.Id))
        {
            var responses = await db.SurveyResponses.AsNoTracking().Where(r => r.SurveyId == survey.Id).ToListAsync(ct);
            foreach (var cluster in responses.Select(r => r.ClusterId).Distinct().Where(c => clusterId == null || c == clusterId))
                if (SurveyDisclosure.CompetitivenessKpi(survey, responses, cluster) is { } v) shares[(cluster, survey.Year)] = v;
        }
        return shares;
    }
}
