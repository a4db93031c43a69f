namespace Clusterpact.Web.Features.Reports;

public sealed record ReportRow(Guid? Id, Guid ClusterId, string ClusterName, int Year, ReportStatus? Status, DateOnly DueOn, DeadlineState Deadline, bool CanStart);

/// <summary>
/// The annual reports of a working year, one row per cluster the caller sees that reports (spearhead clusters and
/// innovative business networks supported that year): the report's status and deadline, or whether the caller may start it.
/// </summary>
public sealed class ListReports(ClusterpactDbContext db, ClusterAccess access, TimeProvider clock) : IUseCase
{
    public async Task<IReadOnlyList<ReportRow>> HandleAsync(int year, ReportStatus? status, CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        var clusters = await access.VisibleClusters().AsNoTracking()
            .Where(c => c.Type == Domain.Clusters.ClusterType.SpearheadCluster || c.Type == Domain.Clusters.ClusterType.InnovativeBusinessNetwork)
            .OrderBy(c => c.Name).Select(c => new { c.Id, c.Name, c.SupportStart, c.SupportEnd }).ToListAsync(ct);
        var ids = clusters.Select(c => c.Id).ToList();
        var reports = await db.AnnualReports.AsNoTracking().Where(r => r.Year == year && ids.Contains(r.ClusterId)).ToDictionaryAsync(r => r.ClusterId, ct);
        var rows = new List<ReportRow>();
        foreach (var c in clusters)
        {
            if (reports.TryGetValue(c.Id, out var r))
                rows.Add(new ReportRow(r.Id, c.Id, c.Name, year, r.Status, r.DueOn, r.DeadlineOn(today), false));
            else if ((c.SupportStart is null || c.SupportStart.Value.Year <= year) && (c.SupportEnd is null || c.SupportEnd.Value.Year >= year))
                rows.Add(new ReportRow(null, c.Id, c.Name, year, null, AnnualReport.DefaultDue(year), today > AnnualReport.DefaultDue(year) ? DeadlineState.Overdue : DeadlineState.NotDue, await access.CanEditAsync(c.Id, ct)));
        }
        return rows.Where(r => status is null || r.Status == status).ToList();
    }
}
