namespace Clusterpact.Web.Features.Dashboard;

/// <summary>The programme dashboard for agency staff and readers.</summary>
public sealed class IndexModel(GetDashboard dashboard) : PageModel
{
    public DashboardData Data { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Data = await dashboard.HandleAsync(ct);
}
