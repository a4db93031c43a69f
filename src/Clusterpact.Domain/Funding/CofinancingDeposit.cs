namespace Clusterpact.Domain.Funding;

/// <summary>
/// AwaitingPayment: short of 80% with the deadline still beyond the warning window; OnTrack: 80% paid by the deadline.
/// </summary>
public enum DepositStatus { AwaitingPayment, DueSoon, OnTrack, Late, PaidLate, Lapsed }

/// <summary>A payment of cofinancing into the cluster organisation's account.</summary>
public sealed record CofinancingPayment(DateOnly PaidOn, decimal AmountEur);

/// <summary>Where a deposit period stands on a date.</summary>
public sealed record DepositState(DepositStatus Status, DateOnly Deadline, decimal Required, decimal PaidByDeadline, decimal PaidSoFar)
{
    public decimal Shortfall => Math.Max(0, Required - PaidSoFar);
}

/// <summary>
/// The deposit rule (SERV advice on the concept note, §4.2.1; concept note §7.1-7.2): after approval, and then at the
/// start of every project year, the cluster organisation has 3 months to pay in 80% of the cofinancing planned for
/// the next 12 months; if not, the support decision lapses or may lapse.
/// </summary>
public static class CofinancingDeposit
{
    public const decimal RequiredShare = 0.80m;
    public const int MonthsToPay = 3;
    public const int DefaultWarningDays = 30;

    /// <summary>
    /// The last day to pay. A term in months runs from the day after the event "to the day before the same date"
    /// (Gerechtelijk Wetboek art. 52 and 54), so 3 months from approval on 15 January end on 15 April, included.
    /// </summary>
    public static DateOnly Deadline(DateOnly periodStart) => periodStart.AddMonths(MonthsToPay);

    /// <summary>
    /// The first period start whose deadline falls on or after <paramref name="day"/>. Deadlines grow with the start, so a
    /// period starting on or after it still has time on that day: a query can select such periods by their start alone.
    /// </summary>
    public static DateOnly FirstStartWithDeadlineFrom(DateOnly day)
    {
        var start = day.AddMonths(-MonthsToPay);
        while (Deadline(start.AddDays(-1)) >= day) start = start.AddDays(-1);
        while (Deadline(start) < day) start = start.AddDays(1);
        return start;
    }

    /// <summary>The last period start whose deadline falls on or before <paramref name="day"/> (see <see cref="FirstStartWithDeadlineFrom"/>).</summary>
    public static DateOnly LastStartWithDeadlineBy(DateOnly day)
    {
        var start = day.AddMonths(-MonthsToPay);
        while (Deadline(start.AddDays(1)) <= day) start = start.AddDays(1);
        while (Deadline(start) > day) start = start.AddDays(-1);
        return start;
    }

    /// <summary>80% of the next 12 months' planned cofinancing, to the cent.</summary>
    public static decimal Required(decimal plannedCofinancingNext12Months) => Math.Round(plannedCofinancingNext12Months * RequiredShare, 2, MidpointRounding.AwayFromZero);

    /// <summary>
    /// The status on a date. Paid in time (by the deadline, included) is on track; short of it: awaiting payment,
    /// then due soon within the warning window, late after the deadline; paid in full only after the deadline is "paid late" (the agency
    /// decides on the lapse); a recorded lapse decision overrides all.
    /// </summary>
    public static DepositState StatusOn(DateOnly on, DateOnly periodStart, decimal plannedCofinancingNext12Months, IEnumerable<CofinancingPayment> payments,
        bool lapseDecided = false, int warningDays = DefaultWarningDays)
    {
        var deadline = Deadline(periodStart);
        var required = Required(plannedCofinancingNext12Months);
        var counted = payments.Where(p => p.PaidOn >= periodStart && p.PaidOn <= on).ToList();
        var byDeadline = counted.Where(p => p.PaidOn <= deadline).Sum(p => p.AmountEur);
        var soFar = counted.Sum(p => p.AmountEur);
        DepositStatus status;
        if (lapseDecided) status = DepositStatus.Lapsed;
        else if (byDeadline >= required) status = DepositStatus.OnTrack;
        else if (on <= deadline) status = deadline.DayNumber - on.DayNumber <= warningDays ? DepositStatus.DueSoon : DepositStatus.AwaitingPayment;
        else status = soFar >= required ? DepositStatus.PaidLate : DepositStatus.Late;
        return new DepositState(status, deadline, required, byDeadline, soFar);
    }
}
