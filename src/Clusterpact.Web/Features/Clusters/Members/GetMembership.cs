namespace Clusterpact.Web.Features.Clusters.Members;

/// <summary>One membership of a cluster the caller sees, with its organisation's identity; null (so 404) when it is not theirs or not of that cluster.</summary>
public sealed class GetMembership(ClusterpactDbContext db, Scope scope) : IUseCase
{
    public async Task<MembershipDto?> HandleAsync(Guid clusterId, Guid membershipId, CancellationToken ct)
    {
        var membership = await scope.Memberships().AsNoTracking().SingleOrDefaultAsync(m => m.Id == membershipId && m.ClusterId == clusterId, ct);
        return membership is null ? null : (await ListMembers.WithOrganisationsAsync(db, [membership], ct))[0];
    }
}
