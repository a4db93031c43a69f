namespace Clusterpact.Web.Features.OpenCalls;

/// <summary>The public list of published calls: open now, coming, and closed ones for the record. Drafts never show.</summary>
public sealed class IndexModel(ListOpenCalls listOpenCalls) : PageModel
{
    public IReadOnlyList<Call> Open { get; private set; } = [];
    public IReadOnlyList<Call> Coming { get; private set; } = [];
    public IReadOnlyList<Call> Past { get; private set; } = [];
    public bool English => Cultures.IsEnglish;

    public async Task OnGetAsync(CancellationToken ct) => (Open, Coming, Past) = await listOpenCalls.HandleAsync(ct);
}
