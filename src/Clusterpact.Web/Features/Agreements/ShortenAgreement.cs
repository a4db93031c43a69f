using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

public sealed record ShortenAgreementCommand(Guid ClusterId, Guid AgreementId, long Version, DateOnly NewEnd, string Reason);

/// <summary>Agency staff end an agreement early (or shorten it), with the reason; the decided terms stay in the history.</summary>
public sealed class ShortenAgreement(ClusterpactDbContext db, ClusterAccess access, Permissions permissions, TimeProvider clock) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(ShortenAgreementCommand cmd, CancellationToken ct)
    {
        if (!await access.CanSeeAsync(cmd.ClusterId, ct)) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var agreement = await db.SupportAgreements.SingleOrDefaultAsync(a => a.Id == cmd.AgreementId && a.ClusterId == cmd.ClusterId, ct);
        if (agreement is null) return CommandOutcome.NotFound;
        if (agreement.Version != cmd.Version) return CommandOutcome.Conflict;
        var result = agreement.ShortenTo(cmd.NewEnd, clock.TodayInBrussels(), cmd.Reason);
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, result.Error!.Code == "Agreement.ReasonRequired" ? "Reason" : "End");
        return await db.SaveVersionedAsync(agreement, cmd.Version, ct);
    }
}
