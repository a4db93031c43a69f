using Clusterpact.Web.Features.Clusters;

namespace Clusterpact.Web.Features.Agreements;

public sealed record ExtendAgreementCommand(Guid ClusterId, Guid AgreementId, long Version, DateOnly NewEnd, Guid EvaluationId, string DecisionReference);

/// <summary>
/// Agency staff extend an agreement on a decided interim evaluation of its cluster. The cluster row guards the rules over
/// all its agreements (no overlap, the 10-year window), as for a new agreement.
/// </summary>
public sealed class ExtendAgreement(ClusterpactDbContext db, ClusterAccess access, Permissions permissions, AgreementRules rules) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(ExtendAgreementCommand cmd, CancellationToken ct)
    {
        var cluster = await access.VisibleClusters().SingleOrDefaultAsync(c => c.Id == cmd.ClusterId, ct);
        if (cluster is null) return CommandOutcome.NotFound;
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        var agreement = await db.SupportAgreements.SingleOrDefaultAsync(a => a.Id == cmd.AgreementId && a.ClusterId == cmd.ClusterId, ct);
        if (agreement is null) return CommandOutcome.NotFound;
        if (agreement.Version != cmd.Version) return CommandOutcome.Conflict;
        var evaluation = await db.Evaluations.AsNoTracking().SingleOrDefaultAsync(e => e.Id == cmd.EvaluationId, ct);
        if (evaluation is null) return CommandOutcome.Invalid("EvaluationId", "Agreement.EvaluationRequired");
        var others = await db.SupportAgreements.AsNoTracking().Where(a => a.ClusterId == cmd.ClusterId).ToListAsync(ct);
        var firstAid = SupportAgreement.FirstAidDay(others) ?? agreement.Start;
        if (SupportAgreement.Overlaps(others, agreement.End.AddDays(1), cmd.NewEnd, except: agreement.Id)) return CommandOutcome.Invalid("End", "Agreement.Overlaps");
        var result = agreement.Extend(cmd.NewEnd, ExtensionEvaluation.Of(evaluation), cmd.DecisionReference, firstAid, await rules.RulesAsync(ct));
        if (!result.IsSuccess) return CommandOutcome.Invalid(result.Error!, AgreementRules.FieldOf(result.Error!.Code));
        // The cluster guards the rules over its agreements; an added term changes no column of the agreement itself, so the
        // versioned save touches it too and a stale form fails.
        db.Entry(cluster).State = EntityState.Modified;
        return await db.SaveVersionedAsync(agreement, cmd.Version, ct);
    }
}
