namespace Clusterpact.Web.Features.Reports;

/// <summary>The cluster's manager (or agency staff) submits a draft or returned report; refused with the rule's reason when a value or the narrative is missing.</summary>
public sealed class SubmitReport(ClusterpactDbContext db, ClusterAccess access, CurrentUser user, RecordActors actors, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid id, long version, CancellationToken ct)
    {
        var (report, refusal) = await ReportChange.LoadAsync(db, access, id, version, edit: true, ct);
        if (report is null) return refusal!;
        var result = report.Submit(await actors.OnClusterAsync(report.ClusterId, ct), user.Name, clock.GetUtcNow());
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, result.Error!.Code == "Report.NarrativeMissing" ? "Narrative" : "Values");
        return await db.SaveVersionedAsync(report, version, ct);
    }
}
