namespace Clusterpact.Web.Infrastructure.Email;

/// <summary>A person a reminder goes to, with the language they read it in.</summary>
public sealed record ReminderRecipient(string Email, string PreferredCulture);

/// <summary>
/// The one way a reminder is addressed and written: to the active managers of a cluster and, where the agency follows it
/// too, its active programme officers; each person once, in their own language, and once per key however often the check runs.
/// </summary>
public static class ReminderMail
{
    public static Task<List<ReminderRecipient>> ManagersOfAsync(ClusterpactDbContext db, Guid clusterId, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && db.UserClusterScopes.Any(s => s.UserId == u.Id && s.ClusterId == clusterId))
            .Select(u => new ReminderRecipient(u.Email!, u.PreferredCulture)).ToListAsync(ct);

    public static Task<List<ReminderRecipient>> ProgrammeOfficersAsync(ClusterpactDbContext db, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.ProgrammeOfficer)))
            .Select(u => new ReminderRecipient(u.Email!, u.PreferredCulture)).ToListAsync(ct);

    /// <summary>Queues the reminder <paramref name="write"/> gives for each person, in their language; how many were new.</summary>
    public static async Task<int> SendAsync(EmailOutbox outbox, IStringLocalizerFactory localizers, IEnumerable<ReminderRecipient> people,
        Func<IStringLocalizer, (string Subject, string Body)> write, string category, string dedupPrefix, CancellationToken ct)
    {
        var queued = 0;
        foreach (var person in people.DistinctBy(p => p.Email))
        {
            var text = localizers.Create(typeof(SharedResource));
            using var _ = new CultureScope(person.PreferredCulture);
            var (subject, body) = write(text);
            if (await outbox.EnqueueAsync(person.Email, subject, body, category, $"{dedupPrefix}:{person.Email}", ct)) queued++;
        }
        return queued;
    }
}
