namespace Clusterpact.Web.Features.Evaluations;

/// <summary>A step of the evaluation's lifecycle on a day; the decision carries its outcome, conditions and conclusion.</summary>
public sealed record EvaluationStepCommand(Guid EvaluationId, long Version, string Step, DateOnly On, EvaluationOutcome? Outcome, string? Conditions, string? Conclusion);

/// <summary>The evaluation checks the step against its table with the person's actors.</summary>
public sealed class TakeEvaluationStep(ClusterpactDbContext db, Scope scope, RecordActors actors) : IUseCase
{
    public async Task<CommandOutcome> HandleAsync(EvaluationStepCommand cmd, CancellationToken ct)
    {
        var e = await scope.Evaluations().SingleOrDefaultAsync(x => x.Id == cmd.EvaluationId, ct);
        if (e is null) return CommandOutcome.NotFound;
        if (e.Version != cmd.Version) return CommandOutcome.Conflict;
        var who = await actors.OnClustersAsync(e.ClusterId is { } c ? [c] : [], ct);
        var result = cmd.Step == EvaluationLifecycle.Decide ? e.Decide(who, cmd.On, cmd.Outcome, cmd.Conditions, cmd.Conclusion) : e.Take(cmd.Step, who, cmd.On);
        // A step that is not the person's is forbidden (the table authorizes it); any other refusal goes next to the day or its field.
        if (!result.IsSuccess) return StepRefusal.Of<EvaluationStage>(result.Error!, result.Error!.Field is "on" or null ? "On" : result.Error.Field);
        return await db.SaveVersionedAsync(e, cmd.Version, ct);
    }
}
