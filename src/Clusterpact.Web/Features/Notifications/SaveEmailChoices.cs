namespace Clusterpact.Web.Features.Notifications;

/// <param name="Receive">The categories ticked: the kinds to receive; every other kind offered is turned off.</param>
public sealed record SaveEmailChoicesCommand(IReadOnlyCollection<string> Receive);

/// <summary>
/// The signed-in person turns e-mail kinds on or off. Only what the page offers them is changed: a kind their roles no
/// longer receive keeps its choice, and sign-in and security mails cannot be turned off at all.
/// </summary>
public sealed class SaveEmailChoices(ClusterpactDbContext db, CurrentUser user) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(SaveEmailChoicesCommand cmd, CancellationToken ct)
    {
        if (user.Id is not { } userId) return CommandOutcome.Forbidden;
        var offered = EmailKinds.ChoicesFor(user.IsInRole).Select(k => k.Category).ToHashSet(StringComparer.Ordinal);
        var off = offered.Except(cmd.Receive, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var stored = await db.EmailOptOuts.Where(o => o.UserId == userId).ToListAsync(ct);
        db.EmailOptOuts.RemoveRange(stored.Where(o => offered.Contains(o.Category) && !off.Contains(o.Category)));
        db.EmailOptOuts.AddRange(off.Where(c => stored.All(o => o.Category != c)).Select(c => new EmailOptOut { UserId = userId, Category = c }));
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Ok(0);
    }
}
