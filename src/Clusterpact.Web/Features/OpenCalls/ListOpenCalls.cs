namespace Clusterpact.Web.Features.OpenCalls;

/// <summary>A call as the public list shows it.</summary>
public sealed record OpenCallRow(Guid Id, string TitleNl, string TitleEn, CallKind Kind, decimal BudgetEur, DateTimeOffset ClosesAt)
{
    public string Title(bool english) => english ? TitleEn : TitleNl;
}

/// <summary>The public list: calls open now (closing first), coming ones, and the closed ones for the record, newest first, a page at a time.</summary>
public sealed record OpenCallList(IReadOnlyList<OpenCallRow> Open, IReadOnlyList<OpenCallRow> Coming, Paged<OpenCallRow> Past);

/// <summary>The published calls anyone may read, each part selected, ordered and (the closed ones) paged in SQL; drafts never show.</summary>
public sealed class ListOpenCalls(ClusterpactDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<OpenCallList> HandleAsync(PageRequest pastPage, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var published = db.Calls.AsNoTracking().Where(c => c.Status != CallStatus.Draft);
        // The same moments as Call.IsOpenAt: published, opened, and not yet closed.
        var open = await Rows(published.Where(c => c.Status == CallStatus.Published && c.OpensAt <= now && c.ClosesAt >= now).OrderBy(c => c.ClosesAt).ThenBy(c => c.Id)).ToListAsync(ct);
        var coming = await Rows(published.Where(c => c.Status == CallStatus.Published && c.OpensAt > now).OrderBy(c => c.OpensAt).ThenBy(c => c.Id)).ToListAsync(ct);
        var past = await Rows(published.Where(c => c.ClosesAt < now).OrderByDescending(c => c.ClosesAt).ThenByDescending(c => c.Id)).ToPageAsync(pastPage, ct);
        return new OpenCallList(open, coming, past);
    }

    private static IQueryable<OpenCallRow> Rows(IOrderedQueryable<Call> calls) =>
        calls.Select(c => new OpenCallRow(c.Id, c.TitleNl, c.TitleEn, c.Kind, c.BudgetEur, c.ClosesAt));
}
