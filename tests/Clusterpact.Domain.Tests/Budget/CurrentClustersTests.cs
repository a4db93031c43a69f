namespace Clusterpact.Domain.Tests.Budget;

public sealed class CurrentClustersTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Fact]
    public void Running_clusters_with_this_years_aid_or_the_maximum_their_latest_envelope_and_the_ten_year_term()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), ended = Guid.NewGuid(), network = Guid.NewGuid();
        var (clusters, pool) = CurrentClusters.From(
        [
            new FundedCluster(a, "A", ClusterType.SpearheadCluster, new DateOnly(2026, 12, 31), new DateOnly(2026, 12, 31), 585_000m),
            new FundedCluster(b, "B", ClusterType.SpearheadCluster, new DateOnly(2027, 12, 31), null, 0m),
            new FundedCluster(ended, "Ended", ClusterType.SpearheadCluster, new DateOnly(2026, 11, 22), new DateOnly(2026, 12, 31), 500_000m),
            new FundedCluster(network, "Network", ClusterType.InnovativeBusinessNetwork, new DateOnly(2027, 6, 30), new DateOnly(2027, 6, 30), 0m),
        ],
        [
            new EnvelopeAmount(EnvelopeKind.ClusterEarmarked, a, 2025, 7_000_000m),
            new EnvelopeAmount(EnvelopeKind.ClusterEarmarked, a, 2026, 8_000_000m),
            new EnvelopeAmount(EnvelopeKind.ClusterEarmarked, a, 2027, 9_000_000m),
            new EnvelopeAmount(EnvelopeKind.InterclusterPool, null, 2026, 27_000_000m),
            new EnvelopeAmount(EnvelopeKind.InterclusterPool, null, 2027, 30_000_000m),
        ], FundingRuleSet.Default, Today);

        Assert.Equal(27_000_000m, pool);
        Assert.Equal(["A", "B", "Network"], clusters.Select(c => c.Name));
        // A: this year's granted aid and this year's envelope (not next year's), its 10-year last day.
        Assert.Equal((585_000m, 8_000_000m, new DateOnly(2026, 12, 31)), (clusters[0].OperatingAidPerYear, clusters[0].EarmarkedPerYear, clusters[0].TermEnd));
        // B: no budget this year, so the spearhead maximum of 650.000 (from 2024); no envelope; no 10-year day, so the agreement's end.
        Assert.Equal((650_000m, 0m, new DateOnly(2027, 12, 31)), (clusters[1].OperatingAidPerYear, clusters[1].EarmarkedPerYear, clusters[1].TermEnd));
        // A network has no earmarked funds; its maximum is 150.000.
        Assert.Equal((150_000m, 0m), (clusters[2].OperatingAidPerYear, clusters[2].EarmarkedPerYear));
    }
}
