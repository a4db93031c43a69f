namespace Clusterpact.Domain.Tests.Evaluations;

public class EvaluationTests
{
    private static readonly Guid Cluster = Guid.NewGuid();
    private static readonly DateOnly D = new(2019, 1, 15);

    private static Evaluation Interim() => Evaluation.Plan("Tussentijdse evaluatie Catalisti", EvaluationKind.Interim, EvaluationScope.Individual, Cluster,
        new Dictionary<EvaluationStage, DateOnly> { [EvaluationStage.CollectingData] = D, [EvaluationStage.Decided] = new(2019, 5, 31) }).Value!;

    /// <summary>Takes the one step the table offers the agency from the current stage (not the decision).</summary>
    private static Result Next(Evaluation e, DateOnly on) => e.Take(EvaluationLifecycle.Rules.Available(e.Stage, Actors.Agency).Single().Name, Actors.Agency, on);

    /// <summary>Walks the evaluation up to a stage before the decision, 20 days per stage.</summary>
    private static void AdvanceTo(Evaluation e, EvaluationStage stage)
    {
        var day = D;
        while (e.Stage < stage)
        {
            Assert.True(Next(e, day).IsSuccess);
            day = day.AddDays(20);
        }
    }

    [Fact]
    public void The_stages_follow_in_order_and_record_the_day_each_was_reached()
    {
        var e = Interim();
        Assert.Equal(EvaluationStage.Planned, e.Stage);
        Assert.True(Next(e, D).IsSuccess);
        Assert.True(Next(e, D.AddDays(30)).IsSuccess);
        Assert.True(Next(e, D.AddDays(60)).IsSuccess);
        Assert.Equal(EvaluationStage.Report, e.Stage);
        Assert.Equal(D.AddDays(30), e.Stages.Single(s => s.Stage == EvaluationStage.ExpertPanel).Reached);
        Assert.Equal(new DateOnly(2019, 5, 31), e.Stages.Single(s => s.Stage == EvaluationStage.Decided).Planned);
    }

    [Fact]
    public void A_stage_cannot_be_reached_before_the_previous_one()
    {
        var e = Interim();
        Next(e, D);
        Assert.Equal("Evaluation.DateBeforePreviousStage", Next(e, D.AddDays(-1)).Error!.Code);
        Assert.Equal(EvaluationStage.CollectingData, e.Stage);
    }

    [Fact]
    public void An_interim_evaluation_is_decided_only_with_its_outcome_and_conditions_when_it_sets_them()
    {
        var e = Interim();
        AdvanceTo(e, EvaluationStage.Report);
        Assert.Equal(EvaluationStage.Report, e.Stage);
        var day = new DateOnly(2019, 5, 28);
        Assert.Equal("Evaluation.OutcomeRequired", e.Decide(Actors.Agency, day, null).Error!.Code);
        Assert.Equal("Evaluation.ConditionsRequired", e.Decide(Actors.Agency, day, EvaluationOutcome.ExtendWithConditions, " ").Error!.Code);
        Assert.False(e.AdvisesExtension);
        Assert.True(e.Decide(Actors.Agency, day, EvaluationOutcome.ExtendWithConditions, "Meer kmo's betrekken").IsSuccess);
        Assert.Equal((EvaluationStage.Decided, (DateOnly?)day, "Meer kmo's betrekken"), (e.Stage, e.DecidedOn, e.Conditions));
        Assert.True(e.AdvisesExtension);
        Assert.Equal("Evaluation.Step.Decide.NotAllowed", e.Decide(Actors.Agency, day, EvaluationOutcome.Stop).Error!.Code);
    }

    [Fact]
    public void A_stop_outcome_does_not_advise_extension()
    {
        var e = Interim();
        AdvanceTo(e, EvaluationStage.Report);
        Assert.True(e.Decide(Actors.Agency, new DateOnly(2019, 6, 1), EvaluationOutcome.Stop).IsSuccess);
        Assert.False(e.AdvisesExtension);
    }

    [Fact]
    public void Other_evaluations_end_with_a_conclusion_not_an_outcome()
    {
        var e = Evaluation.Plan("Systemische evaluatie 2019-2020", EvaluationKind.MidTermReview, EvaluationScope.Systemic, null, new Dictionary<EvaluationStage, DateOnly>()).Value!;
        AdvanceTo(e, EvaluationStage.Report);
        Assert.Equal("Evaluation.OutcomeOnlyForInterim", e.Decide(Actors.Agency, new DateOnly(2020, 5, 1), EvaluationOutcome.Extend, null, "x").Error!.Code);
        Assert.Equal("Evaluation.ConclusionRequired", e.Decide(Actors.Agency, new DateOnly(2020, 5, 1), null).Error!.Code);
        Assert.True(e.Decide(Actors.Agency, new DateOnly(2020, 5, 1), null, conclusion: "Het beleid werkt; meer focus op kmo's").IsSuccess);
        Assert.False(e.AdvisesExtension);
    }

    [Theory]
    [InlineData(EvaluationKind.Interim, EvaluationScope.Systemic, false, "Evaluation.InterimIsIndividual")]
    [InlineData(EvaluationKind.Final, EvaluationScope.Individual, false, "Evaluation.ClusterRequired")]
    [InlineData(EvaluationKind.ExPostImpact, EvaluationScope.Systemic, true, "Evaluation.SystemicHasNoCluster")]
    public void The_scope_decides_whether_a_cluster_is_named(EvaluationKind kind, EvaluationScope scope, bool withCluster, string code)
    {
        var r = Evaluation.Plan("x", kind, scope, withCluster ? Cluster : null, new Dictionary<EvaluationStage, DateOnly>());
        Assert.Equal(code, r.Error!.Code);
    }

    [Fact]
    public void Planned_dates_must_follow_the_stage_order()
    {
        var r = Evaluation.Plan("x", EvaluationKind.Final, EvaluationScope.Individual, Cluster,
            new Dictionary<EvaluationStage, DateOnly> { [EvaluationStage.ExpertPanel] = new(2020, 3, 1), [EvaluationStage.Report] = new(2020, 2, 1) });
        Assert.Equal("Evaluation.PlannedOutOfOrder", r.Error!.Code);
    }

    [Fact]
    public void Recommendations_come_from_the_panel_and_their_follow_up_is_kept()
    {
        var e = Interim();
        Assert.Equal("Evaluation.RecommendationTooEarly", e.AddRecommendation("f", "r", null, null).Error!.Code);
        AdvanceTo(e, EvaluationStage.ExpertPanel);
        Assert.True(e.AddRecommendation("Weinig internationale samenwerking", "Sluit aan bij een Europees partnerschap", "Clusterorganisatie", new DateOnly(2020, 1, 1)).IsSuccess);
        var rec = e.Recommendations.Single();
        Assert.True(rec.IsOverdue(new DateOnly(2020, 1, 2)));
        Assert.Equal("Evaluation.ReasonRequired", e.FollowUp(rec.Id, FollowUpStatus.NotFollowed, null).Error!.Code);
        Assert.True(e.FollowUp(rec.Id, FollowUpStatus.Done, "Lid van ECCP").IsSuccess);
        Assert.False(rec.IsOverdue(new DateOnly(2020, 1, 2)));
    }

    [Fact]
    public void Evidence_closes_with_the_decision_and_lateness_follows_the_plan()
    {
        var e = Interim();
        Assert.True(e.IsLate(D.AddDays(1)));
        Assert.False(e.IsLate(D));
        Assert.True(e.AddEvidence(EvidenceKind.SurveyResults, "Ledenbevraging 2019", null, D).IsSuccess);
        AdvanceTo(e, EvaluationStage.Report);
        Assert.True(e.Decide(Actors.Agency, new DateOnly(2019, 5, 28), EvaluationOutcome.Extend).IsSuccess);
        Assert.Equal("Evaluation.AlreadyDecided", e.AddEvidence(EvidenceKind.Document, "Te laat", null, D).Error!.Code);
        Assert.False(e.IsLate(new DateOnly(2030, 1, 1)));
    }
}
