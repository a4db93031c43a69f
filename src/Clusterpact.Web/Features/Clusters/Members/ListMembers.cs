using Clusterpact.Web.Infrastructure.Requests;

namespace Clusterpact.Web.Features.Clusters.Members;

/// <summary>A cluster's memberships for the API, past and present, oldest first, one window at a time; null when the cluster is not the caller's.</summary>
public sealed class ListMembers(ClusterpactDbContext db, Scope scope, ClusterAccess access) : IUseCase
{
    /// <summary>The API's orders: by id (creation), or by the day the membership began.</summary>
    public static readonly ApiSort<Membership> Sort = new ApiSort<Membership>().By("from", m => m.From);

    public async Task<ApiList<MembershipDto>?> HandleAsync(Guid clusterId, ListWindow window, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(clusterId, ct)) return null;
        return await scope.Memberships().Where(m => m.ClusterId == clusterId).ToApiListAsync(Sort, window, db, (rows, c) => WithOrganisationsAsync(db, rows, c), ct);
    }

    /// <summary>Memberships with their organisation's identity, read in one query for the rows.</summary>
    public static async Task<IReadOnlyList<MembershipDto>> WithOrganisationsAsync(ClusterpactDbContext db, IReadOnlyList<Membership> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.OrganisationId).Distinct().ToList();
        var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.EnterpriseNumber, o.CountryCode, o.ForeignId }).ToDictionaryAsync(o => o.Id, ct);
        return rows.Select(m =>
        {
            var o = organisations[m.OrganisationId];
            return new MembershipDto(m.Id, m.ClusterId, m.OrganisationId, o.Name, o.EnterpriseNumber, o.CountryCode, o.ForeignId, m.From, m.Until, m.Role, m.YearlyFee, m.ContactEmail, m.Version);
        }).ToList();
    }
}
