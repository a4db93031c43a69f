using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

public sealed record CreateAgreementCommand(Guid ClusterId, DateOnly Start, DateOnly End, string DecisionReference);

/// <summary>
/// Agency staff make a support agreement for a cluster under the funding rules in force; the cluster row guards the
/// rules over its agreements (no overlap, the 10-year window), so two made at once cannot both pass.
/// </summary>
public sealed class CreateAgreement(ClusterpactDbContext db, ClusterAccess access, Permissions permissions, AgreementRules rules) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(CreateAgreementCommand cmd, CancellationToken ct)
    {
        var cluster = await access.VisibleClusters().SingleOrDefaultAsync(c => c.Id == cmd.ClusterId, ct);
        if (cluster is null) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var created = await rules.NewForClusterAsync(cluster, cmd.Start, cmd.End, cmd.DecisionReference, await rules.RulesAsync(ct), ct);
        if (!created.IsSuccess) return CommandOutcome.Invalid(created.Error!, AgreementRules.FieldOf(created.Error!.Code));
        db.SupportAgreements.Add(created.Value!);
        var saved = await db.SaveGuardedAsync(cluster, "Agreement.ConcurrentChange", ct);
        return saved.Status == CommandStatus.Ok ? CommandOutcome.Created(created.Value!.Id, created.Value.Version) : saved;
    }
}
