namespace Clusterpact.Web.Features.Evaluations;

public sealed record PlanEvaluationCommand(string Title, EvaluationKind Kind, EvaluationScope Scope, Guid? ClusterId, IReadOnlyDictionary<EvaluationStage, DateOnly> Planned);

/// <summary>Agency staff plan an evaluation: kind, scope (a cluster or the programme) and the planned day of each stage.</summary>
public sealed class PlanEvaluation(ClusterpactDbContext db, Permissions permissions) : IUseCase
{
    /// <summary>Created with the new evaluation's id, or the refusal next to its field.</summary>
    public async Task<CommandOutcome> HandleAsync(PlanEvaluationCommand cmd, CancellationToken ct)
    {
        if (!await permissions.HasAsync(Policies.AgencyStaff)) return CommandOutcome.Forbidden;
        if (cmd.ClusterId is { } c && !await db.Clusters.AnyAsync(x => x.Id == c, ct)) return CommandOutcome.Invalid("ClusterId", "Evaluation.ClusterRequired");
        var planned = Evaluation.Plan(cmd.Title, cmd.Kind, cmd.Scope, cmd.Scope == EvaluationScope.Individual ? cmd.ClusterId : null, cmd.Planned);
        if (!planned.IsSuccess)
            return CommandOutcome.Invalid(planned.Error!, planned.Error!.Code is "Evaluation.TitleRequired" ? "Title" : planned.Error!.Code == "Evaluation.PlannedOutOfOrder" ? "Planned" : "ClusterId");
        db.Evaluations.Add(planned.Value!);
        await db.SaveChangesAsync(ct);
        return CommandOutcome.Created(planned.Value!.Id, planned.Value.Version);
    }
}
