namespace Clusterpact.Domain.Common;

/// <summary>
/// Business data whose every change is recorded in the audit trail (who, when, field, old and new value),
/// and which carries a version that makes concurrent edits fail instead of silently overwriting each other.
/// </summary>
public interface IAuditable
{
    Guid Id { get; }

    /// <summary>Concurrency token: raised by one on every save; an update with a stale version is refused.</summary>
    long Version { get; }
}
