using Clusterpact.Web.Infrastructure.Requests;
namespace Clusterpact.Web.Features.Organisations;

public enum OrganisationSort { Name, Kind, Size, Country, Clusters }

public sealed record OrganisationListQuery(string? Search, OrganisationKind? Kind, SizeClass? Size, Guid? ClusterId, bool MultiClusterOnly = false,
    OrganisationSort Sort = OrganisationSort.Name, bool Descending = false);

public sealed record OrganisationListItem(Guid Id, string Name, OrganisationKind Kind, SizeClass? Size, string? EnterpriseNumber, string CountryCode,
    bool InternationallyActive, int ActiveClusterCount);

/// <summary>
/// The member register: every organisation once. Agency staff and readers see all; a cluster manager sees the
/// members of their own clusters. Counts of clusters are today's active memberships the caller may see.
/// </summary>
public sealed class ListOrganisations(ClusterpactDbContext db, Scope scope, TimeProvider clock) : IUseCase
{
    /// <summary>
    /// One page of the register. By name (the default, and the order of the name index) next and previous read by
    /// keyset, so a page deep in a register of tens of thousands costs what the first page costs.
    /// </summary>
    public async Task<Paged<OrganisationListItem>> HandleAsync(OrganisationListQuery q, PageRequest page, CancellationToken ct)
    {
        var (rows, filtered, name, select) = Build(q);
        return q.Sort == OrganisationSort.Name
            ? await filtered.ToKeysetPageAsync(name, o => o.Id, q.Descending, select, r => r.Id, page, ct)
            : await rows.ToPageAsync(page, ct);
    }

    /// <summary>The API's orders, by the columns the register's indexes hold.</summary>
    public static readonly ApiSort<Organisation> Sort = new ApiSort<Organisation>().By("name", o => o.Name).By("countryCode", o => o.CountryCode).DefaultTo("name");

    /// <summary>One cursor window of the register for the API, searched and filtered as the page is.</summary>
    public Task<ApiList<OrganisationListItem>> HandleAsync(OrganisationListQuery q, ListWindow window, CancellationToken ct)
    {
        var (_, filtered, _, select) = Build(q);
        return filtered.ToApiListAsync(Sort, window, db, select, ct);
    }

    public Task<List<OrganisationListItem>> AllAsync(OrganisationListQuery q, CancellationToken ct) => Build(q).Rows.ToListAsync(ct);

    private (IQueryable<OrganisationListItem> Rows, IQueryable<Organisation> Filtered, System.Linq.Expressions.Expression<Func<Organisation, string>> Name,
        System.Linq.Expressions.Expression<Func<Organisation, OrganisationListItem>> Select) Build(OrganisationListQuery q)
    {
        var today = clock.TodayInBrussels();
        var active = scope.Memberships().Where(m => m.From <= today && (m.Until == null || m.Until >= today));

        var query = scope.Organisations().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            var digits = new string(q.Search.Where(char.IsDigit).ToArray());
            query = digits.Length >= 4
                ? query.Where(o => o.Name.ToLower().Contains(term) || (o.EnterpriseNumber != null && o.EnterpriseNumber.Contains(digits)))
                : query.Where(o => o.Name.ToLower().Contains(term));
        }
        if (q.Kind is { } kind) query = query.Where(o => o.Kind == kind);
        if (q.Size is { } sizeClass) query = query.Where(o => o.SizeClass == sizeClass);
        if (q.ClusterId is { } cluster) query = query.Where(o => active.Any(m => m.OrganisationId == o.Id && m.ClusterId == cluster));
        // Members of several clusters: where intercluster work starts.
        if (q.MultiClusterOnly) query = query.Where(o => active.Where(m => m.OrganisationId == o.Id).Select(m => m.ClusterId).Distinct().Count() > 1);

        System.Linq.Expressions.Expression<Func<Organisation, int>> clusters = o => active.Where(m => m.OrganisationId == o.Id).Select(m => m.ClusterId).Distinct().Count();
        var name = TextOrder.Binary<Organisation>(db, o => o.Name);
        var ordered = q.Sort switch
        {
            OrganisationSort.Kind => q.Descending ? query.OrderByDescending(o => o.Kind) : query.OrderBy(o => o.Kind),
            OrganisationSort.Size => q.Descending ? query.OrderBy(o => o.SizeClass == null).ThenByDescending(o => o.SizeClass) : query.OrderBy(o => o.SizeClass == null).ThenBy(o => o.SizeClass),
            OrganisationSort.Country => q.Descending ? query.OrderByDescending(o => o.CountryCode) : query.OrderBy(o => o.CountryCode),
            OrganisationSort.Clusters => q.Descending ? query.OrderByDescending(clusters) : query.OrderBy(clusters),
            _ => q.Descending ? query.OrderByDescending(name).ThenByDescending(o => o.Id) : query.OrderBy(name).ThenBy(o => o.Id),
        };
        System.Linq.Expressions.Expression<Func<Organisation, OrganisationListItem>> select = o => new OrganisationListItem(o.Id, o.Name, o.Kind, o.SizeClass, o.EnterpriseNumber,
            o.CountryCode, o.InternationallyActive, active.Where(m => m.OrganisationId == o.Id).Select(m => m.ClusterId).Distinct().Count());
        return (ordered.ThenBy(name).ThenBy(o => o.Id).Select(select), query, name, select);
    }
}
