using Clusterpact.Web.Features.Shared;
using Clusterpact.Web.Features.Agreements;
using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Tests.Agreements;

/// <summary>The payment cap per working year holds under concurrency: the year is the aggregate that guards it.</summary>
[Collection(AppCollection.Name)]
public sealed class PaymentCapConcurrencyTests(ClusterpactApp app)
{
    [Fact]
    public async Task Two_payment_requests_at_the_same_moment_that_together_exceed_the_years_aid_cannot_both_pass()
    {
        // A working year of its own with EUR 100,000 granted, in the past so no other test's figures move.
        var (clusterId, agreementId, yearId) = await app.WithDbAsync(async db =>
        {
            var start = new DateOnly(2022, 1, 1);
            var cluster = new Cluster("Gelijktijdigheidscluster", ClusterType.AdHocCluster, "test", "test", start, new DateOnly(2024, 12, 31), ClusterStatus.Ended);
            db.Clusters.Add(cluster);
            var agreement = SupportAgreement.Create(cluster.Id, cluster.Type, start, new DateOnly(2024, 12, 31), "HF-2021-GLT", start, FundingRuleSet.Default).Value!;
            db.SupportAgreements.Add(agreement);
            var year = AgreementYear.Plan(agreement, [], start, 100_000m, 150_000m, 250_000m, 0, 0, 0, FundingRuleSet.Default);
            Assert.True(year.IsSuccess, year.Error?.Code);
            db.AgreementYears.Add(year.Value!);
            await db.SaveChangesAsync();
            return (cluster.Id, agreement.Id, year.Value!.Id);
        });
        var outcomes = await AtOnce.TwiceAsync(app, (sp, _) => sp.GetRequiredService<RequestPayment>().HandleAsync(clusterId, agreementId, yearId, 60_000m, CancellationToken.None));

        Assert.Single(outcomes, o => o.Status == CommandStatus.Ok);
        var refused = Assert.Single(outcomes, o => o.Status != CommandStatus.Ok);
        Assert.Equal((CommandStatus.Conflict, "Payment.ConcurrentRequest"), (refused.Status, refused.ErrorCode));
        var stored = await app.WithDbAsync(db => db.AidPayments.AsNoTracking().Where(p => p.AgreementId == agreementId).Select(p => p.AmountEur).ToListAsync());
        Assert.Equal([60_000m], stored);

        // Asked again, the second request now sees the first and is refused by the cap itself.
        var again = await AtOnce.AloneAsync(app, sp => sp.GetRequiredService<RequestPayment>().HandleAsync(clusterId, agreementId, yearId, 60_000m, CancellationToken.None));
        Assert.Equal("Payment.AboveGranted", again.ErrorCode);
    }
}
