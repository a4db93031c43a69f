using Clusterpact.Web.Features.Agreements;
using Clusterpact.Web.Features.Kpis;

namespace Clusterpact.Web.Features.AnswerPack;

/// <summary>Question 1: an evaluation as it stood on the day.</summary>
public sealed record EvaluationAnswer(string Title, EvaluationKind Kind, string? ClusterName, EvaluationStage Stage, DateOnly? Since,
    EvaluationStage? NextStage, DateOnly? NextPlanned, bool Late, EvaluationOutcome? Outcome, DateOnly? DecidedOn, string? Conclusion);

/// <summary>Question 2: a KPI of a cluster in the latest year with both a value and a target.</summary>
public sealed record GoalAnswer(string ClusterName, KpiDefinition Kpi, int Year, decimal Actual, decimal Target, bool Met);

/// <summary>Question 3 and 4: a recommendation of an evaluation decided by the day, with its follow-up now.</summary>
public sealed record LessonAnswer(string Evaluation, string? ClusterName, string Finding, string Recommendation, FollowUpStatus Status, string? FollowUp);

/// <summary>
/// Question 5: a spearhead cluster's pact in force, its next yearly review (overdue when that year has passed) and how
/// far its agreement can still run.
/// </summary>
public sealed record PactAnswer(string ClusterName, int? Version, int? VersionYear, DateOnly? AdoptedOn, int? NextReviewYear, int Commitments, int Done,
    int Delayed, DateOnly? AgreementEnd, DateOnly? LastAllowedDay, bool ReviewOverdue)
{
    /// <summary>Can the agreement still be extended after its current end, within the 10-year limit?</summary>
    public bool CanBeExtended => AgreementEnd is { } e && LastAllowedDay is { } l && e < l;

    /// <summary>The agreement runs up to the 10-year limit: no extension is possible (false without an agreement).</summary>
    public bool AtLimit => AgreementEnd is { } e && LastAllowedDay is { } l && e >= l;
}

public enum FundLineKind { OperatingAid, Earmarked, InterclusterPool }

/// <summary>Question 6: money planned for a year, per cluster (none for the pool).</summary>
public sealed record FundLine(int Year, FundLineKind Kind, string? ClusterName, decimal Amount);

/// <summary>
/// The answers to the parliamentary question on the cluster pacts (seed 003), from the data as it stood at the end of
/// the chosen day: the evaluations' stages, the KPIs' evolution and the goals met, the lessons (recommendations and
/// their follow-up), the pacts in force and when they are reviewed or end, and the money planned for the coming years.
/// </summary>
public sealed record AnswerPackData(DateOnly On, IReadOnlyList<EvaluationAnswer> Evaluations, IReadOnlyList<int> KpiYears,
    IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>> Programme, IReadOnlyList<ClusterKpis> ClusterKpis,
    IReadOnlyList<GoalAnswer> Goals, IReadOnlyList<LessonAnswer> Lessons, IReadOnlyList<PactAnswer> Pacts, IReadOnlyList<FundLine> Funds,
    IReadOnlyList<PendingReport> PendingReports)
{
    /// <summary>The supported spearhead clusters that had no adopted pact on the day: counted in question 5 and named.</summary>
    public IReadOnlyList<string> WithoutPact => Pacts.Where(p => p.Version is null).Select(p => p.ClusterName).ToList();

    public const int FundYears = 5;

    public IReadOnlyList<int> FundYearRange => Enumerable.Range(On.Year, FundYears).ToList();

    public decimal FundTotal(int year, FundLineKind? kind = null) => Funds.Where(f => f.Year == year && (kind is null || f.Kind == kind)).Sum(f => f.Amount);
}

/// <summary>
/// Builds the answer pack for agency staff and readers (who see every cluster): the page, its PDF and workbook and the
/// API share it. It reads the evaluations of spearhead clusters and of the programme, the agreements and pacts (a few
/// per cluster) and only the working years of the five years it plans for, never a growing table whole (issue 18).
/// </summary>
public sealed class GetAnswerPack(ClusterpactDbContext db, GetKpisAsOf kpis, AgreementRules agreements, TimeProvider clock, CurrentUser user,
    Infrastructure.ReadModels.ReadModelStore readModels) : IUseCase
{
    /// <summary>The data areas the pack reads (ReadModelTests checks them against its SQL).</summary>
    public static readonly IReadOnlyList<Infrastructure.ReadModels.ReadModelArea> Reads =
    [
        Infrastructure.ReadModels.ReadModelArea.Agreements, Infrastructure.ReadModels.ReadModelArea.Clusters, Infrastructure.ReadModels.ReadModelArea.Evaluations,
        Infrastructure.ReadModels.ReadModelArea.Funding, Infrastructure.ReadModels.ReadModelArea.Kpis, Infrastructure.ReadModels.ReadModelArea.Members,
        Infrastructure.ReadModels.ReadModelArea.Pacts, Infrastructure.ReadModels.ReadModelArea.Projects, Infrastructure.ReadModels.ReadModelArea.Reports,
        Infrastructure.ReadModels.ReadModelArea.Surveys,
    ];

    public DateOnly Today => clock.TodayInBrussels();

    /// <summary>The earliest day the pack can speak of: the decree of 4 March 2016.</summary>
    public static readonly DateOnly Earliest = new(2016, 3, 4);

    /// <summary>
    /// Kept per day until a change of the data it reads, or the next day (decision 0020), for those who see every
    /// cluster (the page's policy): the page, its PDF and its workbook share one computation.
    /// </summary>
    public async Task<AnswerPackData> HandleAsync(DateOnly on, CancellationToken ct)
    {
        if (!user.SharesKeptAnswers) return await ComputeAsync(on, ct);
        return await KeptAsync(await readModels.ViewAsync(ct), on);
    }

    /// <summary>
    /// A document of the pack (its PDF, its workbook) as <paramref name="render"/> makes it from the pack, kept beside the
    /// pack under the same stamps, day and culture: at the EU size each rendering took 0.3-2 s and tens of megabytes, and
    /// 32 requests rendering at once took the process from 1.5 to 2.1 GB (bench/soak.sh).
    /// </summary>
    public async Task<byte[]> DocumentAsync(string document, DateOnly on, Func<AnswerPackData, CancellationToken, Task<byte[]>> render, CancellationToken ct)
    {
        if (!user.SharesKeptAnswers) return await render(await ComputeAsync(on, ct), ct);
        var view = await readModels.ViewAsync(ct);
        return await view.GetAsync($"{nameof(GetAnswerPack)}.{document}", (on, CultureInfo.CurrentCulture.Name), Reads,
            async (services, t) => await render(await services.GetRequiredService<GetAnswerPack>().HandleAsync(on, t), t), b => b.Length / 1024 + 1);
    }

    // The culture too: the lists are ordered by name in C#, with the request's culture's comparison.
    private static Task<AnswerPackData> KeptAsync(Infrastructure.ReadModels.ReadModelView view, DateOnly on) =>
        view.GetAsync(nameof(GetAnswerPack), (on, CultureInfo.CurrentCulture.Name), Reads, (services, t) => services.GetRequiredService<GetAnswerPack>().ComputeAsync(on, t),
            d => d.Evaluations.Count + d.ClusterKpis.Count * Math.Max(1, d.KpiYears.Count) + d.Goals.Count + d.Lessons.Count + d.Pacts.Count + d.Funds.Count + d.PendingReports.Count + 1);

    private async Task<AnswerPackData> ComputeAsync(DateOnly on, CancellationToken ct)
    {
        var clusters = await db.Clusters.AsNoTracking().Select(c => new { c.Id, c.Name, c.Type, c.SupportStart, c.SupportEnd }).ToDictionaryAsync(c => c.Id, ct);
        string? NameOf(Guid? id) => id is { } c && clusters.TryGetValue(c, out var x) ? x.Name : null;

        // 1. The evaluations of the spearhead clusters and of the policy as a whole planned by then, with their stages
        // as recorded by then (a stage entered later with an earlier day was not known on the day).
        var evaluations = (await db.Evaluations.AsNoTracking()
                .Where(e => e.ClusterId == null || db.Clusters.Any(c => c.Id == e.ClusterId && c.Type == ClusterType.SpearheadCluster)).ToListAsync(ct))
            .Where(e => AsOf.PlannedBy(e, on)).ToList();
        var evaluationAnswers = evaluations.Select(e =>
            {
                var next = AsOf.NextStageOn(e, on);
                var outcome = AsOf.OutcomeOn(e, on);
                var decided = AsOf.StageOn(e, on) == EvaluationStage.Decided;
                return new EvaluationAnswer(e.Title, e.Kind, NameOf(e.ClusterId), AsOf.StageOn(e, on), AsOf.StageReachedOn(e, on), next?.Stage, next?.Planned,
                    AsOf.LateOn(e, on), outcome, decided ? e.DecidedOn : null, decided ? e.Conclusion : null);
            })
            .OrderBy(a => a.ClusterName is null ? 0 : 1).ThenBy(a => a.ClusterName).ThenBy(a => a.Title).ToList();

        // 2. KPIs: the programme's evolution and, per spearhead cluster, the latest year with a value and a target.
        var (years, clusterKpis, programme, pending) = await kpis.HandleAsync(on, ct);
        var spearheadKpis = clusterKpis.Where(c => c.Type == ClusterType.SpearheadCluster).ToList();
        var goals = new List<GoalAnswer>();
        foreach (var cluster in spearheadKpis)
            foreach (var kpi in KpiCatalogue.All)
                // Only values that count (computed, surveyed, or from an accepted report) answer whether a goal was met.
                if (cluster.Values[kpi.Code].LastOrDefault(v => v.Counts && v.Target is not null) is { Actual: { } a, Target: { } t } latest)
                    goals.Add(new GoalAnswer(cluster.Name, kpi, latest.Year, a, t, TargetCheck.Met(kpi, a, t)!.Value));

        // 3-4. Lessons: the recommendations of the evaluations decided by then, with how they were followed up.
        var lessons = evaluations.Where(e => AsOf.StageOn(e, on) == EvaluationStage.Decided)
            .SelectMany(e => e.Recommendations.Select(r => new LessonAnswer(e.Title, NameOf(e.ClusterId), r.Finding, r.Text, r.Status, r.FollowUpNote)))
            .OrderBy(l => l.ClusterName is null ? 0 : 1).ThenBy(l => l.ClusterName).ThenBy(l => l.Evaluation).ToList();

        // 5. Pacts in force and agreements as known then, for every spearhead cluster supported on the day: by an
        // agreement known then, or by its support period in the register (a cluster without a pact is counted and named).
        var rules = await agreements.RulesAsync(ct);
        var allAgreements = await db.SupportAgreements.AsNoTracking().ToListAsync(ct);
        // Agreements are decided before they start: one starting within a year of the day was known on it.
        var knownAgreements = allAgreements.Where(a => AsOf.AgreementKnownOn(a, on)).ToLookup(a => a.ClusterId);
        var pacts = (await db.ClusterPacts.AsNoTracking().ToListAsync(ct)).ToDictionary(p => p.ClusterId);
        var pactAnswers = new List<PactAnswer>();
        foreach (var cluster in clusters.Values.Where(c => c.Type == ClusterType.SpearheadCluster).OrderBy(c => c.Name))
        {
            var own = knownAgreements[cluster.Id].ToList();
            if (own.Count == 0 && ClusterStatusRule.StatusOn(on, cluster.SupportStart, cluster.SupportEnd) != ClusterStatus.Supported) continue;
            var pact = pacts.GetValueOrDefault(cluster.Id);
            var version = pact is null ? null : AsOf.AdoptedVersionOn(pact, on);
            var commitments = version is null ? [] : pact!.CommitmentsOf(version.Number);
            pactAnswers.Add(new PactAnswer(cluster.Name, version?.Number, version?.Year, version?.AdoptedOn, version is null ? null : AsOf.NextReviewYear(version),
                commitments.Count, commitments.Count(c => c.Status == CommitmentStatus.Done), commitments.Count(c => c.Status == CommitmentStatus.Delayed),
                own.Count == 0 ? null : own.Max(a => AsOf.AgreementEndOn(a, on)), own.Count == 0 ? null : SupportAgreement.AidWindow(own, cluster.Type, rules)?.LastAllowedDay,
                version is not null && AsOf.NextReviewYear(version) < on.Year));
        }

        // 6. Money for the coming years: operating aid of the working years within the agreements as known then,
        // the earmarked envelopes of the spearhead clusters and the intercluster pool, as recorded by then.
        var fundYears = Enumerable.Range(on.Year, AnswerPackData.FundYears).ToList();
        var agreementEnds = allAgreements.Where(a => AsOf.RecordedBy(a.Terms[0], on)).ToDictionary(a => a.Id, a => (a.ClusterId, End: AsOf.AgreementEndOn(a, on)));
        var first = new DateOnly(on.Year, 1, 1);
        var afterLast = first.AddYears(AnswerPackData.FundYears);
        var workingYears = await db.AgreementYears.AsNoTracking().Where(y => y.YearStart >= first && y.YearStart < afterLast).ToListAsync(ct);
        var funds = workingYears.Where(y => fundYears.Contains(y.YearStart.Year) && AsOf.RecordedBy(y, on) && agreementEnds.TryGetValue(y.AgreementId, out var a) && y.YearStart <= a.End)
            .GroupBy(y => (y.YearStart.Year, agreementEnds[y.AgreementId].ClusterId))
            .Select(g => new FundLine(g.Key.Year, FundLineKind.OperatingAid, NameOf(g.Key.ClusterId), g.Sum(y => y.GrantedAid))).ToList();
        var envelopes = await db.FundEnvelopes.AsNoTracking().Where(e => e.Year >= on.Year && e.Year < on.Year + AnswerPackData.FundYears).ToListAsync(ct);
        funds.AddRange(envelopes.Where(e => AsOf.RecordedBy(e, on)).Select(e => new FundLine(e.Year, e.Kind == EnvelopeKind.InterclusterPool ? FundLineKind.InterclusterPool : FundLineKind.Earmarked,
            NameOf(e.ClusterId), e.Amount)));
        funds = funds.OrderBy(f => f.Year).ThenBy(f => f.Kind).ThenBy(f => f.ClusterName).ToList();

        return new AnswerPackData(on, evaluationAnswers, years, programme, spearheadKpis, goals, lessons, pactAnswers, funds, pending);
    }
}
