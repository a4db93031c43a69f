using Clusterpact.Web.Infrastructure.ReadModels;

namespace Clusterpact.Web.Features.Organisations;

/// <summary>
/// The whole register in the order of the number of clusters each organisation is a member of today, for those who see
/// the whole programme (issue 18: at the EU size the register sorted by that count counted the clusters of all 500,000
/// organisations for each page and did not answer within 5 s). Kept under the day in Brussels and the stamps of the
/// members and the clusters (decision 0020), in columns of arrays (about 30 bytes an organisation, 15 MB at the EU size):
/// a page filters and cuts the positions in memory and reads only its own rows.
/// </summary>
public sealed class RankOrganisationsByClusters(ClusterpactDbContext db, TimeProvider clock, ReadModelStore readModels) : IUseCase
{
    /// <summary>The data areas the ranking reads (ReadModelTests checks them against its SQL).</summary>
    public static readonly IReadOnlyList<ReadModelArea> Reads = [ReadModelArea.Clusters, ReadModelArea.Members];

    /// <summary>
    /// Every organisation once, each column in the name order of the register (name in code points, then id: the database's
    /// order of the register by name); <see cref="Ascending"/> and <see cref="Descending"/> are the positions in the order of
    /// the list sorted by clusters: the count in the sort's direction, then the name and the id, as ListOrganisations asks SQL.
    /// Shared between requests: never changed.
    /// </summary>
    public sealed record Ranking(Guid[] Ids, byte[] Kinds, sbyte[] Sizes, ushort[] Counts, int[] Ascending, int[] Descending)
    {
        public const sbyte NoSize = -1;
    }

    public async Task<Ranking> HandleAsync(CancellationToken ct)
    {
        var view = await readModels.ViewAsync(ct);
        return await view.GetAsync(nameof(RankOrganisationsByClusters), null, Reads, (services, t) => services.GetRequiredService<RankOrganisationsByClusters>().ComputeAsync(t), r => ReadModelView.References(r.Ids.Length));
    }

    private async Task<Ranking> ComputeAsync(CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        // One grouped read of today's memberships (2,000,000 at the EU size), then the organisations in the name index's order.
        // The distinct (organisation, cluster) pairs first, then counted: PostgreSQL hashes them from one scan of the table
        // (3.8 s at the EU size), where a count(DISTINCT) per organisation walks the organisation index and fetches each
        // membership at random (12.4 s; decision 0020, "A computation's queries").
        var counts = await db.Memberships.AsNoTracking().Where(m => m.From <= today && (m.Until == null || m.Until >= today))
            .Select(m => new { m.OrganisationId, m.ClusterId }).Distinct()
            .GroupBy(m => m.OrganisationId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var name = TextOrder.Binary<Organisation>(db, o => o.Name);
        List<Guid> ids = [];
        List<byte> kinds = [];
        List<sbyte> sizes = [];
        List<ushort> clusters = [];
        await foreach (var o in db.Organisations.AsNoTracking().OrderBy(name).ThenBy(o => o.Id).Select(o => new { o.Id, o.Kind, o.SizeClass }).AsAsyncEnumerable().WithCancellation(ct))
        {
            ids.Add(o.Id);
            kinds.Add((byte)o.Kind);
            sizes.Add(o.SizeClass is { } s ? (sbyte)s : Ranking.NoSize);
            clusters.Add((ushort)Math.Min(counts.GetValueOrDefault(o.Id), ushort.MaxValue));
        }
        var count = clusters.ToArray();
        // A stable sort keeps the name order within each count, in both directions.
        var positions = Enumerable.Range(0, count.Length);
        return new Ranking(ids.ToArray(), kinds.ToArray(), sizes.ToArray(), count,
            positions.OrderBy(i => count[i]).ToArray(), positions.OrderByDescending(i => count[i]).ToArray());
    }
}
