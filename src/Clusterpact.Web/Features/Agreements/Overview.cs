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

/// <summary>
/// The agency's view over all clusters it may see: agreement status, money granted and paid in the calendar
/// year, and the deadlines of the next 90 days (deposits, agreement ends, the 10-year limits).
/// </summary>
public sealed class AgreementOverview(ClusterpactDbContext db, ClusterAccess access, AgreementRules agreements, TimeProvider clock)
{
    public const int DeadlineDays = 90;

    public DateOnly Today => clock.TodayInBrussels();

    public async Task<(IReadOnlyList<OverviewRow> Rows, IReadOnlyList<Deadline> Deadlines)> BuildAsync(ClusterType? type, bool onlyFlagged, OverviewSort sort, bool desc, CancellationToken ct)
    {
        var today = Today;
        var yearFrom = new DateOnly(today.Year, 1, 1);
        var yearTo = new DateOnly(today.Year, 12, 31);
        var rules = await agreements.RulesAsync(ct);
        var clusters = await access.VisibleClusters().AsNoTracking().Where(c => type == null || c.Type == type)
            .Select(c => new { c.Id, c.Name, c.Type, c.Status }).ToListAsync(ct);
        var ids = clusters.Select(c => c.Id).ToList();
        var all = await db.SupportAgreements.AsNoTracking().Where(a => ids.Contains(a.ClusterId)).ToListAsync(ct);
        var agreementIds = all.Select(a => a.Id).ToList();
        var years = await db.AgreementYears.AsNoTracking().Where(y => agreementIds.Contains(y.AgreementId)).ToListAsync(ct);
        // Money in the calendar year: aid granted for working years that start in it, aid paid in it (sums in SQL).
        var granted = await db.AgreementYears.Where(y => agreementIds.Contains(y.AgreementId) && y.YearStart >= yearFrom && y.YearStart <= yearTo)
            .GroupBy(y => y.AgreementId).Select(g => new { g.Key, Sum = g.Sum(y => y.GrantedAid) }).ToListAsync(ct);
        var paid = await db.AidPayments.Where(p => agreementIds.Contains(p.AgreementId) && p.Status == PaymentStatus.Paid && p.PaidOn >= yearFrom && p.PaidOn <= yearTo)
            .GroupBy(p => p.AgreementId).Select(g => new { g.Key, Sum = g.Sum(p => p.AmountEur) }).ToListAsync(ct);

        var rows = new List<OverviewRow>();
        var deadlines = new List<Deadline>();
        var horizon = today.AddDays(DeadlineDays);
        foreach (var c in clusters)
        {
            var own = all.Where(a => a.ClusterId == c.Id).ToList();
            DateOnly? end = own.Count == 0 ? null : own.Max(a => a.End);
            var last = SupportAgreement.AidWindow(own, c.Type, rules)?.LastAllowedDay;
            var (yl, dl) = last is { } l ? SupportAgreement.TimeLeft(today, l) : (0, 0);
            var flagged = last is { } l2 && SupportAgreement.ReachesLimitWithin(today, l2, AgreementRules.LimitWarningMonths);
            var ownYears = years.Where(y => own.Any(a => a.Id == y.AgreementId)).ToList();
            var states = ownYears.Where(y => y.YearStart <= today).Select(y => (Year: y, State: y.DepositOn(today))).ToList();
            DepositStatus? worst = states.Count == 0 ? null : states.Max(s => s.State.Status);
            var ownIds = own.Select(a => a.Id).ToHashSet();
            rows.Add(new OverviewRow(c.Id, c.Name, c.Type, c.Status, end, last, yl, dl, flagged,
                granted.Where(g => ownIds.Contains(g.Key)).Sum(g => g.Sum), paid.Where(p => ownIds.Contains(p.Key)).Sum(p => p.Sum), worst));

            foreach (var (year, state) in states.Where(s => s.State.Status is DepositStatus.AwaitingPayment or DepositStatus.DueSoon && s.State.Deadline <= horizon))
                deadlines.Add(new Deadline(state.Deadline, c.Id, c.Name, DeadlineKind.DepositDue, year.YearIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            if (end is { } e && e >= today && e <= horizon) deadlines.Add(new Deadline(e, c.Id, c.Name, DeadlineKind.AgreementEnds, null));
            if (last is { } lim && lim >= today && lim <= horizon) deadlines.Add(new Deadline(lim, c.Id, c.Name, DeadlineKind.AidLimit, null));
        }
        IEnumerable<OverviewRow> result = onlyFlagged ? rows.Where(r => r.LimitWithinAYear || r.WorstDeposit is DepositStatus.DueSoon or DepositStatus.Late) : rows;
        var ordered = (sort, desc) switch
        {
            (OverviewSort.Type, _) => desc ? result.OrderByDescending(r => r.Type).ThenBy(r => r.Name) : result.OrderBy(r => r.Type).ThenBy(r => r.Name),
            (OverviewSort.AgreementEnd, _) => desc ? result.OrderBy(r => r.AgreementEnd is null).ThenByDescending(r => r.AgreementEnd) : result.OrderBy(r => r.AgreementEnd is null).ThenBy(r => r.AgreementEnd),
            (OverviewSort.LastAllowedDay, _) => desc ? result.OrderBy(r => r.LastAllowedDay is null).ThenByDescending(r => r.LastAllowedDay) : result.OrderBy(r => r.LastAllowedDay is null).ThenBy(r => r.LastAllowedDay),
            (OverviewSort.Granted, _) => desc ? result.OrderByDescending(r => r.GrantedThisYear) : result.OrderBy(r => r.GrantedThisYear),
            (OverviewSort.Paid, _) => desc ? result.OrderByDescending(r => r.PaidThisYear) : result.OrderBy(r => r.PaidThisYear),
            _ => desc ? result.OrderByDescending(r => r.Name) : result.OrderBy(r => r.Name),
        };
        // Cluster names are unique: the name settles ties, so a page boundary never moves between requests.
        return (ordered.ThenBy(r => r.Name, StringComparer.Ordinal).ToList(), deadlines.OrderBy(d => d.Date).ThenBy(d => d.ClusterName).ToList());
    }
}
