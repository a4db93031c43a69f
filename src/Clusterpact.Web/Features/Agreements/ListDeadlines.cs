using Clusterpact.Web.Infrastructure.ReadModels;

namespace Clusterpact.Web.Features.Agreements;

public enum DeadlineSort { Date, Cluster, Kind }

/// <summary>Which deadlines the list shows (all it may see when empty) and in which order.</summary>
public sealed record DeadlineQuery(string? Search = null, DeadlineKind? Kind = null, bool OnlyLate = false, DeadlineSort Sort = DeadlineSort.Date, bool Desc = false);

/// <summary>The nearest deadlines (the late ones first, then the next due) and how many there are in all, of which late.</summary>
public sealed record DeadlineSummary(DateOnly Today, IReadOnlyList<Deadline> Nearest, int Count, int Late);

/// <summary>
/// The programme's deadlines for the clusters the caller sees: those of the agreements overview (deposits, agreement
/// ends, 10-year limits in <see cref="GetAgreementOverview.DeadlineDays"/> days), the 10-year limits of the coming year,
/// and the annual reports due soon or overdue. At EU size these are thousands (a row per cluster's deadline): the
/// dashboard and the overview show the nearest <see cref="NearestCount"/> and link to this list, paged
/// (issue 18). Kept until a change of the data it reads, or the next day (decision 0020), for those who see every cluster.
/// </summary>
public sealed class ListDeadlines(ClusterpactDbContext db, ClusterAccess access, GetAgreementOverview overview, CurrentUser user, ReadModelStore readModels) : IUseCase
{
    /// <summary>How many deadlines the dashboard and the overview show before the link to the whole list.</summary>
    public const int NearestCount = 10;

    /// <summary>The data areas the list reads (ReadModelTests checks them against its SQL).</summary>
    public static readonly IReadOnlyList<ReadModelArea> Reads = [ReadModelArea.Agreements, ReadModelArea.Clusters, ReadModelArea.Funding, ReadModelArea.Reports];

    public DateOnly Today => overview.Today;

    /// <summary>The deadlines searched (in the cluster's name), filtered and sorted; kept per query.</summary>
    public async Task<IReadOnlyList<Deadline>> HandleAsync(DeadlineQuery q, CancellationToken ct)
    {
        if (!Shared) return Select(await ComputeAsync(ct), q);
        var view = await readModels.ViewAsync(ct);
        if (q == new DeadlineQuery()) return await view.GetAsync(nameof(ListDeadlines), null, Reads, (services, t) => services.GetRequiredService<ListDeadlines>().ComputeAsync(t), d => d.Count + 1);
        // Selected from the whole list as it is now: the computation's own view waits for a list being computed.
        return await view.GetAsync($"{nameof(ListDeadlines)}.Query", q, Reads, async (services, t) =>
        {
            var list = services.GetRequiredService<ListDeadlines>();
            return list.Select(await list.HandleAsync(new DeadlineQuery(), t), q);
        }, d => d.Count + 1);
    }

    /// <summary>The nearest few and the counts, for the dashboard and the agreements overview.</summary>
    public async Task<DeadlineSummary> SummaryAsync(CancellationToken ct)
    {
        if (!Shared) return Summarise(await ComputeAsync(ct));
        var view = await readModels.ViewAsync(ct);
        return await view.GetAsync($"{nameof(ListDeadlines)}.Summary", null, Reads, async (services, t) =>
        {
            var list = services.GetRequiredService<ListDeadlines>();
            return list.Summarise(await list.HandleAsync(new DeadlineQuery(), t));
        }, s => s.Nearest.Count + 1);
    }

    private bool Shared => user.SharesKeptAnswers;

    /// <summary>In date order the late ones come first, then the next due.</summary>
    private DeadlineSummary Summarise(IReadOnlyList<Deadline> all)
    {
        var today = Today;
        return new DeadlineSummary(today, all.Take(NearestCount).ToList(), all.Count, all.Count(d => d.Date < today));
    }

    private IReadOnlyList<Deadline> Select(IReadOnlyList<Deadline> all, DeadlineQuery q)
    {
        var today = Today;
        var search = q.Search?.Trim();
        var found = all.Where(d => (string.IsNullOrEmpty(search) || d.ClusterName.Contains(search, StringComparison.OrdinalIgnoreCase))
            && (q.Kind is null || d.Kind == q.Kind) && (!q.OnlyLate || d.Date < today));
        var ordered = q.Sort switch
        {
            DeadlineSort.Cluster => q.Desc ? found.OrderByDescending(d => d.ClusterName, StringComparer.Ordinal) : found.OrderBy(d => d.ClusterName, StringComparer.Ordinal),
            DeadlineSort.Kind => q.Desc ? found.OrderByDescending(d => EnumOrder.Rank(d.Kind)) : found.OrderBy(d => EnumOrder.Rank(d.Kind)),
            _ => q.Desc ? found.OrderByDescending(d => d.Date) : found.OrderBy(d => d.Date),
        };
        // Every column settles ties the same way, so a page boundary never moves between requests.
        return ordered.ThenBy(d => d.Date).ThenBy(d => d.ClusterName, StringComparer.Ordinal).ThenBy(d => EnumOrder.Rank(d.Kind)).ThenBy(d => d.Detail, StringComparer.Ordinal).ToList();
    }

    private async Task<IReadOnlyList<Deadline>> ComputeAsync(CancellationToken ct)
    {
        var today = Today;
        var (rows, deadlines) = await overview.HandleAsync(new OverviewQuery(), ct);
        var all = deadlines.ToList();
        var limitsListed = deadlines.Where(d => d.Kind == DeadlineKind.AidLimit).Select(d => d.ClusterId).ToHashSet();
        all.AddRange(rows.Where(r => r.LimitWithinAYear && r.LastAllowedDay is not null && !limitsListed.Contains(r.ClusterId))
            .Select(r => new Deadline(r.LastAllowedDay!.Value, r.ClusterId, r.Name, DeadlineKind.AidLimit, null)));
        // Due soon or overdue (AnnualReport.DeadlineOn): still a draft or returned, and due within the warning days.
        var dueBy = today.AddDays(AnnualReport.DueSoonDays);
        var reports = await db.AnnualReports.Where(r => (r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned) && r.DueOn <= dueBy)
            .Join(access.VisibleClusters(), r => r.ClusterId, c => c.Id, (r, c) => new { r.DueOn, r.ClusterId, c.Name, r.Year }).ToListAsync(ct);
        all.AddRange(reports.Select(r => new Deadline(r.DueOn, r.ClusterId, r.Name, DeadlineKind.ReportDue, r.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        return Select(all, new DeadlineQuery());
    }
}
