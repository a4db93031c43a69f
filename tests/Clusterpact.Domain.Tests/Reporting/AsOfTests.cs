namespace Clusterpact.Domain.Tests.Reporting;

public sealed class AsOfTests
{
    private static Evaluation Interim()
    {
        var e = Evaluation.Plan("Tussentijdse evaluatie", EvaluationKind.Interim, EvaluationScope.Individual, Guid.NewGuid(), new Dictionary<EvaluationStage, DateOnly>
        {
            [EvaluationStage.CollectingData] = new(2019, 1, 15), [EvaluationStage.ExpertPanel] = new(2019, 3, 15),
            [EvaluationStage.Report] = new(2019, 4, 30), [EvaluationStage.Decided] = new(2019, 5, 15),
        }).Value!;
        Assert.True(e.Take(EvaluationLifecycle.StartDataCollection, Actors.Agency, new DateOnly(2019, 1, 15)).IsSuccess);
        Assert.True(e.Take(EvaluationLifecycle.ConveneExpertPanel, Actors.Agency, new DateOnly(2019, 3, 20)).IsSuccess);
        Assert.True(e.Take(EvaluationLifecycle.DraftReport, Actors.Agency, new DateOnly(2019, 4, 30)).IsSuccess);
        Assert.True(e.Decide(Actors.Agency, new DateOnly(2019, 5, 28), EvaluationOutcome.Extend).IsSuccess);
        return e;
    }

    [Fact]
    public void An_evaluation_is_in_the_stage_it_had_reached_by_the_end_of_the_day()
    {
        var e = Interim();
        Assert.Equal(EvaluationStage.Planned, AsOf.StageOn(e, new DateOnly(2019, 1, 14)));
        Assert.Null(AsOf.StageReachedOn(e, new DateOnly(2019, 1, 14)));
        Assert.Equal(EvaluationStage.CollectingData, AsOf.StageOn(e, new DateOnly(2019, 1, 15)));
        Assert.Equal(new DateOnly(2019, 1, 15), AsOf.StageReachedOn(e, new DateOnly(2019, 3, 19)));
        Assert.Equal(EvaluationStage.ExpertPanel, AsOf.StageOn(e, new DateOnly(2019, 3, 20)));
        Assert.Equal(EvaluationStage.Report, AsOf.StageOn(e, new DateOnly(2019, 5, 27)));
        Assert.Equal(EvaluationStage.Decided, AsOf.StageOn(e, new DateOnly(2019, 5, 28)));
    }

    [Fact]
    public void The_outcome_is_known_from_the_decision_day_and_lateness_is_judged_on_that_day()
    {
        var e = Interim();
        Assert.Null(AsOf.OutcomeOn(e, new DateOnly(2019, 5, 27)));
        Assert.Equal(EvaluationOutcome.Extend, AsOf.OutcomeOn(e, new DateOnly(2019, 5, 28)));
        // The panel was planned for 15 March and reached on 20 March: late on the 16th, not on the 15th.
        Assert.False(AsOf.LateOn(e, new DateOnly(2019, 3, 15)));
        Assert.True(AsOf.LateOn(e, new DateOnly(2019, 3, 16)));
        Assert.Equal((EvaluationStage.ExpertPanel, new DateOnly(2019, 3, 15)), AsOf.NextStageOn(e, new DateOnly(2019, 3, 16)));
        // Decided on 28 May, planned for the 15th: late from the 16th until it was decided.
        Assert.True(AsOf.LateOn(e, new DateOnly(2019, 5, 27)));
        Assert.False(AsOf.LateOn(e, new DateOnly(2019, 5, 28)));
        Assert.Null(AsOf.NextStageOn(e, new DateOnly(2019, 5, 28)));
    }

    private static DateTimeOffset Brussels(int y, int m, int d, int h, int min) => BrusselsTime.ToInstant(new DateTime(y, m, d, h, min, 0)).Value;

    private static void RecordedAt(IRecordedFact fact, DateTimeOffset at) => fact.Recorded(at);

    [Fact]
    public void A_stage_entered_later_with_an_earlier_day_was_not_known_on_that_day()
    {
        // Issue 17: the panel is entered on 2 December 2026 with the day it met, 20 March 2020.
        var e = Evaluation.Plan("Tussentijdse evaluatie", EvaluationKind.Interim, EvaluationScope.Individual, Guid.NewGuid(),
            new Dictionary<EvaluationStage, DateOnly> { [EvaluationStage.CollectingData] = new(2020, 1, 15) }).Value!;
        Assert.True(e.Take(EvaluationLifecycle.StartDataCollection, Actors.Agency, new DateOnly(2020, 1, 15)).IsSuccess);
        foreach (var s in e.Stages.Where(s => s.Reached is not null)) RecordedAt(s, Brussels(2020, 1, 15, 10, 0));
        Assert.True(e.Take(EvaluationLifecycle.ConveneExpertPanel, Actors.Agency, new DateOnly(2020, 3, 20)).IsSuccess);
        RecordedAt(e.Stages.Single(s => s.Stage == EvaluationStage.ExpertPanel), Brussels(2026, 12, 2, 9, 0));

        Assert.Equal(EvaluationStage.CollectingData, AsOf.StageOn(e, new DateOnly(2020, 6, 30)));
        Assert.Equal(new DateOnly(2020, 1, 15), AsOf.StageReachedOn(e, new DateOnly(2020, 6, 30)));
        Assert.Equal(EvaluationStage.CollectingData, AsOf.StageOn(e, new DateOnly(2026, 12, 1)));
        // Known from the day it was entered, with the day it names.
        Assert.Equal(EvaluationStage.ExpertPanel, AsOf.StageOn(e, new DateOnly(2026, 12, 2)));
        Assert.Equal(new DateOnly(2020, 3, 20), AsOf.StageReachedOn(e, new DateOnly(2026, 12, 2)));
    }

    [Fact]
    public void A_decision_is_known_once_recorded_and_an_evaluation_once_planned_in_the_system()
    {
        var e = Interim();
        RecordedAt(e, Brussels(2019, 1, 2, 9, 0));
        RecordedAt(e.Stages.Single(s => s.Stage == EvaluationStage.Decided), Brussels(2019, 6, 3, 11, 0));
        Assert.Equal(EvaluationStage.Report, AsOf.StageOn(e, new DateOnly(2019, 6, 2)));
        Assert.Null(AsOf.OutcomeOn(e, new DateOnly(2019, 6, 2)));
        Assert.Equal(EvaluationOutcome.Extend, AsOf.OutcomeOn(e, new DateOnly(2019, 6, 3)));
        Assert.False(AsOf.PlannedBy(e, new DateOnly(2019, 1, 1)));
        Assert.True(AsOf.PlannedBy(e, new DateOnly(2019, 1, 2)));
    }

    [Fact]
    public void Recorded_by_the_end_of_the_day_means_before_midnight_in_Brussels()
    {
        var stage = Interim().Stages.Single(s => s.Stage == EvaluationStage.ExpertPanel);
        // 23:59 in Brussels on 20 March (22:59 UTC) is still that day; 00:00 on the 21st is not.
        RecordedAt(stage, Brussels(2019, 3, 20, 23, 59));
        Assert.True(AsOf.Known(stage.Reached, stage, new DateOnly(2019, 3, 20)));
        RecordedAt(stage, Brussels(2019, 3, 21, 0, 0));
        Assert.False(AsOf.Known(stage.Reached, stage, new DateOnly(2019, 3, 20)));
        Assert.True(AsOf.Known(stage.Reached, stage, new DateOnly(2019, 3, 21)));
        // Summer time: 30 June ends at 22:00 UTC.
        Assert.Equal(new DateTimeOffset(2020, 6, 30, 21, 59, 59, TimeSpan.Zero).AddTicks(9_999_999), AsOf.EndOfDay(new DateOnly(2020, 6, 30)));
        // A fact from before moments were kept counts as recorded on the day it is about.
        var old = Interim().Stages.Single(s => s.Stage == EvaluationStage.ExpertPanel);
        Assert.Null(old.RecordedAt);
        Assert.True(AsOf.Known(old.Reached, old, new DateOnly(2019, 3, 20)));
        Assert.False(AsOf.Known(old.Reached, old, new DateOnly(2019, 3, 19)));
    }

    [Fact]
    public void A_pact_version_adopted_with_an_earlier_day_is_in_force_from_when_it_was_recorded()
    {
        var pact = ClusterPact.Start(Guid.NewGuid(), 2020, "Jaarplan 2020");
        pact.AddCommitment(PartyKind.ClusterOrganisation, "Catalisti", "Roadmap", "Clustermanager", null);
        Assert.True(pact.Adopt(new DateOnly(2020, 3, 1)).IsSuccess);
        RecordedAt(pact.Versions[0], Brussels(2020, 9, 1, 14, 0));
        Assert.Null(AsOf.AdoptedVersionOn(pact, new DateOnly(2020, 6, 30)));
        Assert.Equal(1, AsOf.AdoptedVersionOn(pact, new DateOnly(2020, 9, 1))!.Number);
    }

    [Fact]
    public void The_pact_in_force_is_the_last_version_adopted_by_that_day_and_is_reviewed_the_next_year()
    {
        var pact = ClusterPact.Start(Guid.NewGuid(), 2020, "Jaarplan 2020");
        pact.AddCommitment(PartyKind.ClusterOrganisation, "Catalisti", "Roadmap", "Clustermanager", null);
        Assert.True(pact.Adopt(new DateOnly(2020, 3, 1)).IsSuccess);
        Assert.True(pact.Review(2021, "Jaarplan 2021").IsSuccess);
        Assert.Null(AsOf.AdoptedVersionOn(pact, new DateOnly(2020, 2, 29)));
        Assert.Equal(1, AsOf.AdoptedVersionOn(pact, new DateOnly(2021, 5, 1))!.Number);
        Assert.True(pact.Adopt(new DateOnly(2021, 3, 1)).IsSuccess);
        Assert.Equal(1, AsOf.AdoptedVersionOn(pact, new DateOnly(2021, 2, 28))!.Number);
        var v2 = AsOf.AdoptedVersionOn(pact, new DateOnly(2021, 3, 1))!;
        Assert.Equal(2, v2.Number);
        Assert.Equal(2022, AsOf.NextReviewYear(v2));
    }

    [Fact]
    public void A_report_counts_from_its_submission_and_is_accepted_from_the_agencys_step()
    {
        var r = AnnualReport.Start(Guid.NewGuid(), 2020);
        foreach (var kpi in KpiCatalogue.Reported) r.SetValue(kpi.Code, kpi.Unit == KpiUnit.Share ? 0.3m : 10m, null, "bijlage", null);
        r.SetNarrative("Uitgevoerd.");
        var submitted = new DateTimeOffset(2021, 3, 1, 10, 0, 0, TimeSpan.Zero);
        Assert.True(r.Submit(Actors.ClusterManager, "manager", submitted).IsSuccess);
        Assert.True(r.Accept(Actors.Agency, "officer", submitted.AddDays(10)).IsSuccess);
        Assert.False(AsOf.SubmittedBy(r, submitted.AddSeconds(-1)));
        Assert.True(AsOf.SubmittedBy(r, submitted));
        Assert.False(AsOf.AcceptedBy(r, submitted.AddDays(9)));
        Assert.True(AsOf.AcceptedBy(r, submitted.AddDays(10)));
    }

    [Fact]
    public void A_reports_status_at_an_instant_is_its_last_step_by_then()
    {
        var r = AnnualReport.Start(Guid.NewGuid(), 2025);
        foreach (var kpi in KpiCatalogue.Reported) r.SetValue(kpi.Code, kpi.Unit == KpiUnit.Share ? 0.3m : 10m, null, "bijlage", null);
        r.SetNarrative("Uitgevoerd.");
        var submitted = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
        Assert.True(r.Submit(Actors.ClusterManager, "manager", submitted).IsSuccess);
        Assert.True(r.Return(Actors.Agency, "officer", submitted.AddDays(5), "Onderbouwen").IsSuccess);
        Assert.True(r.Submit(Actors.ClusterManager, "manager", submitted.AddDays(8)).IsSuccess);
        Assert.Equal(ReportStatus.Draft, AsOf.StatusBy(r, submitted.AddSeconds(-1)));
        Assert.Equal(ReportStatus.Submitted, AsOf.StatusBy(r, submitted));
        Assert.Equal(ReportStatus.Returned, AsOf.StatusBy(r, submitted.AddDays(6)));
        Assert.Equal(ReportStatus.Submitted, AsOf.StatusBy(r, submitted.AddDays(9)));
        Assert.False(AsOf.AcceptedBy(r, submitted.AddDays(9)));
    }

    [Fact]
    public void An_extension_is_known_from_its_interim_evaluation_and_a_shortening_from_its_decision()
    {
        var first = new DateOnly(2017, 1, 1);
        var a = SupportAgreement.Create(Guid.NewGuid(), ClusterType.SpearheadCluster, first, new DateOnly(2019, 12, 31), "HF-1", first, FundingRuleSet.Default).Value!;
        Assert.True(a.Extend(new DateOnly(2022, 12, 31), Agreements.Interim.Positive(a, new DateOnly(2019, 5, 15)), "HF-2", first, FundingRuleSet.Default).IsSuccess);
        Assert.True(a.ShortenTo(new DateOnly(2022, 6, 30), new DateOnly(2022, 1, 10), "Stopzetting").IsSuccess);
        Assert.Equal(new DateOnly(2019, 12, 31), AsOf.AgreementEndOn(a, new DateOnly(2019, 5, 14)));
        Assert.Equal(new DateOnly(2022, 12, 31), AsOf.AgreementEndOn(a, new DateOnly(2019, 5, 15)));
        Assert.Equal(new DateOnly(2022, 12, 31), AsOf.AgreementEndOn(a, new DateOnly(2022, 1, 9)));
        Assert.Equal(new DateOnly(2022, 6, 30), AsOf.AgreementEndOn(a, new DateOnly(2022, 1, 10)));
    }

    [Fact]
    public void An_extension_or_a_shortening_entered_later_with_an_earlier_day_is_known_from_when_it_was_entered()
    {
        var first = new DateOnly(2017, 1, 1);
        var a = SupportAgreement.Create(Guid.NewGuid(), ClusterType.SpearheadCluster, first, new DateOnly(2019, 12, 31), "HF-1", first, FundingRuleSet.Default).Value!;
        RecordedAt(a.Terms[0], Brussels(2016, 11, 2, 10, 0));
        // The extension rests on the interim evaluation of 15 May 2019 but is entered on 1 August 2019.
        Assert.True(a.Extend(new DateOnly(2022, 12, 31), Agreements.Interim.Positive(a, new DateOnly(2019, 5, 15)), "HF-2", first, FundingRuleSet.Default).IsSuccess);
        RecordedAt(a.Terms[1], Brussels(2019, 8, 1, 10, 0));
        Assert.Equal(new DateOnly(2019, 12, 31), AsOf.AgreementEndOn(a, new DateOnly(2019, 7, 31)));
        Assert.Equal(new DateOnly(2022, 12, 31), AsOf.AgreementEndOn(a, new DateOnly(2019, 8, 1)));
        // A shortening decided on 10 January 2022, entered on 1 March 2022.
        Assert.True(a.ShortenTo(new DateOnly(2022, 6, 30), new DateOnly(2022, 1, 10), "Stopzetting").IsSuccess);
        RecordedAt(a.Amendments[0], Brussels(2022, 3, 1, 10, 0));
        Assert.Equal(new DateOnly(2022, 12, 31), AsOf.AgreementEndOn(a, new DateOnly(2022, 2, 28)));
        Assert.Equal(new DateOnly(2022, 6, 30), AsOf.AgreementEndOn(a, new DateOnly(2022, 3, 1)));
        // The agreement itself was known from when its first term was entered (within a year of its start).
        Assert.False(AsOf.AgreementKnownOn(a, new DateOnly(2016, 11, 1)));
        Assert.True(AsOf.AgreementKnownOn(a, new DateOnly(2016, 11, 2)));
    }

    [Theory]
    [InlineData(true, 100, 100, true)]
    [InlineData(true, 99, 100, false)]
    [InlineData(false, 0.2, 0.25, true)]
    [InlineData(false, 0.3, 0.25, false)]
    public void A_target_is_met_in_the_kpis_direction(bool higherIsBetter, double actual, double target, bool met)
    {
        var kpi = KpiCatalogue.All[0] with { HigherIsBetter = higherIsBetter };
        Assert.Equal(met, TargetCheck.Met(kpi, (decimal)actual, (decimal)target));
        Assert.Null(TargetCheck.Met(kpi, null, (decimal)target));
        Assert.Null(TargetCheck.Met(kpi, (decimal)actual, null));
    }
}
