using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Funds;

public sealed record EnvelopeUse(Guid ProjectId, string Title, ProjectStatus Status, DateOnly CommittedOn, decimal Committed, decimal Paid);

/// <summary>One envelope with the projects holding money on it, and whether the caller may resize it (agency staff).</summary>
public sealed record EnvelopeDetails(EnvelopeRow Envelope, IReadOnlyList<EnvelopeUse> Uses, bool CanManage);

/// <summary>One envelope's use; null when the caller does not see it.</summary>
public sealed class GetEnvelope(ClusterpactDbContext db, Scope scope, Permissions permissions) : IUseCase
{
    public async Task<EnvelopeDetails?> HandleAsync(Guid id, CancellationToken ct)
    {
        var e = await scope.Envelopes().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var names = await db.ClusterNamesAsync(e.ClusterId is { } cluster ? [cluster] : [], ct);
        var ids = e.Commitments.Select(c => c.ProjectId).ToList();
        var projects = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Title, p.Status }).ToDictionaryAsync(p => p.Id, ct);
        var uses = e.Commitments.Select(c => new EnvelopeUse(c.ProjectId, projects[c.ProjectId].Title, projects[c.ProjectId].Status, c.CommittedOn, c.Committed, c.Paid))
            .OrderBy(u => u.CommittedOn).ThenBy(u => u.Title).ToList();
        return new EnvelopeDetails(EnvelopeRow.From(e, names), uses, await permissions.HasAsync(Policies.AgencyStaff));
    }
}
