using System.Security.Claims;
using Clusterpact.Web.Infrastructure.Audit;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Clusterpact.Web.Infrastructure.Auth;

public enum SignInOutcome { SignedIn, NeedsSecondFactor, Refused, Expired }

public sealed record SignInAttempt(SignInOutcome Outcome, AppUser? User = null);

/// <summary>
/// The password step. An unknown address, a wrong password, a deactivated, unconfirmed or paused account get the same answer
/// after the same password-hash work, so neither the message nor the time tells which addresses exist.
/// </summary>
public sealed class PasswordSignIn(SignInManager<AppUser> signIn, IPasswordHasher<AppUser> hasher, SignInThrottle throttle, SecurityEvents events, IHttpContextAccessor http, ILogger<PasswordSignIn> log)
{
    private static string? _unknownHash;

    public async Task<SignInAttempt> HandleAsync(string email, string password, CancellationToken ct)
    {
        var address = SignInSecurity.ClientAddress(http.HttpContext!);
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        SecurityEvent? refusal =
            await throttle.IsLockedAsync(email, address, ct) ? SecurityEvent.SignInRefusedLocked
            : user is null ? SecurityEvent.SignInFailed
            : !user.IsActive ? SecurityEvent.SignInRefusedDeactivated
            // A self-registered applicant who has not followed the confirmation link yet (docs/decisions/0012).
            : !user.EmailConfirmed ? SecurityEvent.SignInRefusedUnconfirmed
            : await signIn.UserManager.IsLockedOutAsync(user) ? SecurityEvent.SignInRefusedLocked
            : null;
        if (refusal is { } reason)
        {
            // The same work as checking a real password (a stored hash, or one made for nobody), whatever the reason.
            _unknownHash ??= hasher.HashPassword(new AppUser(), Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(user ?? new AppUser(), user?.PasswordHash ?? _unknownHash, password);
            await FailAsync(reason, user, email, address, ct);
            return new SignInAttempt(SignInOutcome.Refused);
        }

        var result = await signIn.PasswordSignInAsync(user!, password, isPersistent: false, lockoutOnFailure: false);
        if (result.RequiresTwoFactor) return new SignInAttempt(SignInOutcome.NeedsSecondFactor, user);
        if (!result.Succeeded)
        {
            await FailAsync(SecurityEvent.SignInFailed, user, email, address, ct);
            return new SignInAttempt(SignInOutcome.Refused);
        }
        await throttle.ResetAsync(email, address, ct);
        await events.RecordAsync(SecurityEvent.SignedIn, user, ct: ct);
        log.LogInformation("{Email} signed in with a password", user!.Email);
        return new SignInAttempt(SignInOutcome.SignedIn, user);
    }

    private async Task FailAsync(SecurityEvent reason, AppUser? user, string email, string address, CancellationToken ct)
    {
        log.LogInformation("Sign-in refused for {Email} from {Address}: {Reason}", email, address, reason);
        await events.RecordAsync(reason, user, email, ct);
        if (reason != SecurityEvent.SignInRefusedLocked && await throttle.RecordFailureAsync(email, address, ct))
            await events.RecordAsync(SecurityEvent.LockedOut, user, email, ct);
    }
}

/// <summary>
/// The second step after a right password: a code from the authenticator app, or one of the recovery codes (each works
/// once). Wrong codes count towards the same per-address lock-out as wrong passwords.
/// </summary>
public sealed class SecondFactorSignIn(SignInManager<AppUser> signIn, SignInThrottle throttle, SecurityEvents events, IHttpContextAccessor http)
{
    public async Task<SignInAttempt> HandleAsync(string code, bool isRecoveryCode, CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return new SignInAttempt(SignInOutcome.Expired);
        var email = user.Email ?? user.Id.ToString();
        var address = SignInSecurity.ClientAddress(http.HttpContext!);
        var accepted = !await throttle.IsLockedAsync(email, address, ct) && user.IsActive && (isRecoveryCode
            ? (await signIn.UserManager.RedeemTwoFactorRecoveryCodeAsync(user, RecoveryCodes.Clean(code))).Succeeded
            : await signIn.UserManager.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code));
        if (!accepted)
        {
            await events.RecordAsync(SecurityEvent.SecondFactorFailed, user, ct: ct);
            if (await throttle.RecordFailureAsync(email, address, ct)) await events.RecordAsync(SecurityEvent.LockedOut, user, ct: ct);
            return new SignInAttempt(SignInOutcome.Refused, user);
        }
        await http.HttpContext!.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(SignInSecurity.MethodClaim, SignInSecurity.SecondFactorDone)]);
        await throttle.ResetAsync(email, address, ct);
        await events.RecordAsync(isRecoveryCode ? SecurityEvent.SignedInWithRecoveryCode : SecurityEvent.SignedInWithAuthenticator, user, ct: ct);
        return new SignInAttempt(SignInOutcome.SignedIn, user);
    }
}

public static class RecoveryCodes
{
    /// <summary>How many recovery codes a person gets at enrolment and on renewal.</summary>
    public const int Count = 10;

    /// <summary>Identity writes codes as XXXXX-XXXXX in capitals; accept them typed with spaces, in lower case or without the dash.</summary>
    public static string Clean(string code)
    {
        var text = new string(code.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return text.Length == 10 ? text[..5] + "-" + text[5..] : text;
    }
}
