namespace Clusterpact.Web.Features.Reports;

public sealed record ReportRow(Guid? Id, Guid ClusterId, string ClusterName, int Year, ReportStatus? Status, DateOnly DueOn, DeadlineState Deadline, bool CanStart);

public enum ReportSort { Cluster, Status, Due }

public sealed record ReportListQuery(int Year, ReportStatus? Status, string? Search = null, ReportSort Sort = ReportSort.Cluster, bool Descending = false);

/// <summary>
/// The annual reports of a working year, one row per cluster the caller sees that reports (spearhead clusters and
/// innovative business networks supported that year, or with a report that year): the report's status and deadline, or
/// whether the caller may start it. Searched by the cluster's name, filtered, sorted and paged in the database (issue 18:
/// 3,000 rows at EU size, and a permission check for each); only the page's rows are asked whether they may be started.
/// </summary>
public sealed class ListReports(ClusterpactDbContext db, ClusterAccess access, TimeProvider clock) : IUseCase
{
    private sealed class Row
    {
        public Guid? Id { get; init; }
        public Guid ClusterId { get; init; }
        public string ClusterName { get; init; } = "";
        public ReportStatus? Status { get; init; }
        public DateOnly DueOn { get; init; }
    }

    public async Task<Paged<ReportRow>> HandleAsync(ReportListQuery q, PageRequest page, CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        var (first, last, due) = (new DateOnly(q.Year, 1, 1), new DateOnly(q.Year, 12, 31), AnnualReport.DefaultDue(q.Year));
        var reports = db.AnnualReports.Where(r => r.Year == q.Year);
        var clusters = access.VisibleClusters().AsNoTracking()
            .Where(c => c.Type == Domain.Clusters.ClusterType.SpearheadCluster || c.Type == Domain.Clusters.ClusterType.InnovativeBusinessNetwork);
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            clusters = clusters.Where(c => c.Name.ToLower().Contains(term));
        }
        var rows = from c in clusters
                   join r in reports on c.Id equals r.ClusterId into rs
                   from r in rs.DefaultIfEmpty()
                   where r != null || ((c.SupportStart == null || c.SupportStart <= last) && (c.SupportEnd == null || c.SupportEnd >= first))
                   select new Row { Id = r == null ? null : (Guid?)r.Id, ClusterId = c.Id, ClusterName = c.Name, Status = r == null ? null : (ReportStatus?)r.Status, DueOn = r == null ? due : r.DueOn };
        if (q.Status is { } status) rows = rows.Where(x => x.Status == status);
        var name = TextOrder.Binary<Row>(db, x => x.ClusterName);
        var statusRank = EnumOrder.Rank((Row x) => x.Status);
        var ordered = q.Sort switch
        {
            // The status in its declared order (draft, submitted, returned, accepted; EnumOrder), not by its stored name.
            ReportSort.Status => (q.Descending ? rows.OrderBy(x => x.Status != null).ThenByDescending(statusRank) : rows.OrderBy(x => x.Status == null).ThenBy(statusRank)).ThenBy(name),
            ReportSort.Due => (q.Descending ? rows.OrderByDescending(x => x.DueOn) : rows.OrderBy(x => x.DueOn)).ThenBy(name),
            _ => q.Descending ? rows.OrderByDescending(name) : rows.OrderBy(name),
        };
        var result = await ordered.ThenBy(x => x.ClusterId).ToPageAsync(page, ct);
        var items = new List<ReportRow>(result.Items.Count);
        foreach (var x in result.Items)
            items.Add(x.Id is not null
                ? new ReportRow(x.Id, x.ClusterId, x.ClusterName, q.Year, x.Status, x.DueOn, AnnualReport.DeadlineOf(x.Status!.Value, x.DueOn, today), false)
                : new ReportRow(null, x.ClusterId, x.ClusterName, q.Year, null, x.DueOn, today > x.DueOn ? DeadlineState.Overdue : DeadlineState.NotDue, await access.CanEditAsync(x.ClusterId, ct)));
        return new Paged<ReportRow>(items, result.Page, result.PageSize, result.TotalCount);
    }
}
