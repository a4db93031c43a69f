using Clusterpact.Web.Infrastructure.Audit;
using Clusterpact.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Features.Account;

/// <summary>
/// The e-mails about a person's own account: the confirmation of a registration, a password reset, a registration tried
/// with an address that already has an account, a second factor reset by an administrator. Each in the person's own
/// language, with absolute links from App:BaseUrl, queued in the outbox with the change that causes it (the caller saves).
/// </summary>
public sealed class AccountMail(EmailOutbox outbox, IStringLocalizerFactory localizers, PublicUrls urls, UserManager<AppUser> users, IOptions<AccountLinkOptions> links)
{
    public const string ConfirmCategory = "Account.Confirm";
    public const string ResetCategory = "Account.PasswordReset";
    public const string AlreadyRegisteredCategory = "Account.AlreadyRegistered";
    public const string TwoFactorResetCategory = "Account.TwoFactorReset";

    public static readonly string[] Categories = [ConfirmCategory, ResetCategory, AlreadyRegisteredCategory, TwoFactorResetCategory];

    /// <summary>
    /// Mails whose link lets whoever holds it confirm an account or choose its password: only the addressee reads them,
    /// so the outbox page shows that one was sent, never its text.
    /// </summary>
    public static bool CarriesSecretLink(string category) => category is ConfirmCategory or ResetCategory;

    public async Task ConfirmationAsync(AppUser user, CancellationToken ct)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        var link = urls.To($"/Account/ConfirmEmail?user={user.Id}&code={Uri.EscapeDataString(code)}");
        await SendAsync(user, ConfirmCategory, "AccountMail.ConfirmSubject", "AccountMail.ConfirmBody", link, links.Value.EmailConfirmationLifetime, ct);
    }

    public async Task PasswordResetAsync(AppUser user, CancellationToken ct)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user);
        var link = urls.To($"/Account/ResetPassword?user={user.Id}&code={Uri.EscapeDataString(code)}");
        await SendAsync(user, ResetCategory, "AccountMail.ResetSubject", "AccountMail.ResetBody", link, links.Value.PasswordResetLifetime, ct);
    }

    public Task AlreadyRegisteredAsync(AppUser user, CancellationToken ct) =>
        SendAsync(user, AlreadyRegisteredCategory, "AccountMail.AlreadyRegisteredSubject", "AccountMail.AlreadyRegisteredBody", urls.To("/Account/ForgotPassword"), null, ct);

    public Task TwoFactorResetAsync(AppUser user, CancellationToken ct) =>
        SendAsync(user, TwoFactorResetCategory, "AccountMail.TwoFactorResetSubject", "AccountMail.TwoFactorResetBody", urls.To("/Account/Login"), null, ct);

    private async Task SendAsync(AppUser user, string category, string subjectKey, string bodyKey, string link, TimeSpan? lifetime, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(user.Email)) return;
        var text = localizers.Create(typeof(SharedResource));
        using var _ = new CultureScope(user.PreferredCulture);
        var hours = lifetime is { } l ? l.TotalHours.ToString("0.##", CultureInfo.CurrentCulture) : "";
        // Every request is its own message: the key only has to be unique.
        await outbox.EnqueueAsync(user.Email, text[subjectKey], text[bodyKey, user.DisplayName, link, hours], category, $"{category}:{user.Id}:{Guid.CreateVersion7()}", ct);
    }
}

public sealed record Registration(string DisplayName, string Email, string Password);

/// <summary>
/// Self-service accounts (docs/decisions/0012-self-service-accounts.md): an applicant registers (role Applicant, never
/// anything else) and confirms the address by a link; anyone asks for a password-reset link and uses it once. Whether an
/// address has an account is never told to the person asking: a registration with a known address mails its owner
/// instead, and a reset asked for an unknown address sends nothing; both answer as if it worked.
/// </summary>
public sealed class AccountRecovery(UserManager<AppUser> users, IPasswordHasher<AppUser> hasher, AccountMail mail, SecurityEvents events, ClusterpactDbContext db)
{
    /// <summary>Registers an applicant. The only errors returned are those of the password and the address as typed, never "taken".</summary>
    public async Task<IReadOnlyList<IdentityError>> RegisterAsync(Registration request, string culture, CancellationToken ct)
    {
        var email = request.Email.Trim();
        var user = new AppUser { UserName = email, Email = email, DisplayName = request.DisplayName.Trim(), PreferredCulture = culture, EmailConfirmed = false };
        // The password's rules first, so the answer to a weak password does not depend on whether the address exists.
        var problems = new List<IdentityError>();
        foreach (var validator in users.PasswordValidators)
        {
            var checkedPassword = await validator.ValidateAsync(users, user, request.Password);
            if (!checkedPassword.Succeeded) problems.AddRange(checkedPassword.Errors);
        }
        if (problems.Count > 0) return problems;

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            // The same hashing work as creating the account, then a word to the owner instead of a second account.
            hasher.HashPassword(user, request.Password);
            await mail.AlreadyRegisteredAsync(existing, ct);
            await db.SaveChangesAsync(ct);
            await events.RecordAsync(SecurityEvent.RegistrationForExistingAddress, existing, ct: ct);
            return [];
        }

        // An explicit transaction runs inside the execution strategy (PostgreSQL retries on a dropped connection).
        var strategy = db.Database.CreateExecutionStrategy();
        var failed = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var created = await users.CreateAsync(user, request.Password);
            if (!created.Succeeded)
            {
                await tx.RollbackAsync(ct);
                // Another registration of the same address in the same moment: answer as for a known address.
                return (IReadOnlyList<IdentityError>?)created.Errors.Where(e => e.Code is not (nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName))).ToList();
            }
            await users.AddToRoleAsync(user, Roles.Applicant);
            await mail.ConfirmationAsync(user, ct);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return null;
        });
        if (failed is not null) return failed;
        await events.RecordAsync(SecurityEvent.Registered, user, ct: ct);
        return [];
    }

    /// <summary>The account a confirmation link names, when the link still works.</summary>
    public async Task<AppUser?> ConfirmableAsync(string? userId, string? code)
    {
        var user = await FindAsync(userId);
        if (user is null || user.EmailConfirmed || string.IsNullOrEmpty(code)) return null;
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<AppUser>.ConfirmEmailTokenPurpose, code) ? user : null;
    }

    /// <summary>Confirms the address; the new security stamp makes the link work only once.</summary>
    public async Task<bool> ConfirmAsync(string? userId, string? code, CancellationToken ct)
    {
        if (await ConfirmableAsync(userId, code) is not { } user) return false;
        if (!(await users.ConfirmEmailAsync(user, code!)).Succeeded) return false;
        await users.UpdateSecurityStampAsync(user);
        await events.RecordAsync(SecurityEvent.EmailConfirmed, user, ct: ct);
        return true;
    }

    /// <summary>Mails a reset link to an active account with this address; nothing for an unknown one. The caller answers the same either way.</summary>
    public async Task RequestResetAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is { IsActive: true })
        {
            await mail.PasswordResetAsync(user, ct);
            await db.SaveChangesAsync(ct);
        }
        await events.RecordAsync(SecurityEvent.PasswordResetRequested, user, email.Trim(), ct);
    }

    /// <summary>The account a reset link names, when the link still works.</summary>
    public async Task<AppUser?> ResettableAsync(string? userId, string? code)
    {
        var user = await FindAsync(userId);
        if (user is null || string.IsNullOrEmpty(code)) return null;
        return await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, code) ? user : null;
    }

    /// <summary>
    /// Sets the new password. Identity changes the security stamp, which ends every session of the person (decision 0010)
    /// and spends this link and any other one sent before. Following a reset link proves the address, so it is confirmed too.
    /// Null when the link does not work (any more); otherwise the password's problems, empty when it was set.
    /// </summary>
    public async Task<IReadOnlyList<IdentityError>?> ResetAsync(string? userId, string? code, string password, CancellationToken ct)
    {
        if (await ResettableAsync(userId, code) is not { } user) return null;
        var reset = await users.ResetPasswordAsync(user, code!, password);
        if (!reset.Succeeded)
            return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)) ? null : reset.Errors.ToList();
        if (!user.EmailConfirmed)
        {
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        await events.RecordAsync(SecurityEvent.PasswordReset, user, ct: ct);
        return [];
    }

    private async Task<AppUser?> FindAsync(string? userId) =>
        Guid.TryParse(userId, out var id) && await users.FindByIdAsync(id.ToString()) is { IsActive: true } user ? user : null;
}
