namespace Clusterpact.Web.Features.Clusters;

/// <summary>
/// The names of the clusters a list names, read by their ids: one query that returns only those rows (issue 18: a page of
/// projects, envelopes or evaluations used to read every cluster to name the few it shows).
/// </summary>
public static class ClusterNames
{
    public static async Task<IReadOnlyDictionary<Guid, string>> ClusterNamesAsync(this ClusterpactDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<Guid, string>();
        return await db.Clusters.AsNoTracking().Where(c => wanted.Contains(c.Id)).Select(c => new { c.Id, c.Name }).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
    }
}
