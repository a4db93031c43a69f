namespace Clusterpact.Web.Features.Organisations;

/// <param name="OverrideClass">The class to set; null clears the override, so the figures decide again.</param>
public sealed record OverrideOrganisationSizeCommand(Guid OrganisationId, long Version, SizeClass? OverrideClass, string? Justification);

/// <summary>
/// Agency staff set or clear the size class of a linked or partner enterprise, with the reason (Recommendation
/// 2003/361/EC, art. 3): the figures alone cannot show the group an enterprise belongs to. Saved against the version
/// the officer saw, so a change made meanwhile is refused, never overwritten.
/// </summary>
public sealed class OverrideOrganisationSize(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(OverrideOrganisationSizeCommand cmd, CancellationToken ct)
    {
        var organisation = await db.Organisations.SingleOrDefaultAsync(o => o.Id == cmd.OrganisationId, ct);
        if (organisation is null) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        if (organisation.Version != cmd.Version) return CommandOutcome.Conflict;
        if (cmd.OverrideClass is not { } size) organisation.ClearSizeOverride();
        else if (organisation.OverrideSize(size, cmd.Justification) is { IsSuccess: false } refused)
            return CommandOutcome.Invalid(refused.Error!, nameof(cmd.Justification));
        return await db.SaveVersionedAsync(organisation, cmd.Version, ct);
    }
}
