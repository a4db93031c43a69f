namespace Clusterpact.Web.Features.Dashboard;

/// <summary>The programme dashboard for agency staff and readers.</summary>
public sealed class IndexModel(GetDashboard dashboard) : PageModel
{
    public DashboardData Data { get; private set; } = null!;

    /// <summary>The version of the answer shared by everybody who sees the whole programme, or null for an answer of one's own.</summary>
    public string? SharedVersion { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => (Data, SharedVersion) = await dashboard.HandleAsync(ct);
}
