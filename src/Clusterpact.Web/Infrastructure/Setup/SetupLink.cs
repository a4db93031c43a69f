namespace Clusterpact.Web.Infrastructure.Setup;

/// <summary>
/// An open first-run link (<see cref="FirstRunSetup"/>): only the hash of its token and its expiry, in the database so
/// that a link printed by one node works on every node. Each start of an installation without accounts adds one; the
/// first administrator created spends them all.
/// </summary>
public sealed class SetupLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public byte[] TokenHash { get; set; } = [];
    public DateTimeOffset ExpiresAt { get; set; }
}
