namespace Clusterpact.Web.Features.Clusters;

public sealed record UpdateClusterContactCommand(Guid ClusterId, long Version, string? Website, string? ContactName, string? ContactEmail);

public enum CommandStatus { Ok, NotFound, Forbidden, Conflict, Invalid }

/// <summary>A command's outcome: Invalid carries the field and the message key of the broken rule.</summary>
public sealed record CommandOutcome(CommandStatus Status, string? Field = null, string? ErrorCode = null, long? NewVersion = null, Guid? CreatedId = null)
{
    public static CommandOutcome Ok(long version) => new(CommandStatus.Ok, NewVersion: version);

    /// <summary>A new record was stored: its id, so the API can answer where it is.</summary>
    public static CommandOutcome Created(Guid id, long version) => new(CommandStatus.Ok, NewVersion: version, CreatedId: id);
    public static readonly CommandOutcome NotFound = new(CommandStatus.NotFound);
    public static readonly CommandOutcome Forbidden = new(CommandStatus.Forbidden);
    public static readonly CommandOutcome Conflict = new(CommandStatus.Conflict, ErrorCode: "Concurrency.Conflict");
    public static CommandOutcome Invalid(string field, string code) => new(CommandStatus.Invalid, field, code);

    /// <summary>
    /// A business-rule refusal next to the field it names (a value out of its <see cref="DomainRange"/> names its own,
    /// in the form's spelling: "amount" becomes "Amount"), otherwise next to <paramref name="field"/>.
    /// </summary>
    public static CommandOutcome Invalid(DomainError error, string field) =>
        new(CommandStatus.Invalid, error.Field is { Length: > 0 } f ? char.ToUpperInvariant(f[0]) + f[1..] : field, error.Code);
}

/// <summary>
/// A cluster manager (for their own cluster) or agency staff update the cluster's website and contact.
/// The version the user saw must still be current: a concurrent edit is refused, never silently overwritten.
/// </summary>
public sealed class UpdateClusterContact(ClusterpactDbContext db, ClusterAccess access)
{
    public async Task<CommandOutcome> HandleAsync(UpdateClusterContactCommand cmd, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(cmd.ClusterId, ct)) return CommandOutcome.NotFound;
        if (!await access.CanEditAsync(cmd.ClusterId, ct)) return CommandOutcome.Forbidden;
        var cluster = await db.Clusters.SingleAsync(c => c.Id == cmd.ClusterId, ct);
        if (cluster.Version != cmd.Version) return CommandOutcome.Conflict;
        // The token EF compares on save is the version the user saw, not the one just read.
        db.Entry(cluster).Property(c => c.Version).OriginalValue = cmd.Version;

        var result = cluster.UpdateContactDetails(cmd.Website, cmd.ContactName, cmd.ContactEmail);
        if (!result.IsSuccess)
        {
            var field = result.Error!.Code == "Cluster.WebsiteInvalid" ? nameof(cmd.Website) : nameof(cmd.ContactEmail);
            return CommandOutcome.Invalid(result.Error!, field);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandOutcome.Conflict;
        }
        return CommandOutcome.Ok(cluster.Version);
    }
}
