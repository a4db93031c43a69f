namespace Clusterpact.Web.Features.Projects;

public sealed record ReleaseCommitmentCommand(Guid ProjectId, long Version, decimal Amount);

/// <summary>The agency gives part of the commitment back to the envelope (the project turned out cheaper); never what was paid.</summary>
public sealed class ReleaseProjectCommitment(ClusterpactDbContext db, ProjectAccess access) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(ReleaseCommitmentCommand cmd, CancellationToken ct)
    {
        var (project, refusal) = await access.ForAgencyAsync(cmd.ProjectId, cmd.Version, ct);
        if (project is null) return refusal!;
        return await db.ChangeCommitmentAsync(project, cmd.Version, "Release", envelope => envelope.Release(project.Id, cmd.Amount), ct);
    }
}
