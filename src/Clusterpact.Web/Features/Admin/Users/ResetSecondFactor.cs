using Clusterpact.Web.Features.Account;
using Clusterpact.Web.Features.Clusters;
using Clusterpact.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Features.Admin.Users;

/// <summary>
/// An administrator resets the second factor of someone who lost their authenticator app and recovery codes: two-step
/// sign-in is turned off with a new key (the lost phone's codes stop working), every session of the person ends, the
/// person is told by e-mail and the audit trail keeps who did it (the change to the user) and what happened (a security
/// event). At the next sign-in, agency staff are sent to enrol again (TwoFactorGate). Not for one's own account: that is
/// what /TwoFactor is for.
/// </summary>
public sealed class ResetSecondFactor(UserManager<AppUser> users, AccountMail mail, SecurityEvents events, CurrentUser current, ClusterpactDbContext db) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(Guid id, CancellationToken ct)
    {
        if (await users.FindByIdAsync(id.ToString()) is not { } user) return CommandOutcome.NotFound;
        if (user.Id == current.Id) return CommandOutcome.Invalid("TwoFactor", "Users.TwoFactorResetSelf");
        if (!user.TwoFactorEnabled) return CommandOutcome.Invalid("TwoFactor", "Users.TwoFactorResetNotEnrolled");
        await users.SetTwoFactorEnabledAsync(user, false);
        // A new key and a new security stamp: the old codes stop working and every session of the person ends (decision 0010).
        await users.ResetAuthenticatorKeyAsync(user);
        await mail.TwoFactorResetAsync(user, ct);
        await db.SaveChangesAsync(ct);
        await events.RecordAsync(SecurityEvent.TwoFactorResetByAdministrator, user, ct: ct);
        return CommandOutcome.Ok(0);
    }
}
