namespace Clusterpact.Web.Features.Calls;

public enum CallSort { Closes, Title, Budget, Status }

public sealed record CallListQuery(string? Search, CallKind? Kind, CallStatus? Status, CallSort Sort = CallSort.Closes, bool Descending = true);

public sealed record CallRow(Guid Id, string TitleNl, string TitleEn, CallKind Kind, CallStatus Status, decimal BudgetEur, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int Applications)
{
    public string Title(bool english) => english ? TitleEn : TitleNl;
}

/// <summary>The agency's calls, searched, filtered, sorted and paged in SQL, with the number of applications submitted to each.</summary>
public sealed class ListCalls(ClusterpactDbContext db) : IUseCase
{
    public Task<Paged<CallRow>> HandleAsync(CallListQuery q, PageRequest page, CancellationToken ct)
    {
        var query = db.Calls.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var t = q.Search.Trim().ToLower();
            query = query.Where(c => c.TitleNl.ToLower().Contains(t) || c.TitleEn.ToLower().Contains(t));
        }
        if (q.Kind is { } k) query = query.Where(c => c.Kind == k);
        if (q.Status is { } s) query = query.Where(c => c.Status == s);

        // The status is stored as text: sort by its place in the lifecycle (draft, published, closed, decided; EnumOrder), not by its name.
        var title = TextOrder.Binary<Call>(db, c => c.TitleNl.ToLower());
        var status = EnumOrder.Rank((Call c) => c.Status);
        IOrderedQueryable<Call> ordered = q.Sort switch
        {
            CallSort.Title => q.Descending ? query.OrderByDescending(title) : query.OrderBy(title),
            CallSort.Budget => q.Descending ? query.OrderByDescending(c => c.BudgetEur) : query.OrderBy(c => c.BudgetEur),
            CallSort.Status => (q.Descending ? query.OrderByDescending(status) : query.OrderBy(status)).ThenByDescending(c => c.ClosesAt),
            _ => q.Descending ? query.OrderByDescending(c => c.ClosesAt) : query.OrderBy(c => c.ClosesAt),
        };
        return ordered.ThenBy(c => c.Id).Select(c => new CallRow(c.Id, c.TitleNl, c.TitleEn, c.Kind, c.Status, c.BudgetEur, c.OpensAt, c.ClosesAt,
            db.Applications.Count(a => a.CallId == c.Id && a.Status != ApplicationStatus.Draft))).ToPageAsync(page, ct);
    }
}
