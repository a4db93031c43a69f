namespace Clusterpact.Web.Features.Clusters;

public sealed record UpdateClusterContactCommand(Guid ClusterId, long Version, string? Website, string? ContactName, string? ContactEmail);

/// <summary>
/// A cluster manager (for their own cluster) or agency staff update the cluster's website and contact.
/// The version the user saw must still be current: a concurrent edit is refused, never silently overwritten.
/// </summary>
public sealed class UpdateClusterContact(ClusterpactDbContext db, ClusterAccess access) : IUseCase
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
