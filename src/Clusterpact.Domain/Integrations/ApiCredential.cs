namespace Clusterpact.Domain.Integrations;

/// <summary>Where a client's secret or token stands at a moment.</summary>
public enum CredentialState { Valid, Expired, Revoked }

/// <summary>
/// The rules of a machine client's credentials (a personal access token, a client secret, an access token issued for
/// it): usable until it expires or is revoked, whichever comes first, and never longer than a year, so a forgotten
/// integration stops by itself (BIO/ISO 27002 8.5: credentials with a limited life).
/// </summary>
public static class ApiCredential
{
    /// <summary>The longest life of a personal access token or client secret.</summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(366);

    /// <summary>How long an access token issued for client credentials lives (OAuth 2.0 client_credentials, RFC 6749 §4.4).</summary>
    public static readonly TimeSpan AccessTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>The state at <paramref name="now"/>; the expiry moment itself is already expired.</summary>
    public static CredentialState StateAt(DateTimeOffset now, DateTimeOffset expiresAt, DateTimeOffset? revokedAt) =>
        revokedAt is { } r && r <= now ? CredentialState.Revoked
        : now >= expiresAt ? CredentialState.Expired
        : CredentialState.Valid;

    /// <summary>
    /// A credential chosen to end on <paramref name="lastDay"/> (a calendar day in Brussels) ends at midnight after it,
    /// Brussels time; a day in the past, today's end or one beyond <see cref="MaxLifetime"/> is refused.
    /// </summary>
    public static Result<DateTimeOffset> ExpiryFor(DateOnly lastDay, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(BrusselsTime.ToLocal(now).DateTime);
        if (lastDay < today) return Result<DateTimeOffset>.Fail(new DomainError("Clients.ExpiryInPast", Field: "ExpiresOn"));
        // Midnight always exists in Brussels (the clocks change at 2 and 3 o'clock).
        // Stored in UTC, as every instant (PostgreSQL takes only offset 0, SQLite compares ticks).
        var end = BrusselsTime.ToInstant(lastDay.AddDays(1).ToDateTime(TimeOnly.MinValue)).Value.ToUniversalTime();
        if (end - now > MaxLifetime) return Result<DateTimeOffset>.Fail(new DomainError("Clients.ExpiryTooLate", "BIO 8.5", "ExpiresOn"));
        return Result<DateTimeOffset>.Ok(end);
    }

    /// <summary>An access token never outlives the client secret it was issued for.</summary>
    public static DateTimeOffset AccessTokenExpiry(DateTimeOffset now, DateTimeOffset secretExpiresAt) =>
        now + AccessTokenLifetime < secretExpiresAt ? now + AccessTokenLifetime : secretExpiresAt;
}
