namespace Clusterpact.Web.Features.Clusters.Members;

public sealed record UpdateMembershipCommand(Guid ClusterId, Guid MembershipId, long Version, DateOnly? Until, MembershipRole Role, decimal? YearlyFee, string? ContactEmail = null);

/// <summary>
/// A cluster manager (own cluster) or agency staff change or end a membership; the version the user saw must still be
/// current.
/// </summary>
public sealed class UpdateMembership(ClusterpactDbContext db, ClusterAccess access) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(UpdateMembershipCommand cmd, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(cmd.ClusterId, ct)) return CommandOutcome.NotFound;
        if (!await access.CanEditAsync(cmd.ClusterId, ct)) return CommandOutcome.Forbidden;
        var membership = await db.Memberships.SingleOrDefaultAsync(m => m.Id == cmd.MembershipId && m.ClusterId == cmd.ClusterId, ct);
        if (membership is null) return CommandOutcome.NotFound;
        if (membership.Version != cmd.Version) return CommandOutcome.Conflict;
        db.Entry(membership).Property(m => m.Version).OriginalValue = cmd.Version;
        var result = membership.Update(cmd.Until, cmd.Role, cmd.YearlyFee);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!.Field ?? "Until", result.Error.Code);
        if (membership.SetContact(cmd.ContactEmail) is { IsSuccess: false } contact) return CommandOutcome.Invalid("ContactEmail", contact.Error!.Code);
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException) { return CommandOutcome.Conflict; }
        return CommandOutcome.Ok(membership.Version);
    }
}
