using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>
/// The lock-out, counted per account and client address: after <see cref="SignInLimits.LockoutFailures"/> failed
/// passwords or codes for one account from one address within <see cref="SignInLimits.LockoutMinutes"/>, that pair is
/// paused for as long. Failures from an outsider's address never lock the account for its owner elsewhere
/// (docs/decisions/0011-sign-in.md). Kept in memory per node, like the rate limiter: a restart forgets it.
/// </summary>
public sealed class SignInThrottle(TimeProvider clock, IOptions<SignInSecurityOptions> options)
{
    private sealed record Entry(int Failures, DateTimeOffset FirstFailure, DateTimeOffset? LockedUntil);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private SignInLimits Limits => options.Value.SignIn;

    public static string Normalise(string email) => email.Trim().ToUpperInvariant();

    private static string Key(string email, string address) => Normalise(email) + "|" + address;

    public bool IsLocked(string email, string address) =>
        _entries.TryGetValue(Key(email, address), out var e) && e.LockedUntil is { } until && until > clock.GetUtcNow();

    /// <summary>Counts a failure; true when this one locks the pair.</summary>
    public bool RecordFailure(string email, string address)
    {
        var now = clock.GetUtcNow();
        var span = TimeSpan.FromMinutes(Limits.LockoutMinutes);
        Prune(now, span);
        var locked = false;
        _entries.AddOrUpdate(Key(email, address),
            _ => Next(new Entry(0, now, null)),
            (_, e) => Next(e.LockedUntil is { } until && until <= now || now - e.FirstFailure > span ? new Entry(0, now, null) : e));
        return locked;

        Entry Next(Entry e)
        {
            var failures = e.Failures + 1;
            if (failures >= Limits.LockoutFailures && e.LockedUntil is null)
            {
                locked = true;
                return new Entry(failures, e.FirstFailure, now + span);
            }
            return e with { Failures = failures };
        }
    }

    /// <summary>A successful sign-in from this address clears its count.</summary>
    public void Reset(string email, string address) => _entries.TryRemove(Key(email, address), out _);

    private void Prune(DateTimeOffset now, TimeSpan span)
    {
        if (_entries.Count < 10_000) return;
        foreach (var (key, e) in _entries)
        {
            if ((e.LockedUntil ?? e.FirstFailure + span) <= now) _entries.TryRemove(key, out _);
        }
    }
}
