using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>Section "AccountLinks": how long the links in account e-mails work (docs/decisions/0012-self-service-accounts.md).</summary>
public sealed class AccountLinkOptions
{
    public const string Section = "AccountLinks";

    /// <summary>A password-reset link works this long after it was sent, and once.</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A registration's confirmation link works this long after it was sent, and once.</summary>
    public TimeSpan EmailConfirmationLifetime { get; set; } = TimeSpan.FromHours(24);

    public TimeSpan LifetimeOf(string purpose) => purpose switch
    {
        UserManager<AppUser>.ResetPasswordTokenPurpose => PasswordResetLifetime,
        UserManager<AppUser>.ConfirmEmailTokenPurpose => EmailConfirmationLifetime,
        _ => PasswordResetLifetime < EmailConfirmationLifetime ? PasswordResetLifetime : EmailConfirmationLifetime,
    };
}

/// <summary>
/// The token in a password-reset or confirmation link: the moment it was made (on the app's clock, so a test can let it
/// expire), the person, the purpose and their security stamp, protected by Data Protection. Identity's own provider reads
/// the machine clock; this one reads <see cref="TimeProvider"/>. A token dies when it expires or when the stamp changes,
/// which a password reset, a confirmed address (<c>AccountRecovery</c>) and a sign-out all do: each link works once.
/// </summary>
public sealed class AccountLinkTokens(IDataProtectionProvider protection, TimeProvider clock, IOptions<AccountLinkOptions> options) : IUserTwoFactorTokenProvider<AppUser>
{
    public const string Name = "AccountLink";

    private IDataProtector Protector => protection.CreateProtector("Clusterpact.AccountLink.v1");

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<AppUser> manager, AppUser user) => Task.FromResult(false);

    public async Task<string> GenerateAsync(string purpose, UserManager<AppUser> manager, AppUser user)
    {
        var stamp = await manager.GetSecurityStampAsync(user) ?? "";
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(clock.GetUtcNow().UtcTicks);
            writer.Write(user.Id.ToString());
            writer.Write(purpose);
            writer.Write(stamp);
        }
        return WebEncoders.Base64UrlEncode(Protector.Protect(buffer.ToArray()));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<AppUser> manager, AppUser user)
    {
        long ticks;
        string id, madeFor, stamp;
        try
        {
            using var reader = new BinaryReader(new MemoryStream(Protector.Unprotect(WebEncoders.Base64UrlDecode(token))), Encoding.UTF8);
            ticks = reader.ReadInt64();
            id = reader.ReadString();
            madeFor = reader.ReadString();
            stamp = reader.ReadString();
            if (reader.BaseStream.Position != reader.BaseStream.Length) return false;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or EndOfStreamException or ArgumentException)
        {
            return false;
        }
        if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks) return false;
        var age = clock.GetUtcNow() - new DateTimeOffset(ticks, TimeSpan.Zero);
        if (age < TimeSpan.Zero || age > options.Value.LifetimeOf(purpose)) return false;
        if (id != user.Id.ToString() || madeFor != purpose) return false;
        var current = await manager.GetSecurityStampAsync(user) ?? "";
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(stamp), Encoding.UTF8.GetBytes(current));
    }
}

/// <summary>Identity's messages (password rules, a taken address, a spent link) in the reader's language (IdentityError.*).</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    private IdentityError Describe(string code, params object[] args) => new() { Code = code, Description = text["IdentityError." + code, args] };

    public override IdentityError DefaultError() => Describe(nameof(DefaultError));
    public override IdentityError ConcurrencyFailure() => Describe(nameof(ConcurrencyFailure));
    public override IdentityError PasswordMismatch() => Describe(nameof(PasswordMismatch));
    public override IdentityError InvalidToken() => Describe(nameof(InvalidToken));
    public override IdentityError RecoveryCodeRedemptionFailed() => Describe(nameof(RecoveryCodeRedemptionFailed));
    public override IdentityError LoginAlreadyAssociated() => Describe(nameof(LoginAlreadyAssociated));
    public override IdentityError InvalidUserName(string? userName) => Describe(nameof(InvalidUserName), userName ?? "");
    public override IdentityError InvalidEmail(string? email) => Describe(nameof(InvalidEmail), email ?? "");
    public override IdentityError DuplicateUserName(string userName) => Describe(nameof(DuplicateUserName), userName);
    public override IdentityError DuplicateEmail(string email) => Describe(nameof(DuplicateEmail), email);
    public override IdentityError InvalidRoleName(string? role) => Describe(nameof(InvalidRoleName), role ?? "");
    public override IdentityError DuplicateRoleName(string role) => Describe(nameof(DuplicateRoleName), role);
    public override IdentityError UserAlreadyHasPassword() => Describe(nameof(UserAlreadyHasPassword));
    public override IdentityError UserLockoutNotEnabled() => Describe(nameof(UserLockoutNotEnabled));
    public override IdentityError UserAlreadyInRole(string role) => Describe(nameof(UserAlreadyInRole), role);
    public override IdentityError UserNotInRole(string role) => Describe(nameof(UserNotInRole), role);
    public override IdentityError PasswordTooShort(int length) => Describe(nameof(PasswordTooShort), length);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Describe(nameof(PasswordRequiresUniqueChars), uniqueChars);
    public override IdentityError PasswordRequiresNonAlphanumeric() => Describe(nameof(PasswordRequiresNonAlphanumeric));
    public override IdentityError PasswordRequiresDigit() => Describe(nameof(PasswordRequiresDigit));
    public override IdentityError PasswordRequiresLower() => Describe(nameof(PasswordRequiresLower));
    public override IdentityError PasswordRequiresUpper() => Describe(nameof(PasswordRequiresUpper));
}

public static class AccountLinkServices
{
    /// <summary>After AddIdentity: the expiring link tokens for reset and confirmation, and Identity's messages translated.</summary>
    public static IServiceCollection AddClusterpactAccountLinks(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<AccountLinkOptions>().Bind(config.GetSection(AccountLinkOptions.Section))
            .Validate(o => o.PasswordResetLifetime > TimeSpan.Zero && o.EmailConfirmationLifetime > TimeSpan.Zero, "AccountLinks: lifetimes must be positive.")
            .ValidateOnStart();
        services.AddTransient<AccountLinkTokens>();
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[AccountLinkTokens.Name] = new TokenProviderDescriptor(typeof(AccountLinkTokens));
            o.Tokens.PasswordResetTokenProvider = AccountLinkTokens.Name;
            o.Tokens.EmailConfirmationTokenProvider = AccountLinkTokens.Name;
        });
        // AddIdentity registers the English describer with TryAdd; this one is resolved instead.
        services.AddScoped<IdentityErrorDescriber, LocalizedIdentityErrors>();
        return services;
    }
}
