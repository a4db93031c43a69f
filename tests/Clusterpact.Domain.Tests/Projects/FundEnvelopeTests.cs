namespace Clusterpact.Domain.Tests.Projects;

public class FundEnvelopeTests
{
    private static readonly Guid Cluster = Guid.NewGuid();
    private static readonly DateOnly Day = new(2020, 3, 1);

    private static FundEnvelope Earmarked(decimal amount) => FundEnvelope.Open(EnvelopeKind.ClusterEarmarked, Cluster, 2020, amount, "2020 competitiveness programme").Value!;

    [Fact]
    public void Commitments_add_up_and_the_rest_remains()
    {
        var e = Earmarked(8_000_000m);
        Assert.True(e.Commit(Guid.NewGuid(), 3_000_000m, Day).IsSuccess);
        Assert.True(e.Commit(Guid.NewGuid(), 4_500_000m, Day).IsSuccess);
        Assert.Equal(7_500_000m, e.Committed);
        Assert.Equal(500_000m, e.Remaining);
    }

    [Fact]
    public void A_commitment_beyond_what_is_left_is_refused_and_changes_nothing()
    {
        var e = Earmarked(8_000_000m);
        e.Commit(Guid.NewGuid(), 7_999_999.99m, Day);
        var refused = e.Commit(Guid.NewGuid(), 0.02m, Day);
        Assert.Equal("Envelope.Overspend", refused.Error!.Code);
        Assert.Equal(7_999_999.99m, e.Committed);
        Assert.Single(e.Commitments);
    }

    [Fact]
    public void Exactly_the_remaining_amount_can_be_committed()
    {
        var e = Earmarked(1_000m);
        Assert.True(e.Commit(Guid.NewGuid(), 1_000m, Day).IsSuccess);
        Assert.Equal(0m, e.Remaining);
    }

    [Fact]
    public void A_release_frees_room_for_another_project_but_never_what_was_paid()
    {
        var e = Earmarked(1_000_000m);
        var a = Guid.NewGuid();
        e.Commit(a, 1_000_000m, Day);
        Assert.True(e.Pay(a, 300_000m).IsSuccess);
        Assert.Equal("Envelope.ReleaseAbovePaid", e.Release(a, 700_000.01m).Error!.Code);
        Assert.True(e.Release(a, 200_000m).IsSuccess);
        Assert.Equal(800_000m, e.Committed);
        Assert.True(e.Commit(Guid.NewGuid(), 200_000m, Day).IsSuccess);
        Assert.Equal("Envelope.Overspend", e.Commit(Guid.NewGuid(), 1m, Day).Error!.Code);
    }

    [Fact]
    public void Releasing_the_unpaid_part_of_a_stopped_project_keeps_the_paid_part()
    {
        var e = Earmarked(500_000m);
        var a = Guid.NewGuid();
        e.Commit(a, 400_000m, Day);
        e.Pay(a, 150_000m);
        Assert.Equal(250_000m, e.ReleaseUnpaid(a));
        Assert.Equal(150_000m, e.Committed);
        Assert.Equal(150_000m, e.Paid);
        Assert.Equal(350_000m, e.Remaining);
    }

    [Fact]
    public void Payments_stay_within_the_commitment()
    {
        var e = Earmarked(500_000m);
        var a = Guid.NewGuid();
        e.Commit(a, 100_000m, Day);
        Assert.True(e.Pay(a, 60_000m).IsSuccess);
        Assert.Equal("Envelope.PaymentAboveCommitment", e.Pay(a, 40_000.01m).Error!.Code);
        Assert.Equal("Envelope.NoCommitment", e.Pay(Guid.NewGuid(), 1m).Error!.Code);
        Assert.Equal(60_000m, e.Paid);
    }

    [Fact]
    public void The_budget_can_shrink_only_to_what_is_committed()
    {
        var e = Earmarked(8_000_000m);
        e.Commit(Guid.NewGuid(), 5_000_000m, Day);
        Assert.Equal("Envelope.BelowCommitted", e.Resize(4_999_999m, null).Error!.Code);
        Assert.True(e.Resize(5_000_000m, "budget adjustment").IsSuccess);
        Assert.Equal(0m, e.Remaining);
    }

    [Fact]
    public void Earmarked_funds_need_a_cluster_and_the_pool_has_none()
    {
        Assert.Equal("Envelope.ClusterRequired", FundEnvelope.Open(EnvelopeKind.ClusterEarmarked, null, 2020, 1m, null).Error!.Code);
        Assert.Equal("Envelope.PoolHasNoCluster", FundEnvelope.Open(EnvelopeKind.InterclusterPool, Cluster, 2020, 1m, null).Error!.Code);
        Assert.Equal("Envelope.AmountPositive", FundEnvelope.Open(EnvelopeKind.InterclusterPool, null, 2020, 0m, null).Error!.Code);
    }

    [Fact]
    public void A_project_draws_on_its_clusters_earmarked_funds_or_the_pool_of_its_start_year()
    {
        var other = Guid.NewGuid();
        Assert.Equal((EnvelopeKind.ClusterEarmarked, (Guid?)Cluster, 2021), FundEnvelope.For(ProjectType.Collaboration, [Cluster], new DateOnly(2021, 12, 31)));
        Assert.Equal((EnvelopeKind.InterclusterPool, (Guid?)null, 2022), FundEnvelope.For(ProjectType.Intercluster, [Cluster, other], new DateOnly(2022, 1, 1)));
        Assert.Null(FundEnvelope.For(ProjectType.European, [Cluster], Day));
        Assert.Null(FundEnvelope.For(ProjectType.RegularInstrument, [Cluster], Day));
    }
}
