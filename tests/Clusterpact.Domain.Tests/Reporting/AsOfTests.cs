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
