using System.Security.Cryptography;
using System.Text;
using Clusterpact.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Clusterpact.Web.Infrastructure.Setup;

/// <summary>
/// An installation without any account gets its first administrator through a link printed once on the console at
/// start: the token in it is random, kept only as a hash in this process, valid for <see cref="Validity"/> and for one
/// administrator; once anyone has an account it is void. A restart of an installation still without accounts prints a
/// fresh link (the old one dies with the process). There is no default password anywhere.
/// </summary>
public sealed class FirstRunSetup(TimeProvider clock, PublicUrls urls)
{
    public static readonly TimeSpan Validity = TimeSpan.FromHours(24);
    public const string Path = "/Account/Setup";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private byte[]? _hash;
    private DateTimeOffset _expiresAt;

    /// <summary>Issues a new link (the previous one stops working) and returns it with its expiry; only the hash is kept.</summary>
    public (string Link, DateTimeOffset ExpiresAt) Issue()
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        _hash = Hash(token);
        _expiresAt = clock.GetUtcNow() + Validity;
        return (urls.To($"{Path}/{token}"), _expiresAt);
    }

    /// <summary>Whether <paramref name="token"/> is the current, unexpired, unused setup token.</summary>
    public bool Accepts(string? token) =>
        _hash is { } hash && !string.IsNullOrEmpty(token) && clock.GetUtcNow() < _expiresAt && CryptographicOperations.FixedTimeEquals(hash, Hash(token));

    public enum Outcome { Created, LinkInvalid, Refused }

    /// <summary>
    /// Creates the first administrator when the token is valid and no account exists yet; the token is spent by it.
    /// Returns the password rules' complaints when the account was refused.
    /// </summary>
    public async Task<(Outcome Outcome, IReadOnlyList<string> Errors)> CreateAdministratorAsync(string? token, string email, string displayName, string password,
        UserManager<AppUser> users, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            if (!Accepts(token) || await users.Users.AnyAsync(ct)) return (Outcome.LinkInvalid, []);
            var user = new AppUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = displayName.Trim() };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded) return (Outcome.Refused, created.Errors.Select(e => e.Description).ToList());
            var role = await users.AddToRoleAsync(user, Roles.Administrator);
            if (!role.Succeeded)
            {
                await users.DeleteAsync(user);
                return (Outcome.Refused, role.Errors.Select(e => e.Description).ToList());
            }
            _hash = null;
            return (Outcome.Created, []);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
