namespace Clusterpact.Domain.Agreements;

/// <summary>
/// One year of a support agreement: the operating aid granted, the eligible costs per category, the members'
/// cofinancing plan, the cofinancing paid in, and a lapse decision when the deposit rule was not met.
/// </summary>
public sealed class AgreementYear : IAuditable, IRecordedFact
{
    private readonly List<CofinancingPaymentRecord> _payments = [];

    public const int LapseNoteMaxLength = 1000;

    private AgreementYear() { }

    public Guid Id { get; private set; }
    public long Version { get; private set; }

    /// <summary>When the working year was entered.</summary>
    public DateTimeOffset? RecordedAt { get; private set; }

    void IRecordedFact.Recorded(DateTimeOffset at) => RecordedAt = at;
    public Guid AgreementId { get; private set; }
    public int YearIndex { get; private set; }

    /// <summary>First day of the project year; the deposit period starts here (for year 1: the approval date).</summary>
    public DateOnly YearStart { get; private set; }

    public decimal GrantedAid { get; private set; }
    public decimal PlannedCofinancing { get; private set; }
    public decimal AnimationCosts { get; private set; }
    public decimal MarketingCosts { get; private set; }
    public decimal FacilityCosts { get; private set; }
    public decimal TrainingCosts { get; private set; }
    public bool LapseDecided { get; private set; }
    public string? LapseDecisionNote { get; private set; }
    /// <summary>The payments by the day they were paid (not the order a database returns them in).</summary>
    public IReadOnlyList<CofinancingPaymentRecord> CofinancingPayments => _payments.OrderBy(p => p.PaidOn).ThenBy(p => p.Id).ToList();

    public AgreementYearBudget Budget => new(YearIndex, YearStart, GrantedAid, new Dictionary<EligibleCostCategory, decimal>
    {
        [EligibleCostCategory.Animation] = AnimationCosts, [EligibleCostCategory.Marketing] = MarketingCosts,
        [EligibleCostCategory.FacilityManagement] = FacilityCosts, [EligibleCostCategory.TrainingAndNetworking] = TrainingCosts,
    }, PlannedCofinancing);

    /// <summary>
    /// A year's budget, checked against the rules in force at the year's start and, with the agreement's other years,
    /// against the aid intensity over the whole period.
    /// </summary>
    public static Result<AgreementYear> Plan(SupportAgreement agreement, IReadOnlyList<AgreementYear> otherYears, DateOnly yearStart, decimal grantedAid,
        decimal plannedCofinancing, decimal animation, decimal marketing, decimal facilities, decimal training, FundingRuleSet rules)
    {
        if (DomainRange.FirstOf(DomainRange.Date(yearStart, nameof(yearStart)), DomainRange.Amount(grantedAid, nameof(grantedAid)),
                DomainRange.Amount(plannedCofinancing, nameof(plannedCofinancing)), DomainRange.Amount(animation, nameof(animation)),
                DomainRange.Amount(marketing, nameof(marketing)), DomainRange.Amount(facilities, nameof(facilities)), DomainRange.Amount(training, nameof(training))) is { } outOfRange)
            return Result<AgreementYear>.Fail(outOfRange);
        if (yearStart < agreement.Start || yearStart > agreement.End) return Result<AgreementYear>.Fail(new DomainError("Budget.YearOutsideAgreement"));
        if (otherYears.Any(y => y.YearStart == yearStart)) return Result<AgreementYear>.Fail(new DomainError("Budget.YearExists"));
        var year = new AgreementYear
        {
            Id = Guid.CreateVersion7(), AgreementId = agreement.Id, YearIndex = otherYears.Count(y => y.YearStart < yearStart) + 1, YearStart = yearStart,
            GrantedAid = grantedAid, PlannedCofinancing = plannedCofinancing, AnimationCosts = animation, MarketingCosts = marketing,
            FacilityCosts = facilities, TrainingCosts = training,
        };
        var check = AidIntensity.CheckYear(year.Budget, agreement.ClusterType, rules);
        if (!check.IsSuccess) return Result<AgreementYear>.Fail(check.Error!);
        var rule = rules.InForce(agreement.ClusterType, yearStart)!;
        var period = AidIntensity.CheckPeriod(otherYears.Select(y => y.Budget).Append(year.Budget), rule.MaxAidIntensity);
        return period.IsSuccess ? Result<AgreementYear>.Ok(year) : Result<AgreementYear>.Fail(period.Error!);
    }

    public Result RecordCofinancing(DateOnly paidOn, decimal amount, string? reference)
    {
        if (amount <= 0) return Result.Fail(new DomainError("Cofinancing.AmountNotPositive"));
        if (DomainRange.FirstOf(DomainRange.Amount(amount, nameof(amount)), DomainRange.Date(paidOn, nameof(paidOn)),
                DomainRange.Text(reference, CofinancingPaymentRecord.ReferenceMaxLength, nameof(reference))) is { } outOfRange) return Result.Fail(outOfRange);
        if (paidOn < YearStart) return Result.Fail(new DomainError("Cofinancing.BeforeYear"));
        _payments.Add(new CofinancingPaymentRecord(Guid.CreateVersion7(), paidOn, amount, string.IsNullOrWhiteSpace(reference) ? null : reference.Trim()));
        return Result.Success;
    }

    /// <summary>
    /// Requests a tranche of this year's aid: never more, with what is already requested, approved or paid, than the
    /// aid granted for the year. The year is the aggregate of this rule: the caller saves it with the new payment, so its
    /// version rises and of two requests that both read the same payments, the second fails instead of both passing.
    /// </summary>
    public Result<AidPayment> RequestPayment(decimal amount, IEnumerable<AidPayment> payments, Guid requestedBy, DateOnly on)
    {
        if (amount <= 0) return Result<AidPayment>.Fail(new DomainError("Payment.AmountNotPositive"));
        if (DomainRange.Amount(amount, nameof(amount)) is { } outOfRange) return Result<AidPayment>.Fail(outOfRange);
        var committed = payments.Where(p => p.AgreementId == AgreementId && p.YearIndex == YearIndex && p.Counts).Sum(p => p.AmountEur);
        if (committed + amount > GrantedAid) return Result<AidPayment>.Fail(new DomainError("Payment.AboveGranted"));
        return Result<AidPayment>.Ok(AidPayment.Requested(AgreementId, YearIndex, amount, requestedBy, on));
    }

    public DepositState DepositOn(DateOnly on, int warningDays = CofinancingDeposit.DefaultWarningDays) =>
        CofinancingDeposit.StatusOn(on, YearStart, PlannedCofinancing, _payments.Select(p => new CofinancingPayment(p.PaidOn, p.AmountEur)), LapseDecided, warningDays);

    /// <summary>Records that the support decision lapsed for this year (concept note §7.1-7.2), only once the deadline has passed unmet.</summary>
    public Result DecideLapse(DateOnly on, string note)
    {
        if (string.IsNullOrWhiteSpace(note)) return Result.Fail(new DomainError("Cofinancing.LapseNeedsNote"));
        if (DomainRange.Text(note, LapseNoteMaxLength, nameof(note)) is { } tooLong) return Result.Fail(tooLong);
        if (DepositOn(on).Status is not (DepositStatus.Late or DepositStatus.PaidLate)) return Result.Fail(new DomainError("Cofinancing.NotLate"));
        LapseDecided = true;
        LapseDecisionNote = note.Trim();
        return Result.Success;
    }
}

/// <summary>A cofinancing amount paid in by the members, with the bank reference.</summary>
public sealed record CofinancingPaymentRecord(Guid Id, DateOnly PaidOn, decimal AmountEur, string? Reference)
{
    public const int ReferenceMaxLength = 100;
}
