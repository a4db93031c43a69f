namespace Clusterpact.Web.Infrastructure.Auth;

/// <summary>
/// The failed sign-ins of one account from one client address (<see cref="SignInThrottle"/>), in the database so that
/// every node behind the load balancer counts the same failures and keeps the same pause.
/// </summary>
public sealed class SignInLockout
{
    /// <summary>The normalised e-mail address and the client address, "EMAIL|address".</summary>
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    public DateTimeOffset FirstFailure { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }
}
