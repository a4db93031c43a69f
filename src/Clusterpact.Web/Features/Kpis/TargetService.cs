using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Kpis;

/// <summary>Agency staff set a cluster's KPI targets per year (with a baseline); a change needs a reason and keeps its history.</summary>
public sealed class TargetService(ClusterpactDbContext db, ClusterAccess access, CurrentUser user, Permissions permissions, TimeProvider clock)
{
    public Task<List<KpiTarget>> ForClusterAsync(Guid clusterId, CancellationToken ct) =>
        db.KpiTargets.AsNoTracking().Where(t => t.ClusterId == clusterId).OrderBy(t => t.KpiCode).ThenBy(t => t.Year).ToListAsync(ct);

    public async Task<CommandOutcome> SetAsync(Guid clusterId, string code, int year, decimal? baseline, decimal target, string? reason, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(clusterId, ct)) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        if (DomainRange.Year(year, nameof(year)) is not null) return CommandOutcome.Invalid("Year", "Report.YearInvalid");
        var existing = await db.KpiTargets.SingleOrDefaultAsync(t => t.ClusterId == clusterId && t.KpiCode == code && t.Year == year, ct);
        if (existing is null)
        {
            var created = KpiTarget.Set(clusterId, code, year, baseline, target, user.Name, clock.GetUtcNow());
            if (!created.IsSuccess) return CommandOutcome.Invalid("Target", created.Error!.Code);
            db.KpiTargets.Add(created.Value!);
        }
        else
        {
            var changed = existing.Change(target, reason, user.Name, clock.GetUtcNow());
            if (!changed.IsSuccess) return CommandOutcome.Invalid(changed.Error!, changed.Error!.Code == "Kpi.ReasonRequired" ? "Reason" : "Target");
            db.Entry(existing).State = EntityState.Modified;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandOutcome.Conflict; }
        return CommandOutcome.Ok(0);
    }
}
