using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Shared;

/// <summary>The one way a command saves a changed record against the version the person saw.</summary>
public static class VersionedSave
{
    /// <summary>
    /// Saves with <paramref name="version"/> as the concurrency check, so an edit made meanwhile by someone else fails
    /// instead of being overwritten. The record is marked changed even when only its owned rows (terms, partners,
    /// commitments) changed, so its version rises and the next stale form fails too.
    /// </summary>
    public static async Task<CommandOutcome> SaveVersionedAsync<T>(this ClusterpactDbContext db, T entity, long version, CancellationToken ct) where T : class, IAuditable
    {
        var entry = db.Entry(entity);
        entry.Property(e => e.Version).OriginalValue = version;
        entry.State = EntityState.Modified;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandOutcome.Conflict; }
        return CommandOutcome.Ok(entity.Version);
    }

    /// <summary>
    /// Saves what a rule over several records allowed (a payment within the year's granted aid, an agreement that overlaps
    /// none of its cluster's, a commitment within the envelope) together with the one aggregate that holds the rule, marked
    /// changed so its version rises. Two requests that both checked the rule against the same state cannot both pass: the
    /// second fails on the aggregate's stale version and is refused with <paramref name="conflictCode"/>, which says why.
    /// </summary>
    public static async Task<CommandOutcome> SaveGuardedAsync(this ClusterpactDbContext db, IAuditable guard, string conflictCode, CancellationToken ct)
    {
        db.Entry(guard).State = EntityState.Modified;
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return new CommandOutcome(CommandStatus.Conflict, ErrorCode: conflictCode); }
        return CommandOutcome.Ok(guard.Version);
    }
}
