namespace Clusterpact.Web.Features.OpenCalls;

/// <summary>The public list of published calls: open now, coming, and closed ones for the record. Drafts never show.</summary>
public sealed class IndexModel(ClusterpactDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Call> Open { get; private set; } = [];
    public IReadOnlyList<Call> Coming { get; private set; } = [];
    public IReadOnlyList<Call> Past { get; private set; } = [];
    public bool English => Cultures.IsEnglish;

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var published = await db.Calls.AsNoTracking().Where(c => c.Status != CallStatus.Draft).ToListAsync(ct);
        Open = published.Where(c => c.IsOpenAt(now)).OrderBy(c => c.ClosesAt).ToList();
        Coming = published.Where(c => c.Status == CallStatus.Published && c.OpensAt > now).OrderBy(c => c.OpensAt).ToList();
        Past = published.Where(c => c.ClosesAt < now).OrderByDescending(c => c.ClosesAt).Take(20).ToList();
    }
}
