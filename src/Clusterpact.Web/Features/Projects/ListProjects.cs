using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Infrastructure.Requests;
namespace Clusterpact.Web.Features.Projects;

public enum ProjectSort { Title, Type, Status, Start, End, Budget, Aid }

public sealed record ProjectListQuery(string? Search, Guid? ClusterId, ProjectType? Type, ProjectStatus? Status, StrategicTheme? Theme, int? Year, Guid? OrganisationId,
    ProjectSort Sort = ProjectSort.Start, bool Descending = true);

public sealed record ProjectListItem(Guid Id, string Title, ProjectType Type, ProjectStatus Status, StrategicTheme Theme, DateOnly Start, DateOnly End,
    decimal TotalBudget, decimal Aid, string? LeadName, IReadOnlyList<string> ClusterNames);

/// <summary>A short project list on another page (a cluster, a partner), with links to all and to propose one.</summary>
public sealed record ProjectListBlock(string Title, Paged<ProjectListItem> Page, string AllUrl, string? NewUrl);

/// <summary>The projects the caller may see: searched, filtered, sorted and paged in SQL.</summary>
public sealed class ListProjects(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public async Task<Paged<ProjectListItem>> HandleAsync(ProjectListQuery q, PageRequest page, CancellationToken ct)
    {
        var rows = await Ordered(Filter(q), q).ToPageAsync(page, ct);
        return new Paged<ProjectListItem>(await ToItemsAsync(rows.Items, ct), rows.Page, rows.PageSize, rows.TotalCount);
    }

    /// <summary>The API's orders, by the columns the page sorts by; the newest start first unless asked otherwise.</summary>
    public static readonly ApiSort<Project> Sort = new ApiSort<Project>().By("start", p => p.Start).By("end", p => p.End).By("title", p => p.Title)
        .By("totalBudget", p => p.TotalBudget).By("aid", p => p.Aid).DefaultTo("start", descending: true);

    /// <summary>One cursor window for the API, searched and filtered as the page is.</summary>
    public Task<ApiList<ProjectListItem>> HandleAsync(ProjectListQuery q, ListWindow window, CancellationToken ct) => Filter(q).ToApiListAsync(Sort, window, db, ToItemsAsync, ct);

    public async Task<IReadOnlyList<ProjectListItem>> AllAsync(ProjectListQuery q, CancellationToken ct) =>
        await ToItemsAsync(await Ordered(Filter(q), q).ToListAsync(ct), ct);

    private IQueryable<Project> Filter(ProjectListQuery q)
    {
        var query = scope.Projects().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            query = query.Where(p => p.Title.ToLower().Contains(term) || (p.Summary != null && p.Summary.ToLower().Contains(term))
                || (p.ExternalReference != null && p.ExternalReference.ToLower().Contains(term))
                || p.Partners.Any(x => db.Organisations.Any(o => o.Id == x.OrganisationId && o.Name.ToLower().Contains(term))));
        }
        if (q.ClusterId is { } cid) query = query.Where(p => p.Clusters.Any(c => c.ClusterId == cid));
        if (q.Type is { } type) query = query.Where(p => p.Type == type);
        if (q.Status is { } status) query = query.Where(p => p.Status == status);
        if (q.Theme is { } theme) query = query.Where(p => p.Theme == theme);
        // No project starts outside 2000-2100 (DomainRange), and such a year has no first of January to compare with.
        if (q.Year is { } year) query = DomainRange.Year(year, nameof(year)) is null
            ? query.Where(p => p.Start >= new DateOnly(year, 1, 1) && p.Start <= new DateOnly(year, 12, 31))
            : query.Where(p => false);
        if (q.OrganisationId is { } oid) query = query.Where(p => p.Partners.Any(x => x.OrganisationId == oid));
        return query;
    }

    private static IQueryable<Project> Ordered(IQueryable<Project> query, ProjectListQuery q)
    {
        IOrderedQueryable<Project> ordered = q.Sort switch
        {
            ProjectSort.Title => q.Descending ? query.OrderByDescending(p => p.Title) : query.OrderBy(p => p.Title),
            // A few values each, in their declared order (EnumOrder: a lifecycle from proposed to stopped, not by stored name):
            // within one the title and the id follow in the sort's direction, the order of the indexes on (rank, Title, Id)
            // (migration EnumSortIndexes), so a page reads 25 entries of one instead of sorting every project (issue 18, EU
            // size: 200,000 projects sorted for each page, 0.75-1.1 s).
            ProjectSort.Type => TitleWithin(query, EnumOrder.Rank((Project p) => p.Type), q.Descending),
            ProjectSort.Status => TitleWithin(query, EnumOrder.Rank((Project p) => p.Status), q.Descending),
            ProjectSort.End => q.Descending ? query.OrderByDescending(p => p.End) : query.OrderBy(p => p.End),
            ProjectSort.Budget => q.Descending ? query.OrderByDescending(p => p.TotalBudget) : query.OrderBy(p => p.TotalBudget),
            ProjectSort.Aid => q.Descending ? query.OrderByDescending(p => p.Aid) : query.OrderBy(p => p.Aid),
            _ => q.Descending ? query.OrderByDescending(p => p.Start) : query.OrderBy(p => p.Start),
        };
        return q.Sort is ProjectSort.Type or ProjectSort.Status ? ordered : ordered.ThenBy(p => p.Title).ThenBy(p => p.Id);
    }

    private static IOrderedQueryable<Project> TitleWithin<TKey>(IQueryable<Project> query, System.Linq.Expressions.Expression<Func<Project, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key).ThenByDescending(p => p.Title).ThenByDescending(p => p.Id) : query.OrderBy(key).ThenBy(p => p.Title).ThenBy(p => p.Id);

    private async Task<IReadOnlyList<ProjectListItem>> ToItemsAsync(IReadOnlyList<Project> rows, CancellationToken ct)
    {
        var leadIds = rows.Select(p => p.LeadOrganisationId).OfType<Guid>().Distinct().ToList();
        // Only the names: the whole organisation would bring its size figures along (a join per lead).
        var leads = await db.Organisations.AsNoTracking().Where(o => leadIds.Contains(o.Id)).Select(o => new { o.Id, o.Name }).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var clusterNames = await db.ClusterNamesAsync(rows.SelectMany(p => p.ClusterIds), ct);
        return rows.Select(p => new ProjectListItem(p.Id, p.Title, p.Type, p.Status, p.Theme, p.Start, p.End, p.TotalBudget, p.Aid,
            p.LeadOrganisationId is { } l && leads.TryGetValue(l, out var n) ? n : null,
            p.ClusterIds.Select(id => clusterNames.GetValueOrDefault(id, "?")).Order().ToList())).ToList();
    }
}
