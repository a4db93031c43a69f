namespace Clusterpact.Web.Features.Agreements;

public sealed record OverviewRow(Guid ClusterId, string Name, ClusterType Type, ClusterStatus Status, DateOnly? AgreementEnd, DateOnly? LastAllowedDay,
    int YearsLeft, int DaysLeft, bool LimitWithinAYear, decimal GrantedThisYear, decimal PaidThisYear, DepositStatus? WorstDeposit)
{
    /// <summary>The 10-year limit lies behind: no time left (TimeLeft gives at least one day up to the last allowed day).</summary>
    public bool LimitPassed => LastAllowedDay is not null && YearsLeft == 0 && DaysLeft == 0;
}

public enum DeadlineKind { DepositDue, AgreementEnds, AidLimit, ReportDue }

public sealed record Deadline(DateOnly Date, Guid ClusterId, string ClusterName, DeadlineKind Kind, string? Detail);

public enum OverviewSort { Name, Type, AgreementEnd, LastAllowedDay, Granted, Paid }

/// <summary>Which clusters the overview lists (all it may see when empty) and in which order.</summary>
public sealed record OverviewQuery(ClusterType? Type = null, bool OnlyFlagged = false, OverviewSort Sort = OverviewSort.Name, bool Desc = false);

/// <summary>One row per cluster and the deadlines of the next <see cref="GetAgreementOverview.DeadlineDays"/> days.</summary>
public sealed record AgreementOverviewData(IReadOnlyList<OverviewRow> Rows, IReadOnlyList<Deadline> Deadlines);

/// <summary>
/// The agency's view over all clusters it may see: agreement status, money granted and paid in the calendar
/// year, and the deadlines of the next 90 days (deposits, agreement ends, the 10-year limits). The money and the
/// deposit states are counted in SQL, one row per cluster (issue 18); only the clusters' agreements (a few per
/// cluster) are read, for the 10-year window the domain computes from their terms.
/// </summary>
public sealed class GetAgreementOverview(ClusterpactDbContext db, ClusterAccess access, AgreementRules agreements, TimeProvider clock,
    CurrentUser user, Infrastructure.ReadModels.ReadModelStore readModels) : IUseCase
{
    public const int DeadlineDays = 90;

    /// <summary>The data areas the overview reads (ReadModelTests checks them against its SQL).</summary>
    public static readonly IReadOnlyList<Infrastructure.ReadModels.ReadModelArea> Reads =
        [Infrastructure.ReadModels.ReadModelArea.Agreements, Infrastructure.ReadModels.ReadModelArea.Clusters, Infrastructure.ReadModels.ReadModelArea.Funding];

    public DateOnly Today => clock.TodayInBrussels();

    /// <summary>
    /// Kept per query until a change of the data it reads, or the next day (decision 0020), for those who see every
    /// cluster; a cluster's manager gets an answer of their own.
    /// </summary>
    public async Task<AgreementOverviewData> HandleAsync(OverviewQuery q, CancellationToken ct)
    {
        if (!user.SharesKeptAnswers) return await ComputeAsync(q, ct);
        var view = await readModels.ViewAsync(ct);
        return await view.GetAsync(nameof(GetAgreementOverview), q, Reads, (services, t) => services.GetRequiredService<GetAgreementOverview>().ComputeAsync(q, t), d => d.Rows.Count + d.Deadlines.Count + 1);
    }

    private async Task<AgreementOverviewData> ComputeAsync(OverviewQuery q, CancellationToken ct)
    {
        var today = Today;
        var yearFrom = new DateOnly(today.Year, 1, 1);
        var yearTo = new DateOnly(today.Year, 12, 31);
        var horizon = today.AddDays(DeadlineDays);
        var rules = await agreements.RulesAsync(ct);
        var visible = access.VisibleClusters().Where(c => q.Type == null || c.Type == q.Type);
        var clusters = await visible.AsNoTracking().Select(c => new { c.Id, c.Name, c.Type, c.Status }).ToListAsync(ct);
        // The agreements whole (the aid window's rule reads their terms and amendments): one query per owned list rather than
        // one whose rows multiply terms by amendments (EF's MultipleCollectionIncludeWarning).
        var own = (await db.SupportAgreements.AsNoTracking().Where(a => visible.Any(c => c.Id == a.ClusterId)).AsSplitQuery().ToListAsync(ct)).ToLookup(a => a.ClusterId);
        var years = from y in db.AgreementYears
                    join a in db.SupportAgreements on y.AgreementId equals a.Id
                    where visible.Any(c => c.Id == a.ClusterId)
                    select new { a.ClusterId, Year = y };

        // Money in the calendar year: aid granted for working years that start in it, aid paid in it.
        var granted = await years.Where(x => x.Year.YearStart >= yearFrom && x.Year.YearStart <= yearTo)
            .GroupBy(x => x.ClusterId).Select(g => new { g.Key, Sum = g.Sum(x => x.Year.GrantedAid) }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);
        var paid = await (from p in db.AidPayments
                          join a in db.SupportAgreements on p.AgreementId equals a.Id
                          where visible.Any(c => c.Id == a.ClusterId) && p.Status == PaymentStatus.Paid && p.PaidOn >= yearFrom && p.PaidOn <= yearTo
                          group p.AmountEur by a.ClusterId into g
                          select new { g.Key, Sum = g.Sum() }).ToDictionaryAsync(g => g.Key, g => g.Sum, ct);

        // The deposit rule of each working year begun by today (AgreementYear.DepositOn), in SQL: the worst per cluster,
        // and the periods still awaiting payment whose deadline falls within the horizon.
        var deposits = DepositStates.Of(years.Select(x => new DepositStates.Period { ClusterId = x.ClusterId, Year = x.Year }), today);
        var worst = await deposits.GroupBy(d => d.ClusterId).Select(g => new { g.Key, Worst = g.Max(d => d.Status) }).ToDictionaryAsync(g => g.Key, g => g.Worst, ct);
        var lastStart = CofinancingDeposit.LastStartWithDeadlineBy(horizon);
        var due = (await deposits.Where(d => (d.Status == DepositStatus.AwaitingPayment || d.Status == DepositStatus.DueSoon) && d.YearStart <= lastStart)
            .Select(d => new { d.ClusterId, d.YearStart, d.YearIndex }).ToListAsync(ct)).ToLookup(d => d.ClusterId);

        var rows = new List<OverviewRow>();
        var deadlines = new List<Deadline>();
        foreach (var c in clusters)
        {
            var agreementsOfCluster = own[c.Id].ToList();
            DateOnly? end = agreementsOfCluster.Count == 0 ? null : agreementsOfCluster.Max(a => a.End);
            var last = SupportAgreement.AidWindow(agreementsOfCluster, c.Type, rules)?.LastAllowedDay;
            var (yl, dl) = last is { } l ? SupportAgreement.TimeLeft(today, l) : (0, 0);
            var flagged = last is { } l2 && SupportAgreement.ReachesLimitWithin(today, l2, AgreementRules.LimitWarningMonths);
            rows.Add(new OverviewRow(c.Id, c.Name, c.Type, c.Status, end, last, yl, dl, flagged,
                granted.GetValueOrDefault(c.Id), paid.GetValueOrDefault(c.Id), worst.TryGetValue(c.Id, out var w) ? w : null));

            foreach (var year in due[c.Id].OrderBy(y => y.YearStart))
                deadlines.Add(new Deadline(CofinancingDeposit.Deadline(year.YearStart), c.Id, c.Name, DeadlineKind.DepositDue, year.YearIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (end is { } e && e >= today && e <= horizon) deadlines.Add(new Deadline(e, c.Id, c.Name, DeadlineKind.AgreementEnds, null));
            if (last is { } lim && lim >= today && lim <= horizon) deadlines.Add(new Deadline(lim, c.Id, c.Name, DeadlineKind.AidLimit, null));
        }
        IEnumerable<OverviewRow> result = q.OnlyFlagged ? rows.Where(r => r.LimitWithinAYear || r.WorstDeposit is DepositStatus.DueSoon or DepositStatus.Late) : rows;
        var desc = q.Desc;
        var ordered = q.Sort switch
        {
            OverviewSort.Type => desc ? result.OrderByDescending(r => EnumOrder.Rank(r.Type)).ThenBy(r => r.Name) : result.OrderBy(r => EnumOrder.Rank(r.Type)).ThenBy(r => r.Name),
            OverviewSort.AgreementEnd => desc ? result.OrderBy(r => r.AgreementEnd is null).ThenByDescending(r => r.AgreementEnd) : result.OrderBy(r => r.AgreementEnd is null).ThenBy(r => r.AgreementEnd),
            OverviewSort.LastAllowedDay => desc ? result.OrderBy(r => r.LastAllowedDay is null).ThenByDescending(r => r.LastAllowedDay) : result.OrderBy(r => r.LastAllowedDay is null).ThenBy(r => r.LastAllowedDay),
            OverviewSort.Granted => desc ? result.OrderByDescending(r => r.GrantedThisYear) : result.OrderBy(r => r.GrantedThisYear),
            OverviewSort.Paid => desc ? result.OrderByDescending(r => r.PaidThisYear) : result.OrderBy(r => r.PaidThisYear),
            _ => desc ? result.OrderByDescending(r => r.Name) : result.OrderBy(r => r.Name),
        };
        // Cluster names are unique: the name settles ties, so a page boundary never moves between requests.
        return new AgreementOverviewData(ordered.ThenBy(r => r.Name, StringComparer.Ordinal).ToList(), deadlines.OrderBy(d => d.Date).ThenBy(d => d.ClusterName).ToList());
    }
}
