namespace Clusterpact.Web.Infrastructure.Audit;

/// <summary>Who took a decision on a record and on which day (Brussels time), as the audit trail recorded it.</summary>
public sealed record RecordedDecision(string By, DateOnly On);

/// <summary>
/// Reads who decided and when from the audit trail, for records whose columns keep the outcome but not the person or
/// the day (a payment's approval, an evaluation's decision): the latest save that set <c>field</c> to one of
/// <c>values</c>. The person is shown by their display name; a record changed before the trail existed has none.
/// </summary>
public static class RecordedDecisions
{
    public static async Task<IReadOnlyDictionary<Guid, RecordedDecision>> DecisionsAsync(this ClusterpactDbContext db, string entityType,
        IReadOnlyCollection<Guid> ids, string field, IReadOnlyCollection<string> values, CancellationToken ct)
    {
        if (ids.Count == 0) return new Dictionary<Guid, RecordedDecision>();
        var keys = ids.Select(i => i.ToString()).ToList();
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == entityType && keys.Contains(a.EntityId) && a.Field == field && a.NewValue != null && values.Contains(a.NewValue))
            .Select(a => new { a.EntityId, a.At, a.UserId, a.UserName }).ToListAsync(ct);
        var people = rows.Where(r => r.UserId is not null).Select(r => r.UserId!.Value).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return rows.GroupBy(r => Guid.Parse(r.EntityId)).ToDictionary(g => g.Key, g =>
        {
            var last = g.OrderBy(r => r.At).Last();
            return new RecordedDecision(last.UserId is { } id && names.TryGetValue(id, out var name) ? name : last.UserName,
                DateOnly.FromDateTime(BrusselsTime.ToLocal(last.At).DateTime));
        });
    }
}
