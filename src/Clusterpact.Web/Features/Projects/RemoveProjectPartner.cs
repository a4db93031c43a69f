namespace Clusterpact.Web.Features.Projects;

public sealed record RemovePartnerCommand(Guid ProjectId, long Version, Guid OrganisationId);

/// <summary>Takes a partner off a project (its cluster or the agency), as the project's rules allow.</summary>
public sealed class RemoveProjectPartner(ClusterpactDbContext db, ProjectAccess access) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(RemovePartnerCommand cmd, CancellationToken ct)
    {
        var (project, refusal) = await access.ForEditAsync(cmd.ProjectId, cmd.Version, ct);
        if (project is null) return refusal!;
        var result = project.RemovePartner(cmd.OrganisationId, await access.IsAgencyAsync());
        if (!result.IsSuccess) return CommandOutcome.Invalid("Partner", result.Error!.Code);
        return await db.SaveVersionedAsync(project, cmd.Version, ct);
    }
}
