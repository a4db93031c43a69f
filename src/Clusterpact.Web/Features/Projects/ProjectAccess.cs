namespace Clusterpact.Web.Features.Projects;

/// <summary>
/// Which projects a caller sees and may change: agency staff and readers see all; a cluster manager the projects
/// of their clusters. A cluster manager proposes and revises proposals of their own clusters; only agency staff
/// decide, move a project on, and commit or pay money from an envelope.
/// </summary>
public sealed class ProjectAccess(Permissions permissions, Scope scope)
{
    /// <summary>Agency staff act on every project; a cluster manager when one of its clusters is theirs (the record handler's answer).</summary>
    public Task<bool> CanEditAsync(Project project) => CanActForAsync(project.ClusterIds);

    /// <summary>Whether the caller acts for at least one of these clusters (agency staff for all).</summary>
    public Task<bool> CanActForAsync(IEnumerable<Guid> clusterIds) =>
        permissions.MayAsync(RecordOperations.Act, new ClusterResource(clusterIds.Distinct().ToList()));

    /// <summary>Agency staff decide, move a project on, and commit or pay money; the domain's rules take this as "by the agency".</summary>
    public Task<bool> IsAgencyAsync() => permissions.HasAsync(Policies.AgencyStaff);

    /// <summary>A project the caller sees, tracked for a change; null when it is not theirs to see.</summary>
    public Task<Project?> FindAsync(Guid id, CancellationToken ct) => scope.Projects().SingleOrDefaultAsync(p => p.Id == id, ct);

    /// <summary>The project for a change by its cluster or the agency, at the version the form showed; otherwise the refusal (404, 403, 409).</summary>
    public Task<(Project? Project, CommandOutcome? Refusal)> ForEditAsync(Guid id, long version, CancellationToken ct) => LoadAsync(id, version, CanEditAsync, ct);

    /// <summary>The project for a change only the agency makes (money), at the version the form showed; otherwise the refusal.</summary>
    public Task<(Project? Project, CommandOutcome? Refusal)> ForAgencyAsync(Guid id, long version, CancellationToken ct) => LoadAsync(id, version, _ => IsAgencyAsync(), ct);

    private async Task<(Project? Project, CommandOutcome? Refusal)> LoadAsync(Guid id, long version, Func<Project, Task<bool>> may, CancellationToken ct)
    {
        var project = await FindAsync(id, ct);
        if (project is null) return (null, CommandOutcome.NotFound);
        if (!await may(project)) return (null, CommandOutcome.Forbidden);
        if (project.Version != version) return (null, CommandOutcome.Conflict);
        return (project, null);
    }
}
