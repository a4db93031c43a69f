namespace Clusterpact.Web.Infrastructure.Email;

/// <summary>Queues e-mails in the database; the caller's SaveChanges commits them with the change that caused them.</summary>
public sealed class EmailOutbox(ClusterpactDbContext db, TimeProvider clock)
{
    /// <summary>
    /// Queues the message unless one with the same dedup key was queued before, or the account with this address turned
    /// this kind of e-mail off (only kinds <see cref="EmailKinds"/> says can be turned off). Returns whether it was queued.
    /// </summary>
    public async Task<bool> EnqueueAsync(string to, string subject, string body, string category, string dedupKey, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(to)) return false;
        if (EmailKinds.CanTurnOff(category))
        {
            var normalized = to.Trim().ToUpperInvariant();
            if (await db.EmailOptOuts.AnyAsync(o => o.Category == category && db.Users.Any(u => u.Id == o.UserId && u.NormalizedEmail == normalized), ct)) return false;
        }
        if (await db.OutboxEmails.AnyAsync(e => e.DedupKey == dedupKey, ct)) return false;
        if (db.ChangeTracker.Entries<OutboxEmail>().Any(e => e.Entity.DedupKey == dedupKey)) return false;
        db.OutboxEmails.Add(new OutboxEmail
        {
            CreatedAt = clock.GetUtcNow(), To = to.Trim(), Subject = subject, Body = body, Category = category, DedupKey = dedupKey,
        });
        return true;
    }
}
