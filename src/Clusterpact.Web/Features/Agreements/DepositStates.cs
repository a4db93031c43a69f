namespace Clusterpact.Web.Features.Agreements;

/// <summary>
/// The deposit rule (<see cref="CofinancingDeposit.StatusOn"/>, as <see cref="AgreementYear.DepositOn"/> applies it) as a
/// query over working years, so a list of every cluster's deposits is counted where the payments are (issue 18).
/// Its translation is held to the domain rule year by year (DepositStatesTests), on SQLite and PostgreSQL.
/// </summary>
public static class DepositStates
{
    /// <summary>A working year and the cluster whose agreement it belongs to.</summary>
    public sealed class Period
    {
        public Guid ClusterId { get; init; }
        public AgreementYear Year { get; init; } = null!;
    }

    public sealed class State
    {
        public Guid ClusterId { get; init; }
        public Guid YearId { get; init; }
        public DateOnly YearStart { get; init; }
        public int YearIndex { get; init; }
        public DepositStatus Status { get; init; }
    }

    /// <summary>
    /// Half a cent: the amount required is 80% rounded to the cent, half away from zero, and amounts paid are whole
    /// cents, so "paid >= rounded(80%)" is "80% &lt; paid + half a cent", which needs no rounding in SQL.
    /// </summary>
    private const decimal HalfCent = 0.005m;

    /// <summary>The state on <paramref name="today"/> of each working year begun by then.</summary>
    public static IQueryable<State> Of(IQueryable<Period> periods, DateOnly today)
    {
        // Deadlines grow with the start: "the deadline is on or after today" and "... within the warning days" are start bounds.
        var open = CofinancingDeposit.FirstStartWithDeadlineFrom(today);
        var soon = CofinancingDeposit.LastStartWithDeadlineBy(today.AddDays(CofinancingDeposit.DefaultWarningDays));
        const int months = CofinancingDeposit.MonthsToPay;
        return periods.Where(p => p.Year.YearStart <= today)
            .Select(p => new
            {
                p.ClusterId,
                p.Year.Id,
                p.Year.YearStart,
                p.Year.YearIndex,
                p.Year.LapseDecided,
                Required = p.Year.PlannedCofinancing * CofinancingDeposit.RequiredShare,
                // Paid by the deadline: a payment's month comes before the deadline's, or is its month up to the start's day
                // (adding months keeps the day or clamps it to the month's end, and no payment lies past a month's end).
                ByDeadline = p.Year.CofinancingPayments
                    .Where(c => c.PaidOn >= p.Year.YearStart && c.PaidOn <= today
                        && (c.PaidOn.Year * 12 + c.PaidOn.Month < p.Year.YearStart.Year * 12 + p.Year.YearStart.Month + months
                            || (c.PaidOn.Year * 12 + c.PaidOn.Month == p.Year.YearStart.Year * 12 + p.Year.YearStart.Month + months && c.PaidOn.Day <= p.Year.YearStart.Day)))
                    .Sum(c => (decimal?)c.AmountEur) ?? 0m,
                SoFar = p.Year.CofinancingPayments.Where(c => c.PaidOn >= p.Year.YearStart && c.PaidOn <= today).Sum(c => (decimal?)c.AmountEur) ?? 0m,
            })
            .Select(x => new State
            {
                ClusterId = x.ClusterId,
                YearId = x.Id,
                YearStart = x.YearStart,
                YearIndex = x.YearIndex,
                Status = x.LapseDecided ? DepositStatus.Lapsed
                    : x.Required < x.ByDeadline + HalfCent ? DepositStatus.OnTrack
                    : x.YearStart >= open ? (x.YearStart <= soon ? DepositStatus.DueSoon : DepositStatus.AwaitingPayment)
                    : x.Required < x.SoFar + HalfCent ? DepositStatus.PaidLate : DepositStatus.Late,
            });
    }
}
