using Clusterpact.Web.Infrastructure.Audit;

namespace Clusterpact.Web.Features.Evaluations;

/// <summary>
/// An evaluation as its page shows it: its cluster's name, the steps of its table the person may take now, whether they
/// run it (agency staff add people, evidence and recommendations) and who decided it, from the audit trail.
/// </summary>
public sealed record EvaluationView(Evaluation Evaluation, string? ClusterName, IReadOnlyList<LifecycleStep<EvaluationStage>> Steps, bool CanManage, string? DecidedBy);

/// <summary>One evaluation the caller sees; null when it is not theirs to see.</summary>
public sealed class GetEvaluation(ClusterpactDbContext db, Scope scope, Permissions permissions, RecordActors actors) : IUseCase
{
    public async Task<EvaluationView?> HandleAsync(Guid id, CancellationToken ct)
    {
        var e = await scope.Evaluations().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var name = e.ClusterId is { } c ? await db.Clusters.Where(x => x.Id == c).Select(x => x.Name).SingleAsync(ct) : null;
        var steps = EvaluationLifecycle.Rules.Available(e.Stage, await actors.OnClustersAsync(e.ClusterId is { } cid ? [cid] : [], ct));
        var decidedBy = e.Stage == EvaluationStage.Decided
            ? (await db.DecisionsAsync(nameof(Evaluation), [id], nameof(Evaluation.Stage), [nameof(EvaluationStage.Decided)], ct)).GetValueOrDefault(id)?.By
            : null;
        return new EvaluationView(e, name, steps, await permissions.HasAsync(Policies.AgencyStaff), decidedBy);
    }
}
