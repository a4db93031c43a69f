using Clusterpact.Web.Features.Agreements;
using Clusterpact.Web.Features.Kpis;
using Clusterpact.Web.Infrastructure.ReadModels;

namespace Clusterpact.Web.Features.Dashboard;

/// <summary>Money of the programme in a calendar year, in euro.</summary>
public sealed record MoneyYear(int Year, decimal OperatingAidGranted, decimal OperatingAidPaid, decimal Earmarked, decimal EarmarkedCommitted, decimal EarmarkedPaid)
{
    public decimal Granted => OperatingAidGranted + Earmarked;
    public decimal Paid => OperatingAidPaid + EarmarkedPaid;
}

public sealed record ClusterCount(ClusterType Type, ClusterStatus Status, int Count);

public sealed record StageCount(EvaluationStage Stage, int Count, int Late);

/// <summary>
/// The programme at a glance for agency staff and readers: clusters by type and status, money granted, paid and planned
/// per year, members and SME share, the programme's KPIs over the years, evaluations by stage and the nearest deadlines (ListDeadlines).
/// </summary>
public sealed record DashboardData(DateOnly Today, IReadOnlyList<ClusterCount> Clusters, IReadOnlyList<MoneyYear> Money, IReadOnlyList<int> KpiYears,
    IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>> Kpis, IReadOnlyList<StageCount> Evaluations, DeadlineSummary Deadlines,
    IReadOnlyList<PendingReport> PendingReports);

/// <summary>
/// The dashboard's figures are counted in SQL (issue 18): no table is read whole to be summed here. The answer is kept
/// until a change of the data it reads, or the next day (decision 0020), one for everybody who sees the whole programme.
/// </summary>
public sealed class GetDashboard(ClusterpactDbContext db, GetProgrammeKpisAsOf kpis, ListDeadlines deadlines, CurrentUser user, ReadModelStore readModels) : IUseCase
{
    /// <summary>The data areas the dashboard reads (ReadModelTests checks them against its SQL).</summary>
    public static readonly IReadOnlyList<ReadModelArea> Reads =
    [
        ReadModelArea.Agreements, ReadModelArea.Clusters, ReadModelArea.Evaluations, ReadModelArea.Funding, ReadModelArea.Kpis,
        ReadModelArea.Members, ReadModelArea.Projects, ReadModelArea.Reports, ReadModelArea.Surveys,
    ];

    public async Task<DashboardData> HandleAsync(CancellationToken ct)
    {
        // The page is for those who see every cluster (policy ProgrammeView); anyone scoped narrower gets an answer of their own.
        if (!user.SharesKeptAnswers) return await ComputeAsync(ct);
        var view = await readModels.ViewAsync(ct);
        return await view.GetAsync(nameof(GetDashboard), null, Reads, (services, t) => services.GetRequiredService<GetDashboard>().ComputeAsync(t),
            d => d.Clusters.Count + d.Money.Count + d.Evaluations.Count + d.Deadlines.Nearest.Count + d.PendingReports.Count + d.Kpis.Count * Math.Max(1, d.KpiYears.Count));
    }

    private async Task<DashboardData> ComputeAsync(CancellationToken ct)
    {
        var today = deadlines.Today;
        var clusters = (await db.Clusters.GroupBy(c => new { c.Type, c.Status }).Select(g => new { g.Key.Type, g.Key.Status, Count = g.Count() }).ToListAsync(ct))
            .Select(g => new ClusterCount(g.Type, g.Status, g.Count)).OrderBy(c => c.Type).ThenBy(c => c.Status).ToList();

        // Money per calendar year: aid granted for the working years starting in it, aid paid in it, the year's envelopes.
        var granted = (await db.AgreementYears.GroupBy(y => y.YearStart.Year).Select(g => new { Year = g.Key, Sum = g.Sum(y => y.GrantedAid) }).ToListAsync(ct))
            .ToDictionary(g => g.Year, g => g.Sum);
        var paid = (await db.AidPayments.Where(p => p.Status == PaymentStatus.Paid && p.PaidOn != null).GroupBy(p => p.PaidOn!.Value.Year)
            .Select(g => new { Year = g.Key, Sum = g.Sum(p => p.AmountEur) }).ToListAsync(ct)).ToDictionary(g => g.Year, g => g.Sum);
        var envelopes = (await db.FundEnvelopes.GroupBy(e => e.Year).Select(g => new { Year = g.Key, Sum = g.Sum(e => e.Amount) }).ToListAsync(ct))
            .ToDictionary(g => g.Year, g => g.Sum);
        var commitments = (await db.FundEnvelopes.SelectMany(e => e.Commitments, (e, c) => new { e.Year, c.Committed, c.Paid }).GroupBy(x => x.Year)
            .Select(g => new { Year = g.Key, Committed = g.Sum(x => x.Committed), Paid = g.Sum(x => x.Paid) }).ToListAsync(ct)).ToDictionary(g => g.Year);
        var years = granted.Keys.Concat(paid.Keys).Concat(envelopes.Keys).ToList();
        var money = years.Count == 0 ? [] : Enumerable.Range(years.Min(), years.Max() - years.Min() + 1).Select(y => new MoneyYear(y,
            granted.GetValueOrDefault(y), paid.GetValueOrDefault(y), envelopes.GetValueOrDefault(y),
            commitments.TryGetValue(y, out var c) ? c.Committed : 0, commitments.TryGetValue(y, out var p) ? p.Paid : 0)).ToList();

        var (kpiYears, programme, pending) = await kpis.HandleAsync(today, ct);

        // Evaluations by stage; late: the next stage's planned day has passed (Evaluation.IsLate).
        var byStage = (await db.Evaluations.GroupBy(e => e.Stage).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct)).ToDictionary(g => g.Key, g => g.Count);
        var stages = new List<StageCount>();
        foreach (var stage in Enum.GetValues<EvaluationStage>())
        {
            var late = EvaluationLifecycle.Next(stage) is { } next
                ? await db.Evaluations.CountAsync(e => e.Stage == stage && e.Stages.Any(s => s.Stage == next && s.Planned != null && s.Planned < today), ct)
                : 0;
            stages.Add(new StageCount(stage, byStage.GetValueOrDefault(stage), late));
        }

        // Deadlines (ListDeadlines): the nearest few and how many in all; the whole list is a page of its own (issue 18).
        var nearest = await deadlines.SummaryAsync(ct);

        return new DashboardData(today, clusters, money, kpiYears, programme, stages, nearest, pending);
    }
}
