namespace Clusterpact.Web.Features.OpenCalls;

/// <summary>The public list of published calls: open now, coming, and closed ones for the record (paged). Drafts never show.</summary>
public sealed class IndexModel(ListOpenCalls listOpenCalls) : ListPageModel
{
    public IReadOnlyList<OpenCallRow> Open { get; private set; } = [];
    public IReadOnlyList<OpenCallRow> Coming { get; private set; } = [];
    public Paged<OpenCallRow> Past { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public bool English => Cultures.IsEnglish;

    protected override int DefaultPageSize => 20;

    public async Task OnGetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        (Open, Coming, Past) = await listOpenCalls.HandleAsync(PageRequest, ct);
    }
}
