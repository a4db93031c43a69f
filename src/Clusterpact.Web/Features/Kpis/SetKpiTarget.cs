namespace Clusterpact.Web.Features.Kpis;

public sealed record SetKpiTargetCommand(Guid ClusterId, string Code, int Year, decimal? Baseline, decimal Target, string? Reason);

/// <summary>Agency staff set a cluster's KPI target for a year (with a baseline); a change needs a reason and keeps its history.</summary>
public sealed class SetKpiTarget(ClusterpactDbContext db, ClusterAccess access, CurrentUser user, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(SetKpiTargetCommand cmd, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(cmd.ClusterId, ct)) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        if (DomainRange.Year(cmd.Year, nameof(cmd.Year)) is not null) return CommandOutcome.Invalid("Year", "Report.YearInvalid");
        var existing = await db.KpiTargets.SingleOrDefaultAsync(t => t.ClusterId == cmd.ClusterId && t.KpiCode == cmd.Code && t.Year == cmd.Year, ct);
        if (existing is null)
        {
            var created = KpiTarget.Set(cmd.ClusterId, cmd.Code, cmd.Year, cmd.Baseline, cmd.Target, user.Name, clock.GetUtcNow());
            if (!created.IsSuccess) return CommandOutcome.Invalid("Target", created.Error!.Code);
            db.KpiTargets.Add(created.Value!);
        }
        else
        {
            var changed = existing.Change(cmd.Target, cmd.Reason, user.Name, clock.GetUtcNow());
            if (!changed.IsSuccess) return CommandOutcome.Invalid(changed.Error!, changed.Error!.Code == "Kpi.ReasonRequired" ? "Reason" : "Target");
            db.Entry(existing).State = EntityState.Modified;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandOutcome.Conflict; }
        return CommandOutcome.Ok(0);
    }
}
