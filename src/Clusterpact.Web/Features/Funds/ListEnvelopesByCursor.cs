using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features.Funds;

/// <summary>The envelopes the caller sees for the API, of one year or cluster when asked, oldest first: one cursor window (the page's list is <see cref="ListEnvelopes"/>).</summary>
public sealed class ListEnvelopesByCursor(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public Task<ApiList<EnvelopeRow>> HandleAsync(int? year, Guid? clusterId, ListWindow window, CancellationToken ct) =>
        scope.Envelopes().Where(e => (year == null || e.Year == year) && (clusterId == null || e.ClusterId == clusterId))
            .ToApiListAsync(window, async (rows, c) =>
            {
                var ids = rows.Where(r => r.ClusterId != null).Select(r => r.ClusterId!.Value).Distinct().ToList();
                var names = await db.Clusters.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.Name, c);
                return (IReadOnlyList<EnvelopeRow>)rows.Select(r => EnvelopeRow.From(r, names)).ToList();
            }, ct);
}
