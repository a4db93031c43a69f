namespace Clusterpact.Web.Features.Kpis;

/// <summary>
/// A cluster's target for a KPI and year. <c>Version</c> is the target's version as the caller read it, null when they saw
/// none for that year: a target set or changed meanwhile by someone else is then refused, not overwritten.
/// </summary>
public sealed record SetKpiTargetCommand(Guid ClusterId, string Code, int Year, decimal? Baseline, decimal Target, string? Reason, long? Version);

/// <summary>Agency staff set a cluster's KPI target for a year (with a baseline); a change needs a reason and keeps its history.</summary>
public sealed class SetKpiTarget(ClusterpactDbContext db, ClusterAccess access, CurrentUser user, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(SetKpiTargetCommand cmd, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(cmd.ClusterId, ct)) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        if (DomainRange.Year(cmd.Year, nameof(cmd.Year)) is not null) return CommandOutcome.Invalid("Year", "Kpi.TargetYearRange");
        var existing = await db.KpiTargets.SingleOrDefaultAsync(t => t.ClusterId == cmd.ClusterId && t.KpiCode == cmd.Code && t.Year == cmd.Year, ct);
        // Set when the caller saw none, changed at the version they saw: anything else was done meanwhile by someone else.
        if (existing?.Version != cmd.Version) return CommandOutcome.Conflict;
        if (existing is null)
        {
            var created = KpiTarget.Set(cmd.ClusterId, cmd.Code, cmd.Year, cmd.Baseline, cmd.Target, user.Name, clock.GetUtcNow());
            if (!created.IsSuccess) return CommandOutcome.Invalid("Target", created.Error!.Code);
            db.KpiTargets.Add(created.Value!);
            try { await db.SaveChangesAsync(ct); }
            // The unique (cluster, KPI, year) index: another officer set it between the read and the insert.
            catch (DbUpdateException) { return CommandOutcome.Conflict; }
            return CommandOutcome.Created(created.Value!.Id, created.Value.Version);
        }
        var changed = existing.Change(cmd.Target, cmd.Reason, user.Name, clock.GetUtcNow());
        if (!changed.IsSuccess) return CommandOutcome.Invalid(changed.Error!, changed.Error!.Code == "Kpi.ReasonRequired" ? "Reason" : "Target");
        return await db.SaveVersionedAsync(existing, existing.Version, ct);
    }
}
