namespace Clusterpact.Web.Features.OpenCalls;

/// <summary>The public list: calls open now (closing first), coming ones, and the last twenty closed for the record.</summary>
public sealed record OpenCallList(IReadOnlyList<Call> Open, IReadOnlyList<Call> Coming, IReadOnlyList<Call> Past);

/// <summary>The published calls anyone may read; drafts never show.</summary>
public sealed class ListOpenCalls(ClusterpactDbContext db, TimeProvider clock) : IUseCase
{
    public async Task<OpenCallList> HandleAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var published = await db.Calls.AsNoTracking().Where(c => c.Status != CallStatus.Draft).ToListAsync(ct);
        return new OpenCallList(
            published.Where(c => c.IsOpenAt(now)).OrderBy(c => c.ClosesAt).ToList(),
            published.Where(c => c.Status == CallStatus.Published && c.OpensAt > now).OrderBy(c => c.OpensAt).ToList(),
            published.Where(c => c.ClosesAt < now).OrderByDescending(c => c.ClosesAt).Take(20).ToList());
    }
}
