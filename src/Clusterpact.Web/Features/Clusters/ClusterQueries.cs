using Clusterpact.Domain.Clusters;
using Clusterpact.Web.Data;
using Clusterpact.Web.Features.Shared;
using Clusterpact.Web.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;

namespace Clusterpact.Web.Features.Clusters;

public enum ClusterSort { Name, Type, Status, Domain, Start, End, Members }

public sealed record ClusterListQuery(string? Search, ClusterType? Type, ClusterStatus? Status, ClusterSort Sort = ClusterSort.Name, bool Descending = false, int Page = 1, int PageSize = Paging.DefaultPageSize);

public sealed record ClusterListItem(Guid Id, string Name, ClusterType Type, string StrategicDomain, ClusterStatus Status, DateOnly? SupportStart, DateOnly? SupportEnd, int ActiveMembers);

/// <summary>The clusters the caller may see, searched, filtered, sorted and paged in SQL.</summary>
public sealed class ListClusters(ClusterpactDbContext db, ClusterAccess access, TimeProvider clock)
{
    public async Task<Paged<ClusterListItem>> HandleAsync(ClusterListQuery q, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var query = access.VisibleClusters().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToLower();
            query = query.Where(c => c.Name.ToLower().Contains(term) || c.StrategicDomain.ToLower().Contains(term) || c.OriginCall.ToLower().Contains(term));
        }
        if (q.Type is { } type) query = query.Where(c => c.Type == type);
        if (q.Status is { } status) query = query.Where(c => c.Status == status);

        var rows = query.Select(c => new ClusterListItem(c.Id, c.Name, c.Type, c.StrategicDomain, c.Status, c.SupportStart, c.SupportEnd,
            db.Memberships.Count(m => m.ClusterId == c.Id && m.From <= today && (m.Until == null || m.Until >= today))));
        rows = (q.Sort, q.Descending) switch
        {
            (ClusterSort.Type, false) => rows.OrderBy(r => r.Type).ThenBy(r => r.Name),
            (ClusterSort.Type, true) => rows.OrderByDescending(r => r.Type).ThenBy(r => r.Name),
            (ClusterSort.Status, false) => rows.OrderBy(r => r.Status).ThenBy(r => r.Name),
            (ClusterSort.Status, true) => rows.OrderByDescending(r => r.Status).ThenBy(r => r.Name),
            (ClusterSort.Domain, false) => rows.OrderBy(r => r.StrategicDomain).ThenBy(r => r.Name),
            (ClusterSort.Domain, true) => rows.OrderByDescending(r => r.StrategicDomain).ThenBy(r => r.Name),
            (ClusterSort.Start, false) => rows.OrderBy(r => r.SupportStart).ThenBy(r => r.Name),
            (ClusterSort.Start, true) => rows.OrderByDescending(r => r.SupportStart).ThenBy(r => r.Name),
            (ClusterSort.End, false) => rows.OrderBy(r => r.SupportEnd).ThenBy(r => r.Name),
            (ClusterSort.End, true) => rows.OrderByDescending(r => r.SupportEnd).ThenBy(r => r.Name),
            (ClusterSort.Members, false) => rows.OrderBy(r => r.ActiveMembers).ThenBy(r => r.Name),
            (ClusterSort.Members, true) => rows.OrderByDescending(r => r.ActiveMembers).ThenBy(r => r.Name),
            (_, true) => rows.OrderByDescending(r => r.Name),
            _ => rows.OrderBy(r => r.Name),
        };
        var page = Paging.ClampPage(q.Page);
        var size = Paging.ClampSize(q.PageSize);
        var total = await query.CountAsync(ct);
        var items = await rows.Skip((page - 1) * size).Take(size).ToListAsync(ct);
        return new Paged<ClusterListItem>(items, page, size, total);
    }
}

public sealed record ClusterMemberRow(Guid OrganisationId, string Name, string Kind, string? SizeClass, string? EnterpriseNumber, DateOnly From, DateOnly? Until, string Role);

public sealed record ClusterDetails(
    Guid Id, long Version, string Name, ClusterType Type, string StrategicDomain, string OriginCall, ClusterStatus Status,
    DateOnly? SupportStart, DateOnly? SupportEnd, string? EnterpriseNumber, string? Website, string? ContactName, string? ContactEmail,
    int ActiveMembers, int ActiveSmeMembers, int KnowledgeInstitutions, bool CanEdit, Paged<ClusterMemberRow> Members);

/// <summary>One cluster's page: its facts and its current members. Not found when the caller may not see it.</summary>
public sealed class GetClusterDetails(ClusterpactDbContext db, ClusterAccess access, TimeProvider clock)
{
    public async Task<ClusterDetails?> HandleAsync(Guid id, int memberPage, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().Date);
        var c = await access.VisibleClusters().AsNoTracking().Where(x => x.Id == id).FirstOrDefaultAsync(ct);
        if (c is null) return null;

        var active = db.Memberships.AsNoTracking()
            .Where(m => m.ClusterId == id && m.From <= today && (m.Until == null || m.Until >= today))
            .Join(db.Organisations, m => m.OrganisationId, o => o.Id, (m, o) => new { m, o });
        var total = await active.CountAsync(ct);
        var sme = await active.CountAsync(x => x.o.Kind == Domain.Members.OrganisationKind.Company && x.o.SizeClass != null && x.o.SizeClass != Domain.Members.SizeClass.Large, ct);
        var knowledge = await active.CountAsync(x => x.o.Kind == Domain.Members.OrganisationKind.KnowledgeInstitution, ct);
        var page = Paging.ClampPage(memberPage);
        const int size = 50;
        var rows = await active.OrderBy(x => x.o.Name).Skip((page - 1) * size).Take(size)
            .Select(x => new ClusterMemberRow(x.o.Id, x.o.Name, x.o.Kind.ToString(), x.o.SizeClass.HasValue ? x.o.SizeClass.Value.ToString() : null, x.o.EnterpriseNumber, x.m.From, x.m.Until, x.m.Role.ToString()))
            .ToListAsync(ct);
        var canEdit = await access.CanEditAsync(id, ct);
        return new ClusterDetails(c.Id, c.Version, c.Name, c.Type, c.StrategicDomain, c.OriginCall, c.Status, c.SupportStart, c.SupportEnd,
            c.EnterpriseNumber, c.Website, c.ContactName, c.ContactEmail, total, sme, knowledge, canEdit, new Paged<ClusterMemberRow>(rows, page, size, total));
    }
}
