using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Pacts;

/// <summary>
/// Cluster pacts: the cluster's manager and agency staff draft the yearly version from the annual plan; agency
/// staff start a pact and adopt a version. Everybody who sees the cluster reads every version and compares two.
/// </summary>
public sealed class PactService(ClusterpactDbContext db, ClusterAccess access, Permissions permissions, TimeProvider clock)
{
    public DateOnly Today => clock.TodayInBrussels();

    public async Task<(string ClusterName, bool IsSpearhead, ClusterPact? Pact, bool CanEdit, bool CanAdopt)?> GetAsync(Guid clusterId, CancellationToken ct)
    {
        var cluster = await access.VisibleClusters().AsNoTracking().Where(c => c.Id == clusterId).Select(c => new { c.Name, c.Type }).SingleOrDefaultAsync(ct);
        if (cluster is null) return null;
        var pact = await db.ClusterPacts.AsNoTracking().SingleOrDefaultAsync(p => p.ClusterId == clusterId, ct);
        return (cluster.Name, cluster.Type == Domain.Clusters.ClusterType.SpearheadCluster, pact, await access.CanEditAsync(clusterId, ct), await permissions.HasAsync(Policies.AgencyStaff));
    }

    public async Task<CommandOutcome> StartAsync(Guid clusterId, int year, string? basis, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(clusterId, ct)) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var type = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Type).SingleAsync(ct);
        // The pact is the spearhead clusters' contract with the government (DOMAIN glossary: "SPC only").
        if (type != Domain.Clusters.ClusterType.SpearheadCluster) return CommandOutcome.Invalid("Year", "Pact.OnlySpearheadClusters");
        if (await db.ClusterPacts.AnyAsync(p => p.ClusterId == clusterId, ct)) return CommandOutcome.Invalid("Year", "Pact.Exists");
        if (ClusterPact.CheckVersion(year, basis) is { } outOfRange) return CommandOutcome.Invalid(outOfRange.Field == "basis" ? "Basis" : "Year", outOfRange.Code);
        db.ClusterPacts.Add(ClusterPact.Start(clusterId, year, basis));
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(0);
    }

    /// <summary>Runs a change on the pact with the version the page showed; adopting needs agency staff, drafting the cluster's editors.</summary>
    public async Task<CommandOutcome> ChangeAsync(Guid clusterId, long version, bool adopting, string field, Func<ClusterPact, Result> change, CancellationToken ct)
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
