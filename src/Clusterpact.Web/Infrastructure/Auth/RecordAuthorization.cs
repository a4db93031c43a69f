using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>A record authorization decides on: who it belongs to, in the terms the rights are written in.</summary>
public abstract record RecordResource;

/// <summary>A record of one or more clusters: the cluster itself, an agreement, a report, a project of several clusters.</summary>
public sealed record ClusterResource(IReadOnlyCollection<Guid> ClusterIds) : RecordResource
{
    public static ClusterResource Of(params Guid[] clusterIds) => new(clusterIds);
}

/// <summary>An application, by the person who owns it.</summary>
public sealed record ApplicationResource(Guid? OwnerId) : RecordResource;

/// <summary>An expert assignment, by the expert it is for.</summary>
public sealed record AssignmentResource(Guid ExpertId) : RecordResource;

/// <summary>What is asked of a record: to look at it, or to act on it (change it, take a step of its lifecycle).</summary>
public sealed class RecordRequirement(string name) : IAuthorizationRequirement
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

public static class RecordOperations
{
    public static readonly RecordRequirement View = new(nameof(View));
    public static readonly RecordRequirement Act = new(nameof(Act));
}

/// <summary>
/// The one decision on records. Who acts on a record (<see cref="ActorsAsync"/>) is the base of everything: a person may
/// act on a record when they are one of its actors (agency staff; the manager of one of its clusters; the owner of the
/// application; the expert of the assignment), and may look at it when they may act on it or see the whole programme
/// (readers). The authorization handler, <see cref="RecordActors"/> and <see cref="ClusterAccess"/> all ask this.
/// </summary>
public sealed class RecordRights(ClusterpactDbContext db)
{
    private static readonly IReadOnlySet<Actor> Nobody = new HashSet<Actor>();

    public async Task<IReadOnlySet<Actor>> ActorsAsync(ClaimsPrincipal user, RecordResource resource, CancellationToken ct) => resource switch
    {
        ClusterResource c => await OnClustersAsync(user, c.ClusterIds, ct),
        ApplicationResource a => OnApplication(user, a.OwnerId),
        AssignmentResource a => OnAssignment(user, a.ExpertId),
        _ => throw new ArgumentOutOfRangeException(nameof(resource), resource, "No rights are written for this kind of record."),
    };

    public async Task<bool> MayAsync(ClaimsPrincipal user, RecordRequirement operation, RecordResource resource, CancellationToken ct)
    {
        if (operation == RecordOperations.View && resource is ClusterResource && Roles.SeesAllClusters(user)) return true;
        return (await ActorsAsync(user, resource, ct)).Count > 0;
    }

    private async Task<IReadOnlySet<Actor>> OnClustersAsync(ClaimsPrincipal user, IReadOnlyCollection<Guid> clusterIds, CancellationToken ct)
    {
        var actors = new HashSet<Actor>();
        if (Roles.IsAgencyStaff(user)) actors.Add(Actor.Agency);
        // A machine client of a cluster manager acts for the one cluster it was made for (decision 0014).
        if (Clients.ClientClaims.ClusterOf(user) is { } only) clusterIds = clusterIds.Where(c => c == only).ToList();
        if (user.IsInRole(Roles.ClusterManager) && CurrentUser.IdOf(user) is { } uid && clusterIds.Count > 0
            && await db.UserClusterScopes.AnyAsync(s => s.UserId == uid && clusterIds.Contains(s.ClusterId), ct))
            actors.Add(Actor.ClusterManager);
        return actors.Count == 0 ? Nobody : actors;
    }

    /// <summary>For an application: agency staff, and its owner when they apply (an applicant or a cluster manager).</summary>
    public static IReadOnlySet<Actor> OnApplication(ClaimsPrincipal user, Guid? ownerId)
    {
        var actors = new HashSet<Actor>();
        if (Roles.IsAgencyStaff(user)) actors.Add(Actor.Agency);
        if (ownerId is not null && CurrentUser.IdOf(user) == ownerId && (user.IsInRole(Roles.Applicant) || user.IsInRole(Roles.ClusterManager)))
            actors.Add(Actor.Applicant);
        return actors.Count == 0 ? Nobody : actors;
    }

    /// <summary>For an expert assignment: agency staff (they assign and withdraw), and the expert it is for (they declare and score).</summary>
    public static IReadOnlySet<Actor> OnAssignment(ClaimsPrincipal user, Guid expertId)
    {
        var actors = new HashSet<Actor>();
        if (Roles.IsAgencyStaff(user)) actors.Add(Actor.Agency);
        if (CurrentUser.IdOf(user) == expertId && user.IsInRole(Roles.ExternalExpert)) actors.Add(Actor.Expert);
        return actors.Count == 0 ? Nobody : actors;
    }
}

/// <summary>The resource-based handler behind <c>IAuthorizationService.AuthorizeAsync(user, resource, RecordOperations.X)</c>.</summary>
public sealed class RecordAuthorizationHandler(RecordRights rights, IHttpContextAccessor http) : AuthorizationHandler<RecordRequirement, RecordResource>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RecordRequirement requirement, RecordResource resource)
    {
        if (await rights.MayAsync(context.User, requirement, resource, http.HttpContext?.RequestAborted ?? CancellationToken.None)) context.Succeed(requirement);
    }
}

/// <summary>
/// Authorization questions for services and pages, asked of <see cref="IAuthorizationService"/> for the person the
/// request (or the job) acts for: a declared policy ("is this agency staff?") or a record ("may they act on this cluster?").
/// </summary>
public sealed class Permissions(IAuthorizationService authorization, CurrentUser user)
{
    public async Task<bool> HasAsync(string policy) => (await authorization.AuthorizeAsync(user.Principal, policy)).Succeeded;

    public async Task<bool> MayAsync(RecordRequirement operation, RecordResource resource) =>
        (await authorization.AuthorizeAsync(user.Principal, resource, operation)).Succeeded;
}
