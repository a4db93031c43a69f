namespace Clusterpact.Web.Features.Apply;

/// <summary>The applicant's own applications with their status; nobody else's appear here.</summary>
public sealed class IndexModel(ListMyApplications listMine) : PageModel
{
    public IReadOnlyList<MyApplicationRow> Rows { get; private set; } = [];
    public bool English => Cultures.IsEnglish;

    public async Task OnGetAsync(CancellationToken ct) => Rows = await listMine.HandleAsync(ct);
}
