namespace Clusterpact.Web.Infrastructure.Email;

/// <summary>
/// A person a mail goes to: their address, the language they read it in, and the link that opens the record for them
/// (an absolute address from App:BaseUrl). <see cref="IsAccount"/> when the address is a person's account, who can
/// choose on /Account/Notifications which mails they get.
/// </summary>
public sealed record MailRecipient(string Email, string PreferredCulture, string? Link = null, Guid? UserId = null)
{
    public bool IsAccount => UserId is not null;
}

/// <summary>
/// The one way the product writes an e-mail to people: each person once, in their own language, with their own link,
/// once per dedup key however often the cause repeats, and not at all when they turned that kind off. Lifecycle steps
/// (<see cref="StepMail"/>), reminders and survey invitations all write through it.
/// </summary>
public static class PersonalMail
{
    public static Task<List<MailRecipient>> ManagersOfAsync(ClusterpactDbContext db, Guid clusterId, CancellationToken ct) => ManagersOfAsync(db, [clusterId], ct);

    public static Task<List<MailRecipient>> ManagersOfAsync(ClusterpactDbContext db, IReadOnlyCollection<Guid> clusterIds, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && db.UserClusterScopes.Any(s => s.UserId == u.Id && clusterIds.Contains(s.ClusterId)))
            .Select(u => new MailRecipient(u.Email!, u.PreferredCulture, null, u.Id)).ToListAsync(ct);

    public static Task<List<MailRecipient>> ProgrammeOfficersAsync(ClusterpactDbContext db, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Email != null && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.ProgrammeOfficer)))
            .Select(u => new MailRecipient(u.Email!, u.PreferredCulture, null, u.Id)).ToListAsync(ct);

    /// <summary>One person by their account, if it is active and has an address.</summary>
    public static Task<List<MailRecipient>> AccountAsync(ClusterpactDbContext db, Guid? userId, CancellationToken ct) =>
        db.Users.AsNoTracking()
            .Where(u => u.Id == userId && u.IsActive && u.Email != null)
            .Select(u => new MailRecipient(u.Email!, u.PreferredCulture, null, u.Id)).ToListAsync(ct);

    /// <summary>
    /// Queues the mail <paramref name="write"/> gives for each person (with their link), in their language; an account
    /// holder's mail ends with where to choose which mails they get. Returns how many were new.
    /// </summary>
    public static async Task<int> SendAsync(EmailOutbox outbox, IStringLocalizerFactory localizers, Hosting.PublicUrls urls, IEnumerable<MailRecipient> people,
        Func<IStringLocalizer, MailRecipient, (string Subject, string Body)> write, string category, string dedupPrefix, CancellationToken ct)
    {
        var queued = 0;
        var text = localizers.Create(typeof(SharedResource));
        foreach (var person in people.DistinctBy(p => p.Email.Trim().ToUpperInvariant()))
        {
            using var _ = new CultureScope(person.PreferredCulture);
            var (subject, body) = write(text, person);
            if (person.IsAccount && EmailKinds.CanTurnOff(category)) body += "\n\n" + text["Mail.Footer", urls.To("/Account/Notifications")].Value;
            if (await outbox.EnqueueAsync(person.Email, subject, body, category, $"{dedupPrefix}:{person.Email.Trim().ToLowerInvariant()}", ct)) queued++;
        }
        return queued;
    }
}
