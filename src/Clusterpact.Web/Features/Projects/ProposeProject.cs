namespace Clusterpact.Web.Features.Projects;

public sealed record ProposeProjectCommand(ProjectDetails Details, string? LeadEnterpriseNumber);

/// <summary>A cluster manager proposes a project for a cluster of their own (an intercluster project also names others); agency staff for any.</summary>
public sealed class ProposeProject(ClusterpactDbContext db, ProjectAccess access, CurrentUser user) : IUseCase
{
    /// <summary>Created with the new project's id, or the refusal next to its field.</summary>
    public async Task<CommandOutcome> HandleAsync(ProposeProjectCommand cmd, CancellationToken ct)
    {
        // A choice without a cluster of one's own is a mistake in the form, answered next to the field with what was typed kept.
        if (!await access.CanActForAsync(cmd.Details.ClusterIds)) return CommandOutcome.Invalid("ClusterIds", "Project.OwnClusterRequired");
        var known = await db.Clusters.CountAsync(c => cmd.Details.ClusterIds.Contains(c.Id), ct);
        if (known != cmd.Details.ClusterIds.Distinct().Count()) return CommandOutcome.Invalid("ClusterIds", "Project.ClusterRequired");
        var lead = await db.OrganisationNumberedAsync(cmd.LeadEnterpriseNumber, ct);
        if (!lead.IsSuccess) return CommandOutcome.Invalid("LeadEnterpriseNumber", lead.Error!);
        var proposed = Project.Propose(cmd.Details, lead.Id, user.Id);
        if (!proposed.IsSuccess) return CommandOutcome.Invalid(proposed.Error!, ProjectForm.FieldOf(proposed.Error!.Code));
        db.Projects.Add(proposed.Value!);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Created(proposed.Value!.Id, proposed.Value.Version);
    }
}
