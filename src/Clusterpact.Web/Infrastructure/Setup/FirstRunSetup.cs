using System.Security.Cryptography;
using System.Text;
using Clusterpact.Web.Infrastructure.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Clusterpact.Web.Infrastructure.Setup;

/// <summary>
/// An installation without any account gets its first administrator through a link printed once on the console at
/// start: the token in it is random, kept only as a hash in the database (<see cref="SetupLink"/>, so the link works
/// on every node of a cluster), valid for <see cref="Validity"/> and for one administrator; once anyone has an account
/// it is void. Each start of an installation still without accounts prints a fresh link (every node prints its own,
/// each works on every node until it expires); creating the first administrator spends them all. There is no default
/// password anywhere.
/// </summary>
public sealed class FirstRunSetup(ClusterpactDbContext db, TimeProvider clock, PublicUrls urls)
{
    public static readonly TimeSpan Validity = TimeSpan.FromHours(24);
    public const string Path = "/Account/Setup";

    /// <summary>Issues a new link and returns it with its expiry; only the hash is kept.</summary>
    public async Task<(string Link, DateTimeOffset ExpiresAt)> IssueAsync(CancellationToken ct)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var expired = (await db.SetupLinks.AsNoTracking().ToListAsync(ct)).Where(l => l.ExpiresAt <= now).Select(l => l.Id).ToList();
        if (expired.Count > 0) await db.SetupLinks.Where(l => expired.Contains(l.Id)).ExecuteDeleteAsync(ct);
        var expiresAt = now + Validity;
        db.SetupLinks.Add(new SetupLink { TokenHash = Hash(token), ExpiresAt = expiresAt });
        await db.SaveChangesAsync(ct);
        return (urls.To($"{Path}/{token}"), expiresAt);
    }

    /// <summary>Whether <paramref name="token"/> is the current, unexpired, unused setup token.</summary>
    public async Task<bool> AcceptsAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token)) return false;
        var now = clock.GetUtcNow();
        var hash = Hash(token);
        var link = await db.SetupLinks.AsNoTracking().SingleOrDefaultAsync(l => l.TokenHash == hash, ct);
        return link is not null && now < link.ExpiresAt && CryptographicOperations.FixedTimeEquals(link.TokenHash, hash);
    }

    public enum Outcome { Created, LinkInvalid, Refused }

    /// <summary>
    /// Creates the first administrator when the token is valid and no account exists yet; the token is spent by it.
    /// Returns the password rules' complaints when the account was refused (the link then stays valid).
    /// </summary>
    public async Task<(Outcome Outcome, IReadOnlyList<string> Errors)> CreateAdministratorAsync(string? token, string email, string displayName, string password,
        UserManager<AppUser> users, CancellationToken ct)
    {
        if (!await AcceptsAsync(token, ct) || await users.Users.AnyAsync(ct)) return (Outcome.LinkInvalid, []);
        // Spend the link first, atomically: of two posts on any nodes, only the one that deletes the row goes on.
        var hash = Hash(token!);
        var link = await db.SetupLinks.AsNoTracking().SingleAsync(l => l.TokenHash == hash, ct);
        if (await db.SetupLinks.Where(l => l.Id == link.Id).ExecuteDeleteAsync(ct) == 0) return (Outcome.LinkInvalid, []);
        var user = new AppUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = displayName.Trim() };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return (await GiveBackAsync(link), created.Errors.Select(e => e.Description).ToList());
        var role = await users.AddToRoleAsync(user, Roles.Administrator);
        if (!role.Succeeded)
        {
            await users.DeleteAsync(user);
            return (await GiveBackAsync(link), role.Errors.Select(e => e.Description).ToList());
        }
        // Links printed by other nodes or earlier starts die with it.
        await db.SetupLinks.ExecuteDeleteAsync(CancellationToken.None);
        return (Outcome.Created, []);
    }

    /// <summary>A refused password does not spend the link: put it back as it was.</summary>
    private async Task<Outcome> GiveBackAsync(SetupLink link)
    {
        db.SetupLinks.Add(new SetupLink { TokenHash = link.TokenHash, ExpiresAt = link.ExpiresAt });
        await db.SaveChangesAsync(CancellationToken.None);
        return Outcome.Refused;
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
