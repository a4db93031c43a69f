namespace Clusterpact.Web.Features.Clusters;

public sealed record ClusterMemberRow(Guid MembershipId, Guid OrganisationId, string Name, string Kind, string? SizeClass, string? EnterpriseNumber, DateOnly From, DateOnly? Until, string Role);

public sealed record ClusterDetails(
    Guid Id, long Version, string Name, ClusterType Type, string StrategicDomain, string OriginCall, ClusterStatus Status,
    DateOnly? SupportStart, DateOnly? SupportEnd, string? EnterpriseNumber, string? Website, string? ContactName, string? ContactEmail,
    int ActiveMembers, int ActiveSmeMembers, int KnowledgeInstitutions, bool CanEdit, Paged<ClusterMemberRow> Members);

/// <summary>One cluster's page: its facts and its current members. Not found when the caller may not see it.</summary>
public sealed class GetClusterDetails(ClusterpactDbContext db, ClusterAccess access, TimeProvider clock) : IUseCase
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
