namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>
/// Who the signed-in person is for one record, in the terms of the lifecycle tables: agency staff, the manager of the
/// record's cluster, the owner of the application, the expert of the assignment. Pages pass the answer to a lifecycle
/// (buttons) and commands to the aggregate (checks), so a step is authorized by its table and nowhere else. The answer
/// is <see cref="RecordRights"/>'s, the same that the resource authorization handler gives.
/// </summary>
public sealed class RecordActors(CurrentUser user, RecordRights rights)
{
    /// <summary>For a record of one or more clusters (an agreement, a report, a project of several clusters).</summary>
    public Task<IReadOnlySet<Actor>> OnClustersAsync(IEnumerable<Guid> clusterIds, CancellationToken ct) =>
        rights.ActorsAsync(user.Principal, new ClusterResource(clusterIds.Distinct().ToList()), ct);

    public Task<IReadOnlySet<Actor>> OnClusterAsync(Guid clusterId, CancellationToken ct) => OnClustersAsync([clusterId], ct);

    /// <summary>For an application: agency staff, and its owner.</summary>
    public IReadOnlySet<Actor> OnApplication(Guid ownerId) => RecordRights.OnApplication(user.Principal, ownerId);

    /// <summary>For an expert assignment: the expert it is for (agency staff assign and withdraw, they do not declare or score).</summary>
    public IReadOnlySet<Actor> OnAssignment(Guid expertId) => RecordRights.OnAssignment(user.Principal, expertId);
}
