namespace Clusterpact.Web.Features.Calls;

/// <summary>
/// Agency staff record the panel's agreed score on one criterion with its justification; the first score starts the
/// application's consensus. The API passes the panel's version it read as <paramref name="seen"/> (If-Match), the page none.
/// </summary>
public sealed class RecordConsensus(ClusterpactDbContext db, CurrentUser user, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid applicationId, string criterion, decimal value, string? justification, long? seen, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        // A draft is the applicant's alone: to the agency it does not exist yet, as on every agency page.
        var app = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == applicationId && a.Status != ApplicationStatus.Draft, ct);
        if (app is null) return CommandOutcome.NotFound;
        var call = await db.Calls.AsNoTracking().SingleAsync(c => c.Id == app.CallId, ct);
        var panel = await db.ExpertAssignments.AsNoTracking().Where(a => a.ApplicationId == applicationId).ToListAsync(ct);
        var consensus = await db.Consensus.SingleOrDefaultAsync(c => c.ApplicationId == applicationId, ct);
        if (seen is { } v && PanelVersion(consensus) != v) return CommandOutcome.Conflict;
        var isNew = consensus is null;
        consensus ??= Consensus.For(app);
        var version = consensus.Version;
        var recorded = consensus.Record(call, app, panel, criterion, value, justification, user.Id ?? Guid.Empty, clock.GetUtcNow());
        if (!recorded.IsSuccess) return CallChanges.Refusal(recorded.Error!, "Consensus");
        if (isNew)
        {
            db.Consensus.Add(consensus);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException) { return CommandOutcome.Conflict; }
            return CommandOutcome.Ok(consensus.Version);
        }
        return await db.SaveVersionedAsync(consensus, version, ct);
    }

    /// <summary>
    /// The version of an application's consensus as the API shows it (the panel's ETag): 0 while none is recorded, and one more
    /// with every save after, so the first score (stored at version 0) already makes an older ETag stale.
    /// </summary>
    public static long PanelVersion(Consensus? consensus) => consensus is null ? 0 : consensus.Version + 1;
}
