namespace Clusterpact.Web.Features.Reports;

public sealed record ReportStepCommand(Guid ReportId, long Version, string Step, string? Remark);

/// <summary>
/// A step of the report's lifecycle (agency staff return it with remarks or accept it), checked by the report against its
/// table with the person's actors. A step that is not the person's is forbidden, as its table authorizes it; any other
/// refusal (no remark, a step the status does not allow) is the rule's reason next to the remark.
/// </summary>
public sealed class TakeReportStep(ClusterpactDbContext db, ClusterAccess access, CurrentUser user, RecordActors actors, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(ReportStepCommand cmd, CancellationToken ct)
    {
        var (report, refusal) = await ReportChange.LoadAsync(db, access, cmd.ReportId, cmd.Version, edit: false, ct);
        if (report is null) return refusal!;
        var result = report.Take(cmd.Step, await actors.OnClusterAsync(report.ClusterId, ct), user.Name, clock.GetUtcNow(), cmd.Remark);
        if (!result.IsSuccess) return StepRefusal.Of<ReportStatus>(result.Error!, "Remark");
        return await db.SaveVersionedAsync(report, cmd.Version, ct);
    }
}
