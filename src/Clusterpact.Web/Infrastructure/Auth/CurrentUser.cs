using System.Security.Claims;
using Clusterpact.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>The signed-in person for this request, with the clusters they may act for.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private ClaimsPrincipal? _actingAs;

    private ClaimsPrincipal? Principal => _actingAs ?? accessor.HttpContext?.User;

    /// <summary>
    /// Background work (a job) acts as the person who started it, so the audit trail names them and not "system".
    /// </summary>
    public void ActAs(Guid id, string name, IEnumerable<string> roles) =>
        _actingAs = new ClaimsPrincipal(new ClaimsIdentity(
            roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.NameIdentifier, id.ToString())).Append(new Claim(ClaimTypes.Name, name)),
            "job", ClaimTypes.Name, ClaimTypes.Role));

    public bool IsAuthenticated => Principal?.Identity?.IsAuthenticated == true;

    public Guid? Id => Guid.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => Principal?.Identity?.Name ?? "system";

    public bool IsInRole(string role) => Principal?.IsInRole(role) == true;

    /// <summary>Agency staff and readers see every cluster; everybody else only the clusters in their scope.</summary>
    public bool SeesAllClusters => IsInRole(Roles.Administrator) || IsInRole(Roles.ProgrammeOfficer) || IsInRole(Roles.Reader);

    public bool IsAgencyStaff => IsInRole(Roles.Administrator) || IsInRole(Roles.ProgrammeOfficer);
}

/// <summary>Scopes cluster queries by the caller's rights, so a foreign id is simply not found.</summary>
public sealed class ClusterAccess(ClusterpactDbContext db, CurrentUser user)
{
    public IQueryable<Domain.Clusters.Cluster> VisibleClusters()
    {
        if (user.SeesAllClusters) return db.Clusters;
        if (!user.IsInRole(Roles.ClusterManager) || user.Id is not { } uid) return db.Clusters.Where(_ => false);
        return db.Clusters.Where(c => db.UserClusterScopes.Any(s => s.UserId == uid && s.ClusterId == c.Id));
    }

    public Task<bool> CanSeeAsync(Guid clusterId, CancellationToken ct) => VisibleClusters().AnyAsync(c => c.Id == clusterId, ct);

    /// <summary>Agency staff edit every cluster; a cluster manager only those in their scope; readers and experts none.</summary>
    public async Task<bool> CanEditAsync(Guid clusterId, CancellationToken ct)
    {
        if (user.IsAgencyStaff) return true;
        if (!user.IsInRole(Roles.ClusterManager) || user.Id is not { } uid) return false;
        return await db.UserClusterScopes.AnyAsync(s => s.UserId == uid && s.ClusterId == clusterId, ct);
    }
}
