namespace Clusterpact.Web.Features.Review;

/// <summary>The expert's assignments, those still to declare first.</summary>
public sealed class IndexModel(ReviewService reviews) : PageModel
{
    public IReadOnlyList<ReviewRow> Rows { get; private set; } = [];
    public bool English => Cultures.IsEnglish;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await reviews.ListAsync(ct);
}
