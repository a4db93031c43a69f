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
/// A search by someone who sees the whole programme is kept per search, filters, sort and page (decision 0020): its
/// trigram read costs PostgreSQL about 2 ms of CPU at the EU size, which 32 connections on 2 cores could not afford per request.
/// </summary>
public sealed class ListOrganisations(ClusterpactDbContext db, Scope scope, TimeProvider clock, CurrentUser user, RankOrganisationsByClusters ranking,
    Infrastructure.ReadModels.ReadModelStore readModels) : IUseCase
{
    /// <summary>The data areas a kept search reads (ReadModelTests checks them against its SQL); a cluster's removal removes its memberships.</summary>
    public static readonly IReadOnlyList<Infrastructure.ReadModels.ReadModelArea> Reads =
        [Infrastructure.ReadModels.ReadModelArea.Clusters, Infrastructure.ReadModels.ReadModelArea.Members];

    /// <summary>
    /// One page of the register. By name (the default, and the order of the name index) next and previous read by
    /// keyset, so a page deep in a register of tens of thousands costs what the first page costs.
    /// </summary>
    public async Task<Paged<OrganisationListItem>> HandleAsync(OrganisationListQuery q, PageRequest page, CancellationToken ct)
    {
        if (Kept(q) is not { } asked) return await PageAsync(q, page, ct);
        var view = await readModels.ViewAsync(ct);
        return await view.GetAsync(nameof(ListOrganisations), (asked, page), Reads,
            (services, t) => services.GetRequiredService<ListOrganisations>().PageAsync(asked, page, t), p => p.Items.Count + 1, cheap: true);
    }

    /// <summary>
    /// The question a search is kept under, or null when it is not kept: no search, or a caller who sees part of the
    /// programme (their answer is their own). The term as the search compares it (trimmed, lower case), so "Ferroplast "
    /// and "ferroplast" share one answer.
    /// </summary>
    private OrganisationListQuery? Kept(OrganisationListQuery q) =>
        string.IsNullOrWhiteSpace(q.Search) || !user.SharesKeptAnswers ? null
            : q with { Search = q.Search.Trim().ToLowerInvariant() };

    private async Task<Paged<OrganisationListItem>> PageAsync(OrganisationListQuery q, PageRequest page, CancellationToken ct)
    {
        var (rows, filtered, name, select) = Build(q, null);
        // Three commands (the session's check, the rows, the counts) instead of four that read every match three times (the ids,
        // the window, the total).
        if (await FewMatchesAsync(q, filtered, ct) is { } found) return await FewAsync(found, q, page, ct);
        // One cluster's members are few (a few hundred at the EU size): SQL counts theirs. A manager sees a few clusters' members.
        if (q.Sort == OrganisationSort.Clusters && q.ClusterId is null && user.SharesKeptAnswers) return await RankedAsync(q, page, ct);
        return q.Sort == OrganisationSort.Name
            ? await filtered.ToKeysetPageAsync(name, o => o.Id, q.Descending, select, r => r.Id, page, ct)
            : await rows.ToPageAsync(page, ct);
    }

    /// <summary>What a list row shows of the organisation itself; its clusters are counted apart (<see cref="WithClusterCountsAsync"/>).</summary>
    private static readonly System.Linq.Expressions.Expression<Func<Organisation, OrganisationListItem>> Columns =
        o => new OrganisationListItem(o.Id, o.Name, o.Kind, o.SizeClass, o.EnterpriseNumber, o.CountryCode, o.InternationallyActive, 0);

    /// <summary>
    /// The page of a search's few rows, in the order the database gives the list (<see cref="Build"/>): each sort, then the name
    /// in code-point order (<see cref="TextOrder.InMemory"/>), then the id. Kind and size go in their declared order (<see cref="EnumOrder"/>), as in SQL.
    /// By page number (the rows are all here, so no keyset is needed).
    /// </summary>
    private async Task<Paged<OrganisationListItem>> FewAsync(List<OrganisationListItem> found, OrganisationListQuery q, PageRequest page, CancellationToken ct)
    {
        // Sorting by the number of clusters needs every row's; any other sort only the page's.
        IReadOnlyList<OrganisationListItem> rows = q.Sort == OrganisationSort.Clusters ? await WithClusterCountsAsync(found, ct) : found;
        var d = q.Descending;
        IOrderedEnumerable<OrganisationListItem> ThenByName(IOrderedEnumerable<OrganisationListItem> o) => o.ThenBy(x => x.Name, TextOrder.InMemory).ThenBy(x => x.Id);
        IOrderedEnumerable<OrganisationListItem> ByNameWithin<TKey>(Func<OrganisationListItem, TKey> key, IComparer<TKey> comparer) => d
            ? rows.OrderByDescending(key, comparer).ThenByDescending(x => x.Name, TextOrder.InMemory).ThenByDescending(x => x.Id)
            : rows.OrderBy(key, comparer).ThenBy(x => x.Name, TextOrder.InMemory).ThenBy(x => x.Id);
        var ordered = q.Sort switch
        {
            OrganisationSort.Kind => ByNameWithin(o => EnumOrder.Rank(o.Kind), Comparer<int>.Default),
            OrganisationSort.Size => ThenByName(d ? rows.OrderBy(o => o.Size is null).ThenByDescending(o => EnumOrder.Rank(o.Size))
                : rows.OrderBy(o => o.Size is null).ThenBy(o => EnumOrder.Rank(o.Size))),
            OrganisationSort.Country => ByNameWithin(o => o.CountryCode, StringComparer.Ordinal),
            OrganisationSort.Clusters => ThenByName(d ? rows.OrderByDescending(o => o.ActiveClusterCount) : rows.OrderBy(o => o.ActiveClusterCount)),
            _ => d ? rows.OrderByDescending(o => o.Name, TextOrder.InMemory).ThenByDescending(o => o.Id) : rows.OrderBy(o => o.Name, TextOrder.InMemory).ThenBy(o => o.Id),
        };
        var paged = ordered.ToPage(page);
        return q.Sort == OrganisationSort.Clusters ? paged : paged with { Items = await WithClusterCountsAsync(paged.Items, ct) };
    }

    /// <summary>
    /// A page of the register sorted by clusters for those who see the whole programme: the kept ranking's positions, filtered
    /// by kind, size and several clusters on its columns and cut in memory, then only the page's rows read by id. A search
    /// that matches more than <see cref="FewMatches"/> reads the ids it matches (the few go through <see cref="FewAsync"/>).
    /// </summary>
    private async Task<Paged<OrganisationListItem>> RankedAsync(OrganisationListQuery q, PageRequest page, CancellationToken ct)
    {
        var r = await ranking.HandleAsync(ct);
        var matching = string.IsNullOrWhiteSpace(q.Search) ? null
            : (await Build(new OrganisationListQuery(q.Search, null, null, null), null).Filtered.Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var (kind, size) = ((byte?)q.Kind, q.Size is { } s ? (sbyte?)s : null);
        bool Keeps(int i) => (kind is null || r.Kinds[i] == kind) && (size is null || r.Sizes[i] == size) && (!q.MultiClusterOnly || r.Counts[i] > 1)
            && (matching is null || matching.Contains(r.Ids[i]));
        var order = q.Descending ? r.Descending : r.Ascending;
        // Counted up to Paging.CountLimit and one, as every list is, then cut: each pass stops where it has what it needs, and
        // no copy of 500,000 positions is made per request.
        var everyRow = kind is null && size is null && !q.MultiClusterOnly && matching is null;
        var kept = everyRow ? order : order.Where(Keeps);
        var total = everyRow ? order.Length : kept.Take(Paging.CountLimit + 1).Count();
        var number = Paging.Within(page.Page, total, page.Size);
        var cut = kept.Skip((number - 1) * page.Size).Take(page.Size).ToList();
        var ids = cut.Select(i => r.Ids[i]).ToList();
        var rows = await scope.Organisations().AsNoTracking().Where(Paging.In<Organisation>(o => o.Id, ids)).Select(Columns).ToDictionaryAsync(o => o.Id, ct);
        var items = cut.Where(i => rows.ContainsKey(r.Ids[i])).Select(i => rows[r.Ids[i]] with { ActiveClusterCount = r.Counts[i] }).ToList();
        return new Paged<OrganisationListItem>(items, number, page.Size, total);
    }

    /// <summary>The rows with the number of clusters each is a member of today (of those the caller may see): one grouped query.</summary>
    private async Task<IReadOnlyList<OrganisationListItem>> WithClusterCountsAsync(IReadOnlyList<OrganisationListItem> rows, CancellationToken ct)
    {
        if (rows.Count == 0) return rows;
        var today = clock.TodayInBrussels();
        var ids = rows.Select(r => r.Id).ToList();
        var counts = await scope.Memberships().Where(m => m.From <= today && (m.Until == null || m.Until >= today) && ids.Contains(m.OrganisationId))
            .GroupBy(m => m.OrganisationId).Select(g => new { g.Key, Count = g.Select(m => m.ClusterId).Distinct().Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return rows.Select(r => r with { ActiveClusterCount = counts.GetValueOrDefault(r.Id) }).ToList();
    }

    /// <summary>The API's orders, by the columns the register's indexes hold.</summary>
    public static readonly ApiSort<Organisation> Sort = new ApiSort<Organisation>().By("name", o => o.Name).By("countryCode", o => o.CountryCode).DefaultTo("name");

    /// <summary>One cursor window of the register for the API, searched and filtered as the page is.</summary>
    public async Task<ApiList<OrganisationListItem>> HandleAsync(OrganisationListQuery q, ListWindow window, CancellationToken ct)
    {
        if (Kept(q) is not { } asked) return await WindowAsync(q, window, ct);
        var view = await readModels.ViewAsync(ct);
        return await view.GetAsync($"{nameof(ListOrganisations)}.Api", (asked, window), Reads,
            (services, t) => services.GetRequiredService<ListOrganisations>().WindowAsync(asked, window, t), l => l.Items.Count + 1, cheap: true);
    }

    private async Task<ApiList<OrganisationListItem>> WindowAsync(OrganisationListQuery q, ListWindow window, CancellationToken ct)
    {
        var (_, filtered, _, select) = Build(q, null);
        if (await FewMatchesAsync(q, filtered, ct) is { } found)
        {
            // The same fields in the same order as the database's window (ItemSort), so a cursor continues on either.
            var list = found.ToApiList(ItemSort, window);
            return list with { Items = await WithClusterCountsAsync(list.Items, ct) };
        }
        return await filtered.ToApiListAsync(Sort, window, db, select, ct);
    }

    /// <summary><see cref="Sort"/> for a search's few rows, already in memory.</summary>
    private static readonly ApiSort<OrganisationListItem> ItemSort = new ApiSort<OrganisationListItem>().By("name", o => o.Name).By("countryCode", o => o.CountryCode).DefaultTo("name");

    /// <summary>
    /// A search's rows with their columns when it matches no more than <see cref="FewMatches"/> (one read; the list is then
    /// ordered and cut from them, and only its own rows' clusters are counted); null without a search or when more match.
    /// </summary>
    private async Task<List<OrganisationListItem>?> FewMatchesAsync(OrganisationListQuery q, IQueryable<Organisation> filtered, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q.Search)) return null;
        var found = await filtered.Select(Columns).Take(FewMatches + 1).ToListAsync(ct);
        return found.Count <= FewMatches ? found : null;
    }

    public async Task<List<OrganisationListItem>> AllAsync(OrganisationListQuery q, CancellationToken ct) => await (await BuildAsync(q, ct)).Rows.ToListAsync(ct);

    /// <summary>The most organisations a search lists by their ids (see <see cref="BuildAsync"/>).</summary>
    public const int FewMatches = 1_000;

    /// <summary>
    /// The list's query. A search by a part of a name finds its rows in PostgreSQL's trigram index, but asked for them in
    /// name order PostgreSQL walks the name index instead and tests every name until a page is full (issue 18, EU size:
    /// "Ferroplast", 227 of 500,000, read 141,667 names, 200-400 ms). So a search first reads the ids it matches, at most
    /// <see cref="FewMatches"/> and one (the trigram index: a few ms), and when it matches no more than that the list is those
    /// rows by id, ordered and paged as before. A search that matches more is common enough to fill a page early in name order.
    /// </summary>
    private async Task<(IQueryable<OrganisationListItem> Rows, IQueryable<Organisation> Filtered, System.Linq.Expressions.Expression<Func<Organisation, string>> Name,
        System.Linq.Expressions.Expression<Func<Organisation, OrganisationListItem>> Select)> BuildAsync(OrganisationListQuery q, CancellationToken ct)
    {
        var built = Build(q, null);
        if (string.IsNullOrWhiteSpace(q.Search)) return built;
        var ids = await built.Filtered.Select(o => o.Id).Take(FewMatches + 1).ToListAsync(ct);
        // The ids already meet every filter: the rows by id need only the order.
        return ids.Count > FewMatches ? built : Build(new OrganisationListQuery(null, null, null, null, false, q.Sort, q.Descending), ids);
    }

    private (IQueryable<OrganisationListItem> Rows, IQueryable<Organisation> Filtered, System.Linq.Expressions.Expression<Func<Organisation, string>> Name,
        System.Linq.Expressions.Expression<Func<Organisation, OrganisationListItem>> Select) Build(OrganisationListQuery q, IReadOnlyList<Guid>? ids)
    {
        var today = clock.TodayInBrussels();
        var active = scope.Memberships().Where(m => m.From <= today && (m.Until == null || m.Until >= today));

        var query = scope.Organisations().AsNoTracking();
        if (ids is not null) query = query.Where(Paging.In<Organisation>(o => o.Id, ids));
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
        // Kind and country are few values each: within one the rows follow the name and the id in the sort's direction, the
        // order of the indexes (kind's rank, Name, Id) and (CountryCode, Name, Id), so a page reads 25 rows of the index and sorts
        // none (issue 18, EU size: 500,000 organisations sorted for each page, 0.9 s). Kind and size go in their declared order
        // (EnumOrder: micro to large), not by their stored names. Size puts the organisations without one last in both
        // directions, the name and the id ascending within a size: the order of two indexes on the same expressions (migration
        // EnumSortIndexes, one per direction). The cluster count is no column: for those who see the whole programme the page
        // takes it from a kept ranking (RankedAsync); this order serves a manager's few, one cluster's members, the export.
        var size = EnumOrder.Rank((Organisation o) => o.SizeClass);
        var ordered = q.Sort switch
        {
            OrganisationSort.Kind => ByNameWithin(query, EnumOrder.Rank((Organisation o) => o.Kind), name, q.Descending),
            OrganisationSort.Size => (q.Descending ? query.OrderBy(o => o.SizeClass == null).ThenByDescending(size) : query.OrderBy(o => o.SizeClass == null).ThenBy(size))
                .ThenBy(name).ThenBy(o => o.Id),
            OrganisationSort.Country => ByNameWithin(query, o => o.CountryCode, name, q.Descending),
            OrganisationSort.Clusters => (q.Descending ? query.OrderByDescending(clusters) : query.OrderBy(clusters)).ThenBy(name).ThenBy(o => o.Id),
            _ => q.Descending ? query.OrderByDescending(name).ThenByDescending(o => o.Id) : query.OrderBy(name).ThenBy(o => o.Id),
        };
        System.Linq.Expressions.Expression<Func<Organisation, OrganisationListItem>> select = o => new OrganisationListItem(o.Id, o.Name, o.Kind, o.SizeClass, o.EnterpriseNumber,
            o.CountryCode, o.InternationallyActive, active.Where(m => m.OrganisationId == o.Id).Select(m => m.ClusterId).Distinct().Count());
        return (ordered.Select(select), query, name, select);
    }

    private static IOrderedQueryable<Organisation> ByNameWithin<TKey>(IQueryable<Organisation> query, System.Linq.Expressions.Expression<Func<Organisation, TKey>> key,
        System.Linq.Expressions.Expression<Func<Organisation, string>> name, bool descending) =>
        descending ? query.OrderByDescending(key).ThenByDescending(name).ThenByDescending(o => o.Id) : query.OrderBy(key).ThenBy(name).ThenBy(o => o.Id);
}
