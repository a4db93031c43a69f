namespace Clusterpact.Domain.Tests.Funding;

public sealed class FundingRuleSetTests
{
    [Fact]
    public void A_rule_change_takes_effect_from_its_date_and_leaves_the_past_alone()
    {
        var rules = FundingRuleSet.Default;
        Assert.Equal(500_000m, rules.InForce(ClusterType.SpearheadCluster, new DateOnly(2023, 12, 31))!.MaxYearlyOperatingAid);
        Assert.Equal(650_000m, rules.InForce(ClusterType.SpearheadCluster, new DateOnly(2024, 1, 1))!.MaxYearlyOperatingAid);
        Assert.Equal(150_000m, rules.InForce(ClusterType.InnovativeBusinessNetwork, new DateOnly(2024, 6, 1))!.MaxYearlyOperatingAid);
        Assert.Null(rules.InForce(ClusterType.SpearheadCluster, new DateOnly(2016, 3, 3)));
    }

    [Fact]
    public void A_rule_change_mid_year_applies_to_agreement_years_starting_after_it()
    {
        var rules = new FundingRuleSet(FundingRuleSet.Default.Rules.Append(
            new FundingRule(ClusterType.SpearheadCluster, new DateOnly(2027, 7, 1), 700_000m, 0.5m, 0.5m, 3, 10, "test")));
        var costs = new Dictionary<EligibleCostCategory, decimal> { [EligibleCostCategory.Animation] = 1_400_000m };
        var yearStartingBefore = new AgreementYearBudget(1, new DateOnly(2027, 1, 1), 700_000m, costs, 700_000m);
        var yearStartingAfter = yearStartingBefore with { YearStart = new DateOnly(2027, 7, 1) };
        Assert.Equal("Budget.AboveYearlyMaximum", AidIntensity.CheckYear(yearStartingBefore, ClusterType.SpearheadCluster, rules).Error!.Code);
        Assert.True(AidIntensity.CheckYear(yearStartingAfter, ClusterType.SpearheadCluster, rules).IsSuccess);
    }
}

public sealed class AidIntensityTests
{
    private static Dictionary<EligibleCostCategory, decimal> Costs(decimal animation, decimal marketing = 0) =>
        new() { [EligibleCostCategory.Animation] = animation, [EligibleCostCategory.Marketing] = marketing };

    [Fact]
    public void Yearly_aid_cannot_pass_the_maximum_and_members_bring_at_least_half()
    {
        var rules = FundingRuleSet.Default;
        var ok = new AgreementYearBudget(1, new DateOnly(2020, 1, 1), 500_000m, Costs(800_000m, 200_000m), 500_000m);
        Assert.True(AidIntensity.CheckYear(ok, ClusterType.SpearheadCluster, rules).IsSuccess);
        Assert.Equal("Budget.AboveYearlyMaximum", AidIntensity.CheckYear(ok with { GrantedAid = 500_000.01m }, ClusterType.SpearheadCluster, rules).Error!.Code);
        Assert.Equal("Budget.CofinancingTooLow", AidIntensity.CheckYear(ok with { PlannedCofinancing = 499_999.99m }, ClusterType.SpearheadCluster, rules).Error!.Code);
        Assert.Equal("Budget.AboveYearlyMaximum", AidIntensity.CheckYear(ok with { GrantedAid = 150_000.01m, PlannedCofinancing = 600_000m }, ClusterType.InnovativeBusinessNetwork, rules).Error!.Code);
    }

    [Fact]
    public void Intensity_is_summed_over_the_whole_period_not_year_by_year()
    {
        // Year 1 at 60% and year 2 at 40%: 500k / 1,000k = 50% over the period, allowed.
        var y1 = new AgreementYearBudget(1, new DateOnly(2020, 1, 1), 300_000m, Costs(500_000m), 250_000m);
        var y2 = new AgreementYearBudget(2, new DateOnly(2021, 1, 1), 200_000m, Costs(500_000m), 300_000m);
        Assert.Equal(0.5m, AidIntensity.OverPeriod([y1, y2]));
        Assert.True(AidIntensity.CheckPeriod([y1, y2], 0.5m).IsSuccess);
        var y2More = y2 with { GrantedAid = 200_001m };
        Assert.Equal("Budget.IntensityAboveMaximum", AidIntensity.CheckPeriod([y1, y2More], 0.5m).Error!.Code);
    }
}

public sealed class CofinancingDepositTests
{
    private static readonly DateOnly Approval = new(2025, 1, 15);
    private const decimal Planned = 400_000m; // 80% = 320,000

    [Fact]
    public void The_deadline_is_three_months_after_approval_and_80_percent_is_required()
    {
        Assert.Equal(new DateOnly(2025, 4, 15), CofinancingDeposit.Deadline(Approval));
        Assert.Equal(320_000m, CofinancingDeposit.Required(Planned));
        Assert.Equal(new DateOnly(2025, 5, 31), CofinancingDeposit.Deadline(new DateOnly(2025, 2, 28)).AddDays(3)); // 28-05 + 3 days
    }

    [Theory]
    [InlineData(319_600, DepositStatus.Late)]      // 79.9%
    [InlineData(320_000, DepositStatus.OnTrack)]   // exactly 80%
    public void Eighty_percent_exactly_is_enough_and_less_is_not(decimal paid, DepositStatus afterDeadline)
    {
        var state = CofinancingDeposit.StatusOn(new DateOnly(2025, 4, 16), Approval, Planned, [new(new DateOnly(2025, 3, 1), paid)]);
        Assert.Equal(afterDeadline, state.Status);
    }

    [Fact]
    public void On_the_deadline_day_it_is_still_in_time_the_day_after_it_is_late()
    {
        CofinancingPayment[] payments = [new(new DateOnly(2025, 4, 15), 320_000m)];
        Assert.Equal(DepositStatus.OnTrack, CofinancingDeposit.StatusOn(new DateOnly(2025, 4, 15), Approval, Planned, payments).Status);
        Assert.Equal(DepositStatus.Late, CofinancingDeposit.StatusOn(new DateOnly(2025, 4, 16), Approval, Planned, []).Status);
        Assert.Equal(DepositStatus.DueSoon, CofinancingDeposit.StatusOn(new DateOnly(2025, 4, 14), Approval, Planned, []).Status);
    }

    [Fact]
    public void The_warning_window_opens_thirty_days_before_the_deadline()
    {
        Assert.Equal(DepositStatus.AwaitingPayment, CofinancingDeposit.StatusOn(new DateOnly(2025, 3, 15), Approval, Planned, []).Status);  // 31 days before
        Assert.Equal(DepositStatus.DueSoon, CofinancingDeposit.StatusOn(new DateOnly(2025, 3, 16), Approval, Planned, []).Status);  // 30 days before
    }

    [Fact]
    public void A_full_payment_after_the_deadline_is_paid_late_and_a_lapse_decision_overrides()
    {
        CofinancingPayment[] payments = [new(new DateOnly(2025, 3, 1), 100_000m), new(new DateOnly(2025, 5, 2), 220_000m)];
        var state = CofinancingDeposit.StatusOn(new DateOnly(2025, 6, 1), Approval, Planned, payments);
        Assert.Equal(DepositStatus.PaidLate, state.Status);
        Assert.Equal((100_000m, 320_000m, 0m), (state.PaidByDeadline, state.PaidSoFar, state.Shortfall));
        Assert.Equal(DepositStatus.Lapsed, CofinancingDeposit.StatusOn(new DateOnly(2025, 6, 1), Approval, Planned, payments, lapseDecided: true).Status);
    }

    [Fact]
    public void Payments_before_the_period_or_after_the_date_do_not_count()
    {
        CofinancingPayment[] payments = [new(new DateOnly(2025, 1, 14), 320_000m), new(new DateOnly(2025, 4, 1), 320_000m)];
        var state = CofinancingDeposit.StatusOn(new DateOnly(2025, 3, 31), Approval, Planned, payments);
        Assert.Equal(0m, state.PaidSoFar);
        Assert.Equal(DepositStatus.DueSoon, state.Status);
    }
}

/// <summary>The start bounds a query uses to select deposit periods by their deadline, held to <see cref="CofinancingDeposit.Deadline"/> day by day.</summary>
public sealed class DepositPeriodBoundTests
{
    [Fact]
    public void The_bounds_select_exactly_the_periods_whose_deadline_is_on_either_side_of_the_day()
    {
        // Every day of a leap year and the month ends around it, where adding three months clamps (30-11 -> 28/29-02).
        for (var day = new DateOnly(2023, 11, 1); day <= new DateOnly(2025, 3, 31); day = day.AddDays(1))
        {
            var from = CofinancingDeposit.FirstStartWithDeadlineFrom(day);
            var by = CofinancingDeposit.LastStartWithDeadlineBy(day);
            for (var start = day.AddMonths(-4); start <= day.AddMonths(-2); start = start.AddDays(1))
            {
                Assert.Equal(CofinancingDeposit.Deadline(start) >= day, start >= from);
                Assert.Equal(CofinancingDeposit.Deadline(start) <= day, start <= by);
            }
        }
    }
}

public sealed class AidPaymentTests
{
    private static readonly Guid Officer = Guid.CreateVersion7();
    private static readonly Guid Colleague = Guid.CreateVersion7();
    private static readonly FundingRuleSet Rules = FundingRuleSet.Default;

    private static AgreementYear Year(decimal granted)
    {
        var agreement = SupportAgreement.Create(Guid.CreateVersion7(), ClusterType.SpearheadCluster, new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), "HF-1", new DateOnly(2025, 1, 1), Rules).Value!;
        return AgreementYear.Plan(agreement, [], new DateOnly(2025, 1, 1), granted, granted, 2 * granted, 0, 0, 0, Rules).Value!;
    }

    private static AidPayment Requested(decimal amount = 100_000m) => Year(500_000m).RequestPayment(amount, [], Officer, new DateOnly(2025, 2, 1)).Value!;

    [Fact]
    public void The_requester_cannot_approve_or_reject_their_own_payment()
    {
        var p = Requested();
        Assert.Equal("Payment.FourEyes", p.Take(AidPayment.Approve, Actors.Agency, Officer, default).Error!.Code);
        Assert.Equal("Payment.FourEyes", p.Take(AidPayment.Reject, Actors.Agency, Officer, default).Error!.Code);
        Assert.Equal(PaymentStatus.Requested, p.Status);
        Assert.True(p.Take(AidPayment.Approve, Actors.Agency, Colleague, default).IsSuccess);
        Assert.Equal((PaymentStatus.Approved, (Guid?)Colleague), (p.Status, p.DecidedBy));
        Assert.True(p.Take(AidPayment.MarkPaid, Actors.Agency, Officer, new DateOnly(2025, 2, 10)).IsSuccess);
        Assert.Equal((PaymentStatus.Paid, (DateOnly?)new DateOnly(2025, 2, 10)), (p.Status, p.PaidOn));
    }

    /// <summary>Every (state, step, actor) of the payment table against what the policy says: only agency staff act, in this order.</summary>
    [Fact]
    public void The_payment_table_allows_exactly_the_expected_steps()
    {
        var expected = new Dictionary<(PaymentStatus, string), PaymentStatus>
        {
            [(PaymentStatus.Requested, AidPayment.Approve)] = PaymentStatus.Approved,
            [(PaymentStatus.Requested, AidPayment.Reject)] = PaymentStatus.Rejected,
            [(PaymentStatus.Approved, AidPayment.MarkPaid)] = PaymentStatus.Paid,
        };
        Assert.Equal([AidPayment.Approve, AidPayment.Reject, AidPayment.MarkPaid], AidPayment.Lifecycle.StepNames);
        foreach (var state in Enum.GetValues<PaymentStatus>())
        foreach (var step in AidPayment.Lifecycle.StepNames)
        foreach (var actor in Enum.GetValues<Actor>())
        {
            var check = AidPayment.Lifecycle.Check(state, step, actor, null);
            var allowed = expected.TryGetValue((state, step), out var to) && actor == Actor.Agency;
            Assert.True(allowed == check.IsSuccess, $"{state} --{step}--> as {actor}: expected {(allowed ? "allowed" : "refused")}");
            if (allowed) Assert.Equal(to, check.Value!.To);
            else Assert.Equal(expected.ContainsKey((state, step)) ? Lifecycle<PaymentStatus>.NotYourStep : $"Payment.Step.{step}.NotAllowed", check.Error!.Code);
        }
    }

    [Fact]
    public void A_wrong_step_is_refused_by_the_table_and_changes_nothing()
    {
        var p = Requested();
        Assert.Equal("Payment.Step.MarkPaid.NotAllowed", p.Take(AidPayment.MarkPaid, Actors.Agency, Colleague, new DateOnly(2025, 2, 2)).Error!.Code);
        Assert.Equal(Lifecycle<PaymentStatus>.NotYourStep, p.Take(AidPayment.Approve, new HashSet<Actor> { Actor.ClusterManager }, Colleague, default).Error!.Code);
        Assert.Equal(Lifecycle<PaymentStatus>.UnknownStep, p.Take("Pay", Actors.Agency, Colleague, default).Error!.Code);
        Assert.Equal((PaymentStatus.Requested, (Guid?)null, (DateOnly?)null), (p.Status, p.DecidedBy, p.PaidOn));
    }

    [Fact]
    public void A_tranche_cannot_exceed_what_is_left_of_the_granted_aid_and_a_rejected_one_gives_it_back()
    {
        var year = Year(500_000m);
        var first = year.RequestPayment(300_000m, [], Officer, default).Value!;
        Assert.True(year.RequestPayment(200_000m, [first], Officer, default).IsSuccess);
        Assert.Equal("Payment.AboveGranted", year.RequestPayment(200_000.01m, [first], Officer, default).Error!.Code);
        Assert.Equal("Payment.AmountNotPositive", year.RequestPayment(0m, [], Officer, default).Error!.Code);
        // Payments of another year of the agreement do not count against this one.
        var other = Year(500_000m).RequestPayment(500_000m, [], Officer, default).Value!;
        Assert.True(year.RequestPayment(200_000m, [first, other], Officer, default).IsSuccess);
        Assert.True(first.Take(AidPayment.Reject, Actors.Agency, Colleague, default).IsSuccess);
        Assert.True(year.RequestPayment(500_000m, [first], Officer, default).IsSuccess);
        var asked = year.RequestPayment(1m, [], Officer, new DateOnly(2025, 3, 1)).Value!;
        Assert.Equal((year.AgreementId, year.YearIndex, PaymentStatus.Requested, Officer, new DateOnly(2025, 3, 1)), (asked.AgreementId, asked.YearIndex, asked.Status, asked.RequestedBy, asked.RequestedOn));
    }
}

public sealed class FundingRuleChangeTests
{
    private static FundingRule Rule(DateOnly from, decimal max = 700_000m, int term = 3, int total = 10) =>
        new(ClusterType.SpearheadCluster, from, max, 0.5m, 0.5m, term, total, "Besluit Vlaamse Regering");

    [Fact]
    public void A_new_rule_takes_effect_only_after_the_day_it_is_decided_and_after_the_latest_rule()
    {
        var rules = FundingRuleSet.Default;
        var decided = new DateOnly(2026, 11, 22);
        Assert.Equal("Funding.RuleRetroactive", rules.CheckChange(Rule(decided), decided).Error!.Code);
        Assert.Equal("Funding.RuleRetroactive", rules.CheckChange(Rule(new DateOnly(2025, 1, 1)), decided).Error!.Code);
        Assert.True(rules.CheckChange(Rule(decided.AddDays(1)), decided).IsSuccess);
        // Decided long ago but dated before the 2024 rule: refused, the 2024 rule stays the latest.
        Assert.Equal("Funding.RuleNotAfterLatest", rules.CheckChange(Rule(new DateOnly(2023, 6, 1)), new DateOnly(2023, 1, 1)).Error!.Code);
    }

    [Fact]
    public void A_new_rule_needs_sensible_figures_and_a_source()
    {
        var rules = FundingRuleSet.Default;
        var on = new DateOnly(2026, 11, 22);
        var from = new DateOnly(2027, 1, 1);
        Assert.Equal("Funding.RuleFiguresInvalid", rules.CheckChange(Rule(from, max: 0), on).Error!.Code);
        Assert.Equal("Funding.RuleFiguresInvalid", rules.CheckChange(Rule(from, term: 4, total: 3), on).Error!.Code);
        Assert.Equal("Funding.RuleSharesInvalid", rules.CheckChange(Rule(from) with { MaxAidIntensity = 1.2m }, on).Error!.Code);
        Assert.Equal("Funding.RuleSourceRequired", rules.CheckChange(Rule(from) with { Source = " " }, on).Error!.Code);
    }
}
