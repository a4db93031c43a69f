namespace Clusterpact.Web.Features.Projects;

public sealed record ReviseProjectCommand(Guid ProjectId, long Version, ProjectDetails Details);

/// <summary>Revises a proposal (its cluster's manager or the agency) or corrects a decided project (the agency, funding fixed).</summary>
public sealed class ReviseProject(ClusterpactDbContext db, ProjectAccess access) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(ReviseProjectCommand cmd, CancellationToken ct)
    {
        var (project, refusal) = await access.ForEditAsync(cmd.ProjectId, cmd.Version, ct);
        if (project is null) return refusal!;
        if (!await access.CanActForAsync(cmd.Details.ClusterIds)) return CommandOutcome.Invalid("ClusterIds", "Project.KeepOwnCluster");
        var result = project.Revise(cmd.Details, await access.IsAgencyAsync());
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, ProjectForm.FieldOf(result.Error!.Code));
        return await db.SaveVersionedAsync(project, cmd.Version, ct);
    }
}
