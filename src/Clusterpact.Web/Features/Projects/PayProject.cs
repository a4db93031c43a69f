namespace Clusterpact.Web.Features.Projects;

public sealed record PayProjectCommand(Guid ProjectId, long Version, decimal Amount);

/// <summary>The agency pays the project from the envelope it holds money on.</summary>
public sealed class PayProject(ClusterpactDbContext db, ProjectAccess access) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(PayProjectCommand cmd, CancellationToken ct)
    {
        var (project, refusal) = await access.ForAgencyAsync(cmd.ProjectId, cmd.Version, ct);
        if (project is null) return refusal!;
        if (project.Status is not (ProjectStatus.Approved or ProjectStatus.Running or ProjectStatus.Completed)) return CommandOutcome.Invalid("Amount", "Project.NotPayable");
        return await db.ChangeCommitmentAsync(project, cmd.Version, "Amount", envelope => envelope.Pay(project.Id, cmd.Amount), ct);
    }
}
