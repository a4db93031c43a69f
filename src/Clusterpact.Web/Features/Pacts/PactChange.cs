using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Pacts;

/// <summary>
/// The rule every change of a pact shares: the pact of a cluster the caller sees, at the version the page showed;
/// adopting needs agency staff, drafting the cluster's editors. A refusal lands next to the field it names.
/// </summary>
public sealed class PactChange(ClusterpactDbContext db, ClusterAccess access, Permissions permissions)
{
    public async Task<CommandOutcome> ApplyAsync(Guid clusterId, long version, bool adopting, string field, Func<ClusterPact, Result> change, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(clusterId, ct)) return CommandOutcome.NotFound;
        if (!(adopting ? await permissions.HasAsync(Policies.AgencyStaff) : await access.CanEditAsync(clusterId, ct))) return CommandOutcome.Forbidden;
        var pact = await db.ClusterPacts.SingleOrDefaultAsync(p => p.ClusterId == clusterId, ct);
        if (pact is null) return CommandOutcome.NotFound;
        if (pact.Version != version) return CommandOutcome.Conflict;
        var result = change(pact);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!.Field is { } f ? char.ToUpperInvariant(f[0]) + f[1..] : field, result.Error.Code);
        return await db.SaveVersionedAsync(pact, version, ct);
    }
}
