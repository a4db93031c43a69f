namespace Clusterpact.Web.Features.Notifications;

/// <summary>The e-mail kinds the signed-in person can turn off (those their roles receive), each with whether they receive it now.</summary>
public sealed class GetEmailChoices(ClusterpactDbContext db, CurrentUser user) : IUseCase
{
    public async Task<IReadOnlyList<(EmailKind Kind, bool Receive)>> HandleAsync(CancellationToken ct)
    {
        var off = await db.EmailOptOuts.AsNoTracking().Where(o => o.UserId == user.Id).Select(o => o.Category).ToListAsync(ct);
        return EmailKinds.ChoicesFor(user.IsInRole).Select(k => (k, !off.Contains(k.Category))).ToList();
    }
}
