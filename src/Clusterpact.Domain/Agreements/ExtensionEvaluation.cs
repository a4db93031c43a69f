namespace Clusterpact.Domain.Agreements;

/// <summary>
/// The evaluation an extension rests on, as the evaluation records it: whose it is, what kind, the day it was decided
/// (null while it is not decided) and its outcome. The extension rule reads these facts; nobody ticks them.
/// </summary>
public sealed record ExtensionEvaluation(Guid EvaluationId, Guid? ClusterId, EvaluationKind Kind, DateOnly? DecidedOn, EvaluationOutcome? Outcome)
{
    /// <summary>The facts of a stored evaluation: decided once it reached its decided stage, on the day it reached it.</summary>
    public static ExtensionEvaluation Of(Evaluation e) => new(e.Id, e.ClusterId, e.Kind,
        e.Stage == EvaluationStage.Decided ? e.Stages.FirstOrDefault(s => s.Stage == EvaluationStage.Decided)?.Reached : null, e.Outcome);

    public bool AdvisesExtension => Outcome is EvaluationOutcome.Extend or EvaluationOutcome.ExtendWithConditions;
}
