using Clusterpact.Domain.Clusters;
using Clusterpact.Domain.Funding;

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

public sealed class AidPaymentTests
{
    private static readonly Guid Officer = Guid.CreateVersion7();
    private static readonly Guid Colleague = Guid.CreateVersion7();

    [Fact]
    public void The_requester_cannot_approve_their_own_payment()
    {
        var p = AidPayment.Request(Guid.CreateVersion7(), 1, 100_000m, 500_000m, 0m, Officer, new DateOnly(2025, 2, 1)).Value!;
        Assert.Equal("Payment.FourEyes", p.Approve(Officer).Error!.Code);
        Assert.Equal(PaymentStatus.Requested, p.Status);
        Assert.True(p.Approve(Colleague).IsSuccess);
        Assert.Equal((PaymentStatus.Approved, (Guid?)Colleague), (p.Status, p.DecidedBy));
    }

    [Fact]
    public void Payments_follow_their_lifecycle_and_refuse_wrong_steps()
    {
        var p = AidPayment.Request(Guid.CreateVersion7(), 1, 100_000m, 500_000m, 0m, Officer, new DateOnly(2025, 2, 1)).Value!;
        Assert.Equal("Payment.CannotPaidFromRequested", p.MarkPaid(new DateOnly(2025, 2, 2)).Error!.Code);
        p.Approve(Colleague);
        Assert.True(p.MarkPaid(new DateOnly(2025, 2, 10)).IsSuccess);
        Assert.Equal("Payment.CannotApprovedFromPaid", p.Approve(Colleague).Error!.Code);
        Assert.Equal("Payment.CannotRejectedFromPaid", p.Reject(Colleague).Error!.Code);
    }

    [Fact]
    public void A_tranche_cannot_exceed_what_is_left_of_the_granted_aid()
    {
        Assert.True(AidPayment.Request(Guid.CreateVersion7(), 1, 200_000m, 500_000m, 300_000m, Officer, default).IsSuccess);
        Assert.Equal("Payment.AboveGranted", AidPayment.Request(Guid.CreateVersion7(), 1, 200_000.01m, 500_000m, 300_000m, Officer, default).Error!.Code);
        Assert.Equal("Payment.AmountNotPositive", AidPayment.Request(Guid.CreateVersion7(), 1, 0m, 500_000m, 0m, Officer, default).Error!.Code);
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
