namespace Clusterpact.Web.Features.Projects;

public sealed record ProjectStepCommand(Guid ProjectId, long Version, string Step, string? Reason);

/// <summary>
/// A step of the project's lifecycle, as its table allows for the signed-in person. Approving a collaboration or
/// intercluster project commits its aid on the envelope of its start year in the same transaction, and stopping gives
/// back what was not paid. The envelope is the aggregate of that money: it is saved with the project and its version
/// rises, so two approvals at the same moment cannot together commit more than it holds (the second fails and is refused).
/// </summary>
public sealed class TakeProjectStep(ClusterpactDbContext db, ProjectAccess access, RecordActors actors, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(ProjectStepCommand cmd, CancellationToken ct)
    {
        var today = clock.TodayInBrussels();
        var project = await access.FindAsync(cmd.ProjectId, ct);
        if (project is null) return CommandOutcome.NotFound;
        if (project.Version != cmd.Version) return CommandOutcome.Conflict;
        var result = project.Take(cmd.Step, await actors.OnClustersAsync(project.ClusterIds, ct), cmd.Reason, today);
        if (!result.IsSuccess) return StepRefusal.Of<ProjectStatus>(result.Error!, "Reason");
        if (cmd.Step == ProjectStep.Approve && FundEnvelope.For(project.Type, project.ClusterIds, project.Start) is { } target && project.Aid > 0)
        {
            var envelope = await db.EnvelopeForAsync(target, ct);
            if (envelope is null) return CommandOutcome.Invalid("Reason", "Envelope.Missing");
            var commit = envelope.Commit(project.Id, project.Aid, today);
            if (!commit.IsSuccess) return CommandOutcome.Invalid("Reason", commit.Error!.Code);
            db.Touch(envelope);
        }
        if (cmd.Step == ProjectStep.Stop)
        {
            foreach (var envelope in await db.EnvelopesOfAsync(project.Id, ct))
                if (envelope.ReleaseUnpaid(project.Id) > 0) db.Touch(envelope);
        }
        return await db.SaveVersionedAsync(project, cmd.Version, ct);
    }
}
