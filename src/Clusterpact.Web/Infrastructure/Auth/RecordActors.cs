using Clusterpact.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>
/// Who the signed-in person is for one record, in the terms of the lifecycle tables: agency staff, the manager of the
/// record's cluster, the owner of the application, the expert of the assignment. Pages pass the answer to a lifecycle
/// (buttons) and commands to the aggregate (checks), so a step is authorized by its table and nowhere else.
/// </summary>
public sealed class RecordActors(CurrentUser user, ClusterAccess access)
{
    private static readonly IReadOnlySet<Actor> Nobody = new HashSet<Actor>();

    /// <summary>For a record of one or more clusters (an agreement, a report, a project of several clusters).</summary>
    public async Task<IReadOnlySet<Actor>> OnClustersAsync(IEnumerable<Guid> clusterIds, CancellationToken ct)
    {
        var actors = new HashSet<Actor>();
        if (user.IsAgencyStaff) actors.Add(Actor.Agency);
        if (user.IsInRole(Roles.ClusterManager))
        {
            foreach (var id in clusterIds.Distinct())
            {
                if (!await access.CanEditAsync(id, ct)) continue;
                actors.Add(Actor.ClusterManager);
                break;
            }
        }
        return actors.Count == 0 ? Nobody : actors;
    }

    public Task<IReadOnlySet<Actor>> OnClusterAsync(Guid clusterId, CancellationToken ct) => OnClustersAsync([clusterId], ct);

    /// <summary>For an application: agency staff, and its owner.</summary>
    public IReadOnlySet<Actor> OnApplication(Guid ownerId)
    {
        var actors = new HashSet<Actor>();
        if (user.IsAgencyStaff) actors.Add(Actor.Agency);
        if (user.Id == ownerId && (user.IsInRole(Roles.Applicant) || user.IsInRole(Roles.ClusterManager))) actors.Add(Actor.Applicant);
        return actors.Count == 0 ? Nobody : actors;
    }

    /// <summary>For an expert assignment: the expert it is for (agency staff assign and withdraw, they do not declare or score).</summary>
    public IReadOnlySet<Actor> OnAssignment(Guid expertId)
    {
        var actors = new HashSet<Actor>();
        if (user.IsAgencyStaff) actors.Add(Actor.Agency);
        if (user.Id == expertId && user.IsInRole(Roles.ExternalExpert)) actors.Add(Actor.Expert);
        return actors.Count == 0 ? Nobody : actors;
    }
}
