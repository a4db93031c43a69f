using Clusterpact.Web.Features.Agreements;
using Clusterpact.Web.Features.Kpis;

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
/// per year, members and SME share, the programme's KPIs over the years, evaluations by stage and the deadlines ahead.
/// </summary>
public sealed record DashboardData(DateOnly Today, IReadOnlyList<ClusterCount> Clusters, IReadOnlyList<MoneyYear> Money, IReadOnlyList<int> KpiYears,
    IReadOnlyDictionary<string, IReadOnlyList<(int Year, decimal? Value)>> Kpis, IReadOnlyList<StageCount> Evaluations, IReadOnlyList<Deadline> Deadlines,
    IReadOnlyList<PendingReport> PendingReports)
{
    /// <summary>How far ahead the deadlines go: the 10-year limits a year ahead, the rest 90 days.</summary>
    public const int LimitMonths = AgreementService.LimitWarningMonths;
}

public sealed class DashboardService(ClusterpactDbContext db, KpiService kpis, AgreementOverview overview)
{
    public async Task<DashboardData> BuildAsync(CancellationToken ct)
    {
        var today = overview.Today;
        var clusters = (await db.Clusters.AsNoTracking().Select(c => new { c.Type, c.Status }).ToListAsync(ct))
            .GroupBy(c => (c.Type, c.Status)).Select(g => new ClusterCount(g.Key.Type, g.Key.Status, g.Count()))
            .OrderBy(c => c.Type).ThenBy(c => c.Status).ToList();

        // Money per calendar year: aid granted for the working years starting in it, aid paid in it, the year's envelopes.
        var granted = await db.AgreementYears.AsNoTracking().Select(y => new { y.YearStart, y.GrantedAid }).ToListAsync(ct);
        var paid = await db.AidPayments.AsNoTracking().Where(p => p.Status == PaymentStatus.Paid).Select(p => new { p.PaidOn, p.AmountEur }).ToListAsync(ct);
        var envelopes = await db.FundEnvelopes.AsNoTracking().ToListAsync(ct);
        var years = granted.Select(g => g.YearStart.Year).Concat(paid.Where(p => p.PaidOn is not null).Select(p => p.PaidOn!.Value.Year)).Concat(envelopes.Select(e => e.Year)).ToList();
        var money = years.Count == 0 ? [] : Enumerable.Range(years.Min(), years.Max() - years.Min() + 1).Select(y => new MoneyYear(y,
            granted.Where(g => g.YearStart.Year == y).Sum(g => g.GrantedAid),
            paid.Where(p => p.PaidOn?.Year == y).Sum(p => p.AmountEur),
            envelopes.Where(e => e.Year == y).Sum(e => e.Amount),
            envelopes.Where(e => e.Year == y).Sum(e => e.Committed),
            envelopes.Where(e => e.Year == y).Sum(e => e.Paid))).ToList();

        var (kpiYears, _, programme, pending) = await kpis.AsOfAsync(today, ct);

        var evaluations = await db.Evaluations.AsNoTracking().ToListAsync(ct);
        var stages = Enum.GetValues<EvaluationStage>()
            .Select(s => new StageCount(s, evaluations.Count(e => e.Stage == s), evaluations.Count(e => e.Stage == s && e.IsLate(today)))).ToList();

        // Deadlines: the overview's (deposits, agreement ends, 10-year limits in 90 days), the 10-year limits of the
        // coming year, and the annual reports due soon or overdue.
        var (rows, deadlines) = await overview.BuildAsync(null, false, OverviewSort.Name, false, ct);
        var all = deadlines.ToList();
        all.AddRange(rows.Where(r => r.LimitWithinAYear && r.LastAllowedDay is { } l && !deadlines.Any(d => d.Kind == DeadlineKind.AidLimit && d.ClusterId == r.ClusterId))
            .Select(r => new Deadline(r.LastAllowedDay!.Value, r.ClusterId, r.Name, DeadlineKind.AidLimit, null)));
        var names = await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned).ToListAsync(ct);
        all.AddRange(reports.Where(r => r.DeadlineOn(today) is DeadlineState.DueSoon or DeadlineState.Overdue)
            .Select(r => new Deadline(r.DueOn, r.ClusterId, names.GetValueOrDefault(r.ClusterId, "?"), DeadlineKind.ReportDue, r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))));

        return new DashboardData(today, clusters, money, kpiYears, programme, stages, all.OrderBy(d => d.Date).ThenBy(d => d.ClusterName).ToList(), pending);
    }
}
