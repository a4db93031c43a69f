namespace Clusterpact.Web.Features.Clusters;

public enum ClusterSort { Name, Type, Status, Domain, Start, End, Members }

public sealed record ClusterListQuery(string? Search, ClusterType? Type, ClusterStatus? Status, ClusterSort Sort = ClusterSort.Name, bool Descending = false);

public sealed record ClusterListItem(Guid Id, string Name, ClusterType Type, string StrategicDomain, ClusterStatus Status, DateOnly? SupportStart, DateOnly? SupportEnd, int ActiveMembers);

/// <summary>The clusters the caller may see, searched, filtered, sorted and paged in SQL.</summary>
public sealed class ListClusters(ClusterpactDbContext db, ClusterAccess access, TimeProvider clock)
{
    public Task<Paged<ClusterListItem>> HandleAsync(ClusterListQuery q, PageRequest page, CancellationToken ct) => Build(q).ToPageAsync(page, ct);

    /// <summary>Every row of the filtered, sorted list, for an export.</summary>
    public Task<List<ClusterListItem>> AllAsync(ClusterListQuery q, CancellationToken ct) => Build(q).ToListAsync(ct);

    private IQueryable<ClusterListItem> Build(ClusterListQuery q)
    {
        var today = clock.TodayInBrussels();
        var query = access.VisibleClusters().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            query = query.Where(c => c.Name.ToLower().Contains(term) || c.StrategicDomain.ToLower().Contains(term) || c.OriginCall.ToLower().Contains(term));
        }
        if (q.Type is { } type) query = query.Where(c => c.Type == type);
        if (q.Status is { } status) query = query.Where(c => c.Status == status);

        // Sort on the entity, then project: EF translates ordering on columns, not on a record's constructor.
        System.Linq.Expressions.Expression<Func<Cluster, int>> members = c =>
            db.Memberships.Count(m => m.ClusterId == c.Id && m.From <= today && (m.Until == null || m.Until >= today));
        IOrderedQueryable<Cluster> ordered = q.Sort switch
        {
            ClusterSort.Type => q.Descending ? query.OrderByDescending(c => c.Type) : query.OrderBy(c => c.Type),
            ClusterSort.Status => q.Descending ? query.OrderByDescending(c => c.Status) : query.OrderBy(c => c.Status),
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

public sealed record ClusterMemberRow(Guid MembershipId, Guid OrganisationId, string Name, string Kind, string? SizeClass, string? EnterpriseNumber, DateOnly From, DateOnly? Until, string Role);

public sealed record ClusterDetails(
    Guid Id, long Version, string Name, ClusterType Type, string StrategicDomain, string OriginCall, ClusterStatus Status,
    DateOnly? SupportStart, DateOnly? SupportEnd, string? EnterpriseNumber, string? Website, string? ContactName, string? ContactEmail,
    int ActiveMembers, int ActiveSmeMembers, int KnowledgeInstitutions, bool CanEdit, Paged<ClusterMemberRow> Members);

/// <summary>One cluster's page: its facts and its current members. Not found when the caller may not see it.</summary>
public sealed class GetClusterDetails(ClusterpactDbContext db, ClusterAccess access, TimeProvider clock)
{
    public const int MemberPageSize = 50;

    /// <summary>The cluster with one page of its members by number (pages that show the cluster's header use page 1).</summary>
    public Task<ClusterDetails?> HandleAsync(Guid id, int memberPage, CancellationToken ct) => HandleAsync(id, new PageRequest(memberPage, MemberPageSize), ct);

    public async Task<ClusterDetails?> HandleAsync(Guid id, PageRequest memberPage, CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        var c = await access.VisibleClusters().AsNoTracking().Where(x => x.Id == id).FirstOrDefaultAsync(ct);
        if (c is null) return null;

        var active = db.Memberships.AsNoTracking()
            .Where(m => m.ClusterId == id && m.From <= today && (m.Until == null || m.Until >= today))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m, o });
        var total = await active.CountAsync(ct);
        var sme = await active.CountAsync(x => x.o.Kind == Domain.Members.OrganisationKind.Company && x.o.SizeClass != null && x.o.SizeClass != Domain.Members.SizeClass.Large, ct);
        var knowledge = await active.CountAsync(x => x.o.Kind == Domain.Members.OrganisationKind.KnowledgeInstitution, ct);
        // A large cluster has thousands of members: by name, next and previous read by keyset.
        var members = await active.ToKeysetPageAsync(TextOrder.Binary(db, active, x => x.o.Name), x => x.m.Id, false,
            x => new ClusterMemberRow(x.m.Id, x.o.Id, x.o.Name, x.o.Kind.ToString(), x.o.SizeClass.HasValue ? x.o.SizeClass.Value.ToString() : null, x.o.EnterpriseNumber, x.m.From, x.m.Until, x.m.Role.ToString()),
            r => r.MembershipId, memberPage, ct);
        var canEdit = await access.CanEditAsync(id, ct);
        return new ClusterDetails(c.Id, c.Version, c.Name, c.Type, c.StrategicDomain, c.OriginCall, c.Status, c.SupportStart, c.SupportEnd,
            c.EnterpriseNumber, c.Website, c.ContactName, c.ContactEmail, total, sme, knowledge, canEdit, members);
    }
}
