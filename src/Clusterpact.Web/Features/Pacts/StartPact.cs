using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Pacts;

/// <summary>Agency staff start a spearhead cluster's pact with its first version (this year's when no year is given).</summary>
public sealed class StartPact(ClusterpactDbContext db, ClusterAccess access, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid clusterId, int? year, string? basis, CancellationToken ct)
    {
        var first = year ?? clock.TodayInBrussels().Year;
        if (!await access.CanSeeAsync(clusterId, ct)) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var type = await db.Clusters.Where(c => c.Id == clusterId).Select(c => c.Type).SingleAsync(ct);
        // The pact is the spearhead clusters' contract with the government (DOMAIN glossary: "SPC only").
        if (type != Domain.Clusters.ClusterType.SpearheadCluster) return CommandOutcome.Invalid("Year", "Pact.OnlySpearheadClusters");
        if (await db.ClusterPacts.AnyAsync(p => p.ClusterId == clusterId, ct)) return CommandOutcome.Invalid("Year", "Pact.Exists");
        if (ClusterPact.CheckVersion(first, basis) is { } outOfRange) return CommandOutcome.Invalid(outOfRange.Field == "basis" ? "Basis" : "Year", outOfRange.Code);
        db.ClusterPacts.Add(ClusterPact.Start(clusterId, first, basis));
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(0);
    }
}
