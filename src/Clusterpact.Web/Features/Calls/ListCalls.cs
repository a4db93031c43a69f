namespace Clusterpact.Web.Features.Calls;

public enum CallSort { Closes, Title, Budget, Status }

public sealed record CallListQuery(string? Search, CallKind? Kind, CallStatus? Status, CallSort Sort = CallSort.Closes, bool Descending = true);

public sealed record CallRow(Guid Id, string TitleNl, string TitleEn, CallKind Kind, CallStatus Status, decimal BudgetEur, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Applications)
{
    public string Title(bool english) => english ? TitleEn : TitleNl;
}

/// <summary>The agency's calls, searched and filtered in SQL, with the number of applications submitted to each.</summary>
public sealed class ListCalls(ClusterpactDbContext db) : IUseCase
{
    public async Task<Paged<CallRow>> HandleAsync(CallListQuery q, PageRequest page, CancellationToken ct)
    {
        var query = db.Calls.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var t = q.Search.Trim().ToLower();
            query = query.Where(c => c.TitleNl.ToLower().Contains(t) || c.TitleEn.ToLower().Contains(t));
        }
        if (q.Kind is { } k) query = query.Where(c => c.Kind == k);
        if (q.Status is { } s) query = query.Where(c => c.Status == s);
        // Calls are few (a handful a year): filter in SQL, sort and page the rows in memory.
        var counts = await db.Applications.Where(a => a.Status != ApplicationStatus.Draft).GroupBy(a => a.CallId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var rows = (await query.ToListAsync(ct)).Select(c => new CallRow(c.Id, c.TitleNl, c.TitleEn, c.Kind, c.Status, c.BudgetEur, c.OpensAt, c.ClosesAt,
            counts.GetValueOrDefault(c.Id)));
        var ordered = (q.Sort, q.Descending) switch
        {
            (CallSort.Title, false) => rows.OrderBy(r => r.TitleNl, StringComparer.CurrentCultureIgnoreCase),
            (CallSort.Title, true) => rows.OrderByDescending(r => r.TitleNl, StringComparer.CurrentCultureIgnoreCase),
            (CallSort.Budget, false) => rows.OrderBy(r => r.BudgetEur),
            (CallSort.Budget, true) => rows.OrderByDescending(r => r.BudgetEur),
            (CallSort.Status, false) => rows.OrderBy(r => r.Status).ThenByDescending(r => r.ClosesAt),
            (CallSort.Status, true) => rows.OrderByDescending(r => r.Status).ThenByDescending(r => r.ClosesAt),
            (_, false) => rows.OrderBy(r => r.ClosesAt),
            _ => rows.OrderByDescending(r => r.ClosesAt),
        };
        return ordered.ThenBy(r => r.Id).ToPage(page);
    }
}
