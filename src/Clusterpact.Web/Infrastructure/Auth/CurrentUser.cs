using System.Security.Claims;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>The signed-in person for this request, with the clusters they may act for.</summary>
public sealed class CurrentUser(IHttpContextAccessor accessor)
{
    private static readonly ClaimsPrincipal Nobody = new(new ClaimsIdentity());

    private ClaimsPrincipal? _actingAs;

    /// <summary>Who authorization decides for: the request's user, or the person a background job acts as.</summary>
    public ClaimsPrincipal Principal => _actingAs ?? accessor.HttpContext?.User ?? Nobody;

    /// <summary>
    /// Background work (a job) acts as the person who started it, so the audit trail names them and not "system".
    /// </summary>
    public void ActAs(Guid id, string name, IEnumerable<string> roles) =>
        _actingAs = new ClaimsPrincipal(new ClaimsIdentity(
            roles.Select(r => new Claim(ClaimTypes.Role, r)).Append(new Claim(ClaimTypes.NameIdentifier, id.ToString())).Append(new Claim(ClaimTypes.Name, name)),
            "job", ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>A kept answer's computation (decision 0020) acts as the person whose request started it, with all their claims.</summary>
    public void ActAs(ClaimsPrincipal principal) => _actingAs = principal;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;

    public Guid? Id => IdOf(Principal);

    public string Name => Principal.Identity?.Name ?? "system";

    public bool IsInRole(string role) => Principal.IsInRole(role);

    /// <summary>The person's roles, in the order of <see cref="Roles.All"/> (what the API's /me tells the caller).</summary>
    public IReadOnlyList<string> RoleNames => Roles.All.Where(IsInRole).ToList();

    /// <summary>Agency staff and readers see every cluster; everybody else only the clusters in their scope.</summary>
    public bool SeesAllClusters => Roles.SeesAllClusters(Principal);

    public bool IsAgencyStaff => Roles.IsAgencyStaff(Principal);

    /// <summary>The one cluster a cluster manager's machine client acts for (null for people and the agency's clients).</summary>
    public Guid? OnlyCluster => Clients.ClientClaims.ClusterOf(Principal);

    /// <summary>
    /// Whether this caller's answers are the whole programme's, so a kept answer (decision 0020) serves them and everybody
    /// else who sees it all: they see every cluster and are not a machine client narrowed to one. Anyone else computes their own.
    /// </summary>
    public bool SharesKeptAnswers => SeesAllClusters && OnlyCluster is null;

    public static Guid? IdOf(ClaimsPrincipal user) => Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}

/// <summary>
/// The cluster questions of the features that predate <see cref="Scope"/> and <see cref="Permissions"/>; both answers
/// come from there, so there is one decision.
/// </summary>
public sealed class ClusterAccess(Scope scope, Permissions permissions)
{
    public IQueryable<Domain.Clusters.Cluster> VisibleClusters() => scope.Clusters();

    public Task<bool> CanSeeAsync(Guid clusterId, CancellationToken ct) => scope.Clusters().AnyAsync(c => c.Id == clusterId, ct);

    /// <summary>Agency staff edit every cluster; a cluster manager only those in their scope; readers and experts none.</summary>
    public Task<bool> CanEditAsync(Guid clusterId, CancellationToken ct) => permissions.MayAsync(RecordOperations.Act, ClusterResource.Of(clusterId));
}
