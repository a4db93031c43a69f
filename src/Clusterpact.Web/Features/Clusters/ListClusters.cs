using Clusterpact.Web.Infrastructure.Requests;
namespace Clusterpact.Web.Features.Clusters;

public enum ClusterSort { Name, Type, Status, Domain, Start, End, Members }

public sealed record ClusterListQuery(string? Search, ClusterType? Type, ClusterStatus? Status, ClusterSort Sort = ClusterSort.Name, bool Descending = false);

public sealed record ClusterListItem(Guid Id, string Name, ClusterType Type, string StrategicDomain, ClusterStatus Status, DateOnly? SupportStart, DateOnly? SupportEnd, int ActiveMembers);

/// <summary>
/// The clusters the caller may see, searched, filtered, sorted and paged in SQL. For those who see every cluster a page
/// is kept under the change stamps of the data it reads (decision 0020): a repeated request reads only the stamps.
/// </summary>
public sealed class ListClusters(ClusterpactDbContext db, ClusterAccess access, TimeProvider clock, CurrentUser user,
    Infrastructure.ReadModels.ReadModelStore readModels) : IUseCase
{
    /// <summary>The API's orders: a missing support date sorts after every date.</summary>
    public static readonly ApiSort<Cluster> Sort = new ApiSort<Cluster>().By("name", c => c.Name).By("strategicDomain", c => c.StrategicDomain)
        .By("supportStart", c => c.SupportStart ?? DateOnly.MaxValue).By("supportEnd", c => c.SupportEnd ?? DateOnly.MaxValue).DefaultTo("name");

    /// <summary>The data areas the list reads (ReadModelTests checks them against its SQL).</summary>
    public static readonly IReadOnlyList<Infrastructure.ReadModels.ReadModelArea> Reads =
        [Infrastructure.ReadModels.ReadModelArea.Clusters, Infrastructure.ReadModels.ReadModelArea.Members];

    public async Task<Paged<ClusterListItem>> HandleAsync(ClusterListQuery q, PageRequest page, CancellationToken ct)
    {
        if (!user.SharesKeptAnswers) return await Build(q).ToPageAsync(page, ct);
        var view = await readModels.ViewAsync(ct);
        return await view.GetAsync(nameof(ListClusters), (q, page), Reads, (services, t) => services.GetRequiredService<ListClusters>().Build(q).ToPageAsync(page, t), p => p.Items.Count + 1);
    }

    /// <summary>One cursor window for the API, searched and filtered as the page is.</summary>
    public async Task<ApiList<ClusterListItem>> HandleAsync(ClusterListQuery q, ListWindow window, CancellationToken ct)
    {
        if (!user.SharesKeptAnswers) return await WindowAsync(q, window, ct);
        var view = await readModels.ViewAsync(ct);
        return await view.GetAsync($"{nameof(ListClusters)}.Api", (q, window), Reads, (services, t) => services.GetRequiredService<ListClusters>().WindowAsync(q, window, t), l => l.Items.Count + 1);
    }

    private Task<ApiList<ClusterListItem>> WindowAsync(ClusterListQuery q, ListWindow window, CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        return Filter(q).ToApiListAsync<Cluster, ClusterListItem>(Sort, window, db, async (rows, c) =>
        {
            var ids = rows.Select(r => r.Id).ToList();
            var members = await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.ClusterId) && m.From <= today && (m.Until == null || m.Until >= today))
                .GroupBy(m => m.ClusterId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, c);
            return rows.Select(r => new ClusterListItem(r.Id, r.Name, r.Type, r.StrategicDomain, r.Status, r.SupportStart, r.SupportEnd, members.GetValueOrDefault(r.Id))).ToList();
        }, ct);
    }

    /// <summary>Every row of the filtered, sorted list, for an export.</summary>
    public Task<List<ClusterListItem>> AllAsync(ClusterListQuery q, CancellationToken ct) => Build(q).ToListAsync(ct);

    private IQueryable<Cluster> Filter(ClusterListQuery q)
    {
        var query = access.VisibleClusters().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            query = query.Where(c => c.Name.ToLower().Contains(term) || c.StrategicDomain.ToLower().Contains(term) || c.OriginCall.ToLower().Contains(term));
        }
        if (q.Type is { } type) query = query.Where(c => c.Type == type);
        if (q.Status is { } status) query = query.Where(c => c.Status == status);
        return query;
    }

    private IQueryable<ClusterListItem> Build(ClusterListQuery q)
    {
        var today = clock.TodayInBrussels();
        var query = Filter(q);

        // Sort on the entity, then project: EF translates ordering on columns, not on a record's constructor.
        System.Linq.Expressions.Expression<Func<Cluster, int>> members = c =>
            db.Memberships.Count(m => m.ClusterId == c.Id && m.From <= today && (m.Until == null || m.Until >= today));
        IOrderedQueryable<Cluster> ordered = q.Sort switch
        {
            // Type and status in their declared order (EnumOrder), not by their stored names; clusters are few (no index).
            ClusterSort.Type => q.Descending ? query.OrderByDescending(EnumOrder.Rank((Cluster c) => c.Type)) : query.OrderBy(EnumOrder.Rank((Cluster c) => c.Type)),
            ClusterSort.Status => q.Descending ? query.OrderByDescending(EnumOrder.Rank((Cluster c) => c.Status)) : query.OrderBy(EnumOrder.Rank((Cluster c) => c.Status)),
            ClusterSort.Domain => q.Descending ? query.OrderByDescending(c => c.StrategicDomain) : query.OrderBy(c => c.StrategicDomain),
            // Unknown dates go last in both directions, on both databases (PostgreSQL puts NULL first when descending).
            ClusterSort.Start => q.Descending ? query.OrderBy(c => c.SupportStart == null).ThenByDescending(c => c.SupportStart) : query.OrderBy(c => c.SupportStart == null).ThenBy(c => c.SupportStart),
            ClusterSort.End => q.Descending ? query.OrderBy(c => c.SupportEnd == null).ThenByDescending(c => c.SupportEnd) : query.OrderBy(c => c.SupportEnd == null).ThenBy(c => c.SupportEnd),
            ClusterSort.Members => q.Descending ? query.OrderByDescending(members) : query.OrderBy(members),
            _ => q.Descending ? query.OrderByDescending(c => c.Name) : query.OrderBy(c => c.Name),
        };
        return ordered.ThenBy(c => c.Name).ThenBy(c => c.Id).Select(c => new ClusterListItem(c.Id, c.Name, c.Type, c.StrategicDomain, c.Status, c.SupportStart, c.SupportEnd,
            db.Memberships.Count(m => m.ClusterId == c.Id && m.From <= today && (m.Until == null || m.Until >= today))));
    }
}
