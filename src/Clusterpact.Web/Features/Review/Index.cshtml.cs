namespace Clusterpact.Web.Features.Review;

/// <summary>The expert's assignments, those still to declare first.</summary>
public sealed class IndexModel(ListMyReviews listMine) : PageModel
{
    public IReadOnlyList<ReviewRow> Rows { get; private set; } = [];
    public bool English => Cultures.IsEnglish;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await listMine.HandleAsync(ct);
}
