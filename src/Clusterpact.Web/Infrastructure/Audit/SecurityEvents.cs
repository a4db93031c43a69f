namespace Clusterpact.Web.Infrastructure.Audit;

/// <summary>What happened at the door: each is one row in the audit trail, named in both languages (SecurityEvent.*).</summary>
public enum SecurityEvent
{
    SignedIn,
    SignedInWithAuthenticator,
    SignedInWithRecoveryCode,
    SignInFailed,
    SignInRefusedDeactivated,
    SignInRefusedLocked,
    LockedOut,
    SecondFactorFailed,
    SecondFactorConfirmed,
    TwoFactorEnrolled,
    RecoveryCodesRenewed,
    TwoFactorDisabled,
    SignInRefusedUnconfirmed,
    Registered,
    UnconfirmedAccountRemoved,
    RegistrationForExistingAddress,
    EmailConfirmed,
    PasswordResetRequested,
    PasswordReset,
    TwoFactorResetByAdministrator,
}

/// <summary>
/// The one way to write a security event (sign-ins, failures, lock-outs, second-factor enrolment and use, recovery-code
/// use) into the audit trail beside the data changes the <see cref="AuditInterceptor"/> records. Role and scope changes
/// are data changes of the user and are recorded there. A row names the person concerned (the e-mail address typed,
/// when no account matches), the event as its field and the client address as its value; never a password or a code.
/// Refusals by the rate limiter are logged, not stored: a flood must not turn into as many rows.
/// </summary>
public sealed class SecurityEvents(ClusterpactDbContext db, TimeProvider clock, IHttpContextAccessor http)
{
    /// <summary>The record type of security events on the audit page.</summary>
    public const string EntityType = "Security";

    public async Task RecordAsync(SecurityEvent kind, AppUser? user, string? typedEmail = null, CancellationToken ct = default)
    {
        var name = user?.Email ?? typedEmail ?? "";
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(), UserId = user?.Id, UserName = name.Length > 256 ? name[..256] : name,
            EntityType = EntityType, EntityId = user?.Id.ToString() ?? "", Action = AuditAction.Security, Field = kind.ToString(),
            NewValue = http.HttpContext is { } context ? Auth.SignInSecurity.ClientAddress(context) : null, ChangeSetId = Guid.CreateVersion7(),
        });
        await db.SaveChangesAsync(ct);
    }
}
