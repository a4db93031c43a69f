namespace Clusterpact.Web.Features.Dashboard;

/// <summary>The programme dashboard for agency staff and readers.</summary>
public sealed class IndexModel(DashboardService service) : PageModel
{
    public DashboardData Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Data = await service.BuildAsync(ct);
}
