namespace Clusterpact.Domain.Tests.Agreements;

public sealed class AgreementYearTests
{
    private static readonly FundingRuleSet Rules = FundingRuleSet.Default;
    private static readonly SupportAgreement Agreement =
        SupportAgreement.Create(Guid.CreateVersion7(), ClusterType.SpearheadCluster, new DateOnly(2024, 1, 15), new DateOnly(2027, 1, 14), "HF-1", new DateOnly(2024, 1, 15), Rules).Value!;

    private static AgreementYear Year(DateOnly start, decimal aid, decimal cofinancing, decimal costs, params AgreementYear[] others) =>
        AgreementYear.Plan(Agreement, others, start, aid, cofinancing, costs, 0, 0, 0, Rules).Value!;

    [Fact]
    public void A_year_is_checked_against_the_maximum_in_force_at_its_start_and_the_period_intensity()
    {
        Assert.Equal("Budget.AboveYearlyMaximum", AgreementYear.Plan(Agreement, [], new DateOnly(2024, 1, 15), 650_000.01m, 700_000m, 1_400_000m, 0, 0, 0, Rules).Error!.Code);
        var y1 = Year(new DateOnly(2024, 1, 15), 650_000m, 650_000m, 1_300_000m);
        // Year 2 alone at 60% is fine as long as the period stays at 50%... here it would not.
        var y2 = AgreementYear.Plan(Agreement, [y1], new DateOnly(2025, 1, 15), 600_000m, 500_000m, 1_000_000m, 0, 0, 0, Rules);
        Assert.Equal("Budget.IntensityAboveMaximum", y2.Error!.Code);
        Assert.Equal("Budget.YearExists", AgreementYear.Plan(Agreement, [y1], new DateOnly(2024, 1, 15), 1, 1, 2, 0, 0, 0, Rules).Error!.Code);
        Assert.Equal("Budget.YearOutsideAgreement", AgreementYear.Plan(Agreement, [y1], new DateOnly(2027, 1, 15), 1, 1, 2, 0, 0, 0, Rules).Error!.Code);
    }

    [Fact]
    public void The_deposit_follows_the_payments_recorded_and_a_lapse_needs_a_missed_deadline()
    {
        var year = Year(new DateOnly(2024, 1, 15), 500_000m, 500_000m, 1_000_000m); // 80% of 500,000 = 400,000 by 15-04-2024
        Assert.Equal("Cofinancing.NotLate", year.DecideLapse(new DateOnly(2024, 4, 15), "te laat").Error!.Code);
        year.RecordCofinancing(new DateOnly(2024, 3, 1), 399_999.99m, "OGM 123");
        Assert.Equal(DepositStatus.DueSoon, year.DepositOn(new DateOnly(2024, 4, 15)).Status);
        Assert.Equal(DepositStatus.Late, year.DepositOn(new DateOnly(2024, 4, 16)).Status);
        Assert.Equal("Cofinancing.LapseNeedsNote", year.DecideLapse(new DateOnly(2024, 4, 16), " ").Error!.Code);
        Assert.True(year.DecideLapse(new DateOnly(2024, 4, 16), "Beslissingscomité 30-04-2024: vervallen").IsSuccess);
        Assert.Equal(DepositStatus.Lapsed, year.DepositOn(new DateOnly(2024, 5, 1)).Status);
    }

    [Fact]
    public void Cofinancing_payments_are_positive_and_inside_the_year()
    {
        var year = Year(new DateOnly(2024, 1, 15), 500_000m, 500_000m, 1_000_000m);
        Assert.Equal("Cofinancing.AmountNotPositive", year.RecordCofinancing(new DateOnly(2024, 2, 1), 0, null).Error!.Code);
        Assert.Equal("Cofinancing.BeforeYear", year.RecordCofinancing(new DateOnly(2024, 1, 14), 10, null).Error!.Code);
        Assert.True(year.RecordCofinancing(new DateOnly(2024, 4, 15), 400_000m, null).IsSuccess);
        Assert.Equal(DepositStatus.OnTrack, year.DepositOn(new DateOnly(2024, 6, 1)).Status);
    }
}
