using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Funds;

public sealed record EnvelopeRow(Guid Id, long Version, EnvelopeKind Kind, Guid? ClusterId, string? ClusterName, int Year, decimal Amount, decimal Committed, decimal Paid, string? Note)
{
    public decimal Remaining => Amount - Committed;

    /// <summary>Committed share of the envelope, 0..1, for the usage bar.</summary>
    public decimal Used => Amount == 0 ? 0 : Math.Min(1, Committed / Amount);

    public static EnvelopeRow From(FundEnvelope e, IReadOnlyDictionary<Guid, string> names) =>
        new(e.Id, e.Version, e.Kind, e.ClusterId, e.ClusterId is { } c ? names.GetValueOrDefault(c) : null, e.Year, e.Amount, e.Committed, e.Paid, e.Note);
}

/// <summary>
/// The envelopes the caller sees (everybody who sees a cluster sees its envelope; the pool: agency staff and readers),
/// optionally of one year or one cluster: latest year first, then by kind and cluster.
/// </summary>
public sealed class ListEnvelopes(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public async Task<IReadOnlyList<EnvelopeRow>> HandleAsync(int? year, Guid? clusterId, CancellationToken ct)
    {
        var query = scope.Envelopes().AsNoTracking();
        if (year is { } y) query = query.Where(e => e.Year == y);
        if (clusterId is { } c) query = query.Where(e => e.ClusterId == c);
        var envelopes = await query.ToListAsync(ct);
        var names = await db.ClusterNamesAsync(envelopes.Select(e => e.ClusterId).OfType<Guid>(), ct);
        return envelopes.Select(e => EnvelopeRow.From(e, names))
            .OrderByDescending(r => r.Year).ThenBy(r => r.Kind).ThenBy(r => r.ClusterName).ToList();
    }
}
