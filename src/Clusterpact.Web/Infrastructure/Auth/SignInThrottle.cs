using Clusterpact.Web.Infrastructure.Nodes;
using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>
/// The lock-out, counted per account and client address: after <see cref="SignInLimits.LockoutFailures"/> failed
/// passwords or codes for one account from one address within <see cref="SignInLimits.LockoutMinutes"/>, that pair is
/// paused for as long. Failures from an outsider's address never lock the account for its owner elsewhere
/// (docs/decisions/0011-sign-in.md). Counted in the database (<see cref="SignInLockout"/>), so every node of a cluster
/// counts the same failures and a restart does not forget a pause. The per-minute rate limits stay per node
/// (docs/operations.md): with n nodes an address gets at most n times the limit, and the lock-out still stops guessing.
/// </summary>
public sealed class SignInThrottle(ClusterpactDbContext db, TimeProvider clock, IOptions<SignInSecurityOptions> options)
{
    private SignInLimits Limits => options.Value.SignIn;

    public static string Normalise(string email) => email.Trim().ToUpperInvariant();

    private static string Key(string email, string address)
    {
        var key = Normalise(email) + "|" + address;
        return key.Length > 400 ? key[..400] : key;
    }

    public async Task<bool> IsLockedAsync(string email, string address, CancellationToken ct)
    {
        var key = Key(email, address);
        var now = clock.GetUtcNow();
        return await db.SignInLockouts.AsNoTracking().AnyAsync(l => l.Key == key && l.LockedUntil != null && l.LockedUntil > now, ct);
    }

    /// <summary>Counts a failure; true when this one locks the pair. Two nodes counting at once each add one (the update is atomic).</summary>
    public async Task<bool> RecordFailureAsync(string email, string address, CancellationToken ct)
    {
        var key = Key(email, address);
        var now = clock.GetUtcNow();
        var windowStart = now - TimeSpan.FromMinutes(Limits.LockoutMinutes);
        await PruneAsync(now, windowStart, ct);
        for (var attempt = 0; ; attempt++)
        {
            // A count still in its window, not ended by an expired pause: one more failure.
            var counted = await db.SignInLockouts
                .Where(l => l.Key == key && l.FirstFailure > windowStart && (l.LockedUntil == null || l.LockedUntil > now))
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Failures, l => l.Failures + 1), ct);
            if (counted == 0)
            {
                // No count, or an old one: start again from this failure.
                await db.SignInLockouts.Where(l => l.Key == key).ExecuteDeleteAsync(ct);
                db.SignInLockouts.Add(new SignInLockout { Key = key, Failures = 1, FirstFailure = now });
                try
                {
                    await db.SaveChangesAsync(ct);
                }
                catch (DbUpdateException ex) when (attempt == 0 && DatabaseErrors.IsUniqueViolation(ex))
                {
                    // Another node started the count at the same moment: count on theirs.
                    continue;
                }
                finally
                {
                    // The request's context also tracks the person signing in: let go of the count row only.
                    foreach (var entry in db.ChangeTracker.Entries<SignInLockout>().ToList()) entry.State = EntityState.Detached;
                }
            }
            break;
        }
        // The failure that reaches the limit sets the pause; only one caller sees its update succeed.
        var until = now + TimeSpan.FromMinutes(Limits.LockoutMinutes);
        var locks = await db.SignInLockouts
            .Where(l => l.Key == key && l.LockedUntil == null && l.Failures >= Limits.LockoutFailures)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LockedUntil, until), ct);
        return locks > 0;
    }

    /// <summary>A successful sign-in from this address clears its count.</summary>
    public async Task ResetAsync(string email, string address, CancellationToken ct)
    {
        var key = Key(email, address);
        await db.SignInLockouts.Where(l => l.Key == key).ExecuteDeleteAsync(ct);
    }

    /// <summary>Counts whose window and pause are over are of no use; drop them now and then, not on every failure.</summary>
    private async Task PruneAsync(DateTimeOffset now, DateTimeOffset windowStart, CancellationToken ct)
    {
        if (Random.Shared.Next(50) != 0) return;
        await db.SignInLockouts.Where(l => l.FirstFailure <= windowStart && (l.LockedUntil == null || l.LockedUntil <= now)).ExecuteDeleteAsync(ct);
    }
}
