namespace Clusterpact.Web.Features.Projects;

public sealed record ReportProjectResultsCommand(Guid ProjectId, long Version, ProjectResults Results);

/// <summary>Results are reported by the cluster (for its own projects) or the agency.</summary>
public sealed class ReportProjectResults(ClusterpactDbContext db, ProjectAccess access) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(ReportProjectResultsCommand cmd, CancellationToken ct)
    {
        var (project, refusal) = await access.ForEditAsync(cmd.ProjectId, cmd.Version, ct);
        if (project is null) return refusal!;
        var result = project.ReportResults(cmd.Results);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, "ExtraTurnover");
        return await db.SaveVersionedAsync(project, cmd.Version, ct);
    }
}
