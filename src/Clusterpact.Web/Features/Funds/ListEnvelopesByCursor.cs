using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features.Funds;

/// <summary>The envelopes the caller sees for the API, of one year or cluster when asked, oldest first: one cursor window (the page's list is <see cref="ListEnvelopes"/>).</summary>
public sealed class ListEnvelopesByCursor(ClusterpactDbContext db, Scope scope) : IUseCase
{
    /// <summary>The API's orders: by id (creation), year or amount.</summary>
    public static readonly ApiSort<FundEnvelope> Sort = new ApiSort<FundEnvelope>().By("year", e => e.Year).By("amount", e => e.Amount);

    public Task<ApiList<EnvelopeRow>> HandleAsync(int? year, Guid? clusterId, ListWindow window, CancellationToken ct) =>
        scope.Envelopes().Where(e => (year == null || e.Year == year) && (clusterId == null || e.ClusterId == clusterId))
            .ToApiListAsync(Sort, window, db, async (rows, c) =>
            {
                var names = await db.ClusterNamesAsync(rows.Select(r => r.ClusterId).OfType<Guid>(), c);
                return (IReadOnlyList<EnvelopeRow>)rows.Select(r => EnvelopeRow.From(r, names)).ToList();
            }, ct);
}
