namespace Clusterpact.Domain.Tests.Evaluations;

/// <summary>The stages of an evaluation, walked against the table written out here: one stage at a time, agency only.</summary>
public sealed class EvaluationLifecycleTests
{
    private static readonly DateOnly D = new(2019, 1, 15);

    private static readonly Dictionary<(EvaluationStage From, string Step), ExpectedStep<EvaluationStage>> Expected = new()
    {
        [(EvaluationStage.Planned, EvaluationLifecycle.StartDataCollection)] = new(EvaluationStage.CollectingData, Actor.Agency),
        [(EvaluationStage.CollectingData, EvaluationLifecycle.ConveneExpertPanel)] = new(EvaluationStage.ExpertPanel, Actor.Agency),
        [(EvaluationStage.ExpertPanel, EvaluationLifecycle.DraftReport)] = new(EvaluationStage.Report, Actor.Agency),
        [(EvaluationStage.Report, EvaluationLifecycle.Decide)] = new(EvaluationStage.Decided, Actor.Agency),
    };

    private static readonly string[] Order = [EvaluationLifecycle.StartDataCollection, EvaluationLifecycle.ConveneExpertPanel, EvaluationLifecycle.DraftReport];

    private static Evaluation In(EvaluationStage stage)
    {
        var e = Evaluation.Plan("Tussentijdse evaluatie", EvaluationKind.Interim, EvaluationScope.Individual, Guid.NewGuid(), new Dictionary<EvaluationStage, DateOnly>()).Value!;
        foreach (var step in Order.Take(Math.Min((int)stage, Order.Length))) Assert.True(e.Take(step, Actors.Agency, D).IsSuccess);
        if (stage == EvaluationStage.Decided) Assert.True(e.Decide(Actors.Agency, D, EvaluationOutcome.Extend).IsSuccess);
        Assert.Equal(stage, e.Stage);
        return e;
    }

    public static TheoryData<EvaluationStage, string, Actor> Cases() => LifecycleMatrix.EveryStateStepAndActor<EvaluationStage>([.. Order, EvaluationLifecycle.Decide]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_stage_is_reached_only_from_the_one_before_and_by_the_agency(EvaluationStage from, string step, Actor actor)
    {
        var e = In(from);
        var who = new HashSet<Actor> { actor };
        var result = step == EvaluationLifecycle.Decide ? e.Decide(who, D, EvaluationOutcome.Extend) : e.Take(step, who, D);
        LifecycleMatrix.Verify("Evaluation", Expected, from, step, actor, result, e.Stage);
    }

    [Fact]
    public void The_table_is_the_expected_one_and_the_decision_keeps_its_own_form()
    {
        LifecycleMatrix.SameTable(EvaluationLifecycle.Rules, "Evaluation", Expected);
        var e = In(EvaluationStage.Report);
        Assert.Equal("Evaluation.DecisionNeedsItsForm", e.Take(EvaluationLifecycle.Decide, Actors.Agency, D).Error!.Code);
        Assert.Equal(EvaluationStage.Report, e.Stage);
        Assert.Equal(EvaluationStage.ExpertPanel, EvaluationLifecycle.Next(EvaluationStage.CollectingData));
        Assert.Null(EvaluationLifecycle.Next(EvaluationStage.Decided));
    }
}
