namespace Clusterpact.Domain.Tests.Agreements;

public sealed class SupportAgreementTests
{
    private static readonly FundingRuleSet Rules = FundingRuleSet.Default;
    private static readonly Guid Cluster = Guid.CreateVersion7();
    private static readonly DateOnly FirstAid = new(2017, 1, 1);

    private static SupportAgreement Spc(DateOnly start, DateOnly end) =>
        SupportAgreement.Create(Cluster, ClusterType.SpearheadCluster, start, end, "HF-2017-001", FirstAid, Rules).Value!;

    [Fact]
    public void A_spearhead_term_is_at_most_three_years()
    {
        Assert.True(SupportAgreement.Create(Cluster, ClusterType.SpearheadCluster, FirstAid, new DateOnly(2019, 12, 31), "HF-1", FirstAid, Rules).IsSuccess);
        var tooLong = SupportAgreement.Create(Cluster, ClusterType.SpearheadCluster, FirstAid, new DateOnly(2020, 1, 1), "HF-1", FirstAid, Rules);
        Assert.Equal("Agreement.TermTooLong", tooLong.Error!.Code);
    }

    [Fact]
    public void Extension_after_a_positive_interim_evaluation_up_to_the_last_day_of_year_ten()
    {
        var a = Spc(FirstAid, new DateOnly(2019, 12, 31));
        Assert.True(a.Extend(new DateOnly(2022, 12, 31), Interim.Positive(a, new DateOnly(2019, 5, 15)), "HF-2019-7", FirstAid, Rules).IsSuccess);
        Assert.True(a.Extend(new DateOnly(2025, 12, 31), Interim.Positive(a, new DateOnly(2022, 6, 1)), "HF-2022-3", FirstAid, Rules).IsSuccess);
        // Year 10 ends on 31-12-2026: a one-year extension reaches exactly the last allowed day.
        Assert.Equal(new DateOnly(2026, 12, 31), SupportAgreement.LastAllowedDay(FirstAid, 10));
        Assert.True(a.Extend(new DateOnly(2026, 12, 31), Interim.Positive(a, new DateOnly(2025, 6, 1)), "HF-2025-9", FirstAid, Rules).IsSuccess);
        Assert.Equal(4, a.Terms.Count);
        Assert.Equal([AgreementTermKind.Initial, AgreementTermKind.Extension, AgreementTermKind.Extension, AgreementTermKind.Extension], a.Terms.Select(t => t.Kind));
        Assert.Equal(new DateOnly(2026, 1, 1), a.Terms[^1].Start);
    }

    [Fact]
    public void An_extension_that_would_cross_the_ten_year_limit_is_refused_citing_gber_27()
    {
        var a = Spc(FirstAid, new DateOnly(2019, 12, 31));
        a.Extend(new DateOnly(2022, 12, 31), Interim.Positive(a, new DateOnly(2019, 5, 15)), "HF-2", FirstAid, Rules);
        a.Extend(new DateOnly(2025, 12, 31), Interim.Positive(a, new DateOnly(2022, 5, 15)), "HF-3", FirstAid, Rules);
        var oneDayTooMany = a.Extend(new DateOnly(2027, 1, 1), Interim.Positive(a, new DateOnly(2025, 5, 15)), "HF-4", FirstAid, Rules);
        Assert.False(oneDayTooMany.IsSuccess);
        Assert.Equal(("Agreement.ExceedsTenYearLimit", "GBER art. 27"), (oneDayTooMany.Error!.Code, oneDayTooMany.Error.Rule));
        Assert.Equal(3, a.Terms.Count); // refused: history unchanged
    }

    [Fact]
    public void The_limit_counts_from_the_first_aid_under_any_earlier_agreement()
    {
        // A second agreement from 2023 for a cluster supported since 2017 still ends by 31-12-2026.
        var refused = SupportAgreement.Create(Cluster, ClusterType.SpearheadCluster, new DateOnly(2025, 1, 1), new DateOnly(2027, 12, 31), "HF-9", FirstAid, Rules);
        Assert.Equal("Agreement.ExceedsTenYearLimit", refused.Error!.Code);
        Assert.True(SupportAgreement.Create(Cluster, ClusterType.SpearheadCluster, new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31), "HF-9", FirstAid, Rules).IsSuccess);
    }

    [Fact]
    public void No_extension_without_a_decided_positive_interim_evaluation_of_the_cluster_held_during_the_agreement()
    {
        var a = Spc(FirstAid, new DateOnly(2019, 12, 31));
        var may2019 = new DateOnly(2019, 5, 15);
        ExtensionEvaluation Held(Guid? cluster, EvaluationKind kind, DateOnly? decided, EvaluationOutcome? outcome) => new(Guid.NewGuid(), cluster, kind, decided, outcome);
        string Refusal(ExtensionEvaluation e) => a.Extend(new DateOnly(2022, 12, 31), e, "HF-2", FirstAid, Rules).Error!.Code;

        Assert.Equal("Agreement.EvaluationAgainstExtension", Refusal(Held(Cluster, EvaluationKind.Interim, may2019, EvaluationOutcome.Stop)));
        Assert.Equal("Agreement.EvaluationNotDecided", Refusal(Held(Cluster, EvaluationKind.Interim, null, null)));
        Assert.Equal("Agreement.EvaluationOtherCluster", Refusal(Held(Guid.CreateVersion7(), EvaluationKind.Interim, may2019, EvaluationOutcome.Extend)));
        Assert.Equal("Agreement.EvaluationOtherCluster", Refusal(Held(null, EvaluationKind.Interim, may2019, EvaluationOutcome.Extend)));
        Assert.Equal("Agreement.EvaluationNotInterim", Refusal(Held(Cluster, EvaluationKind.MidTermReview, may2019, null)));
        Assert.Equal("Agreement.EvaluationOutsideAgreement", Refusal(Held(Cluster, EvaluationKind.Interim, new DateOnly(2016, 12, 31), EvaluationOutcome.Extend)));
        Assert.Equal("Agreement.EvaluationOutsideAgreement", Refusal(Held(Cluster, EvaluationKind.Interim, new DateOnly(2020, 1, 1), EvaluationOutcome.Extend)));
        Assert.Equal("Agreement.DecisionRequired", a.Extend(new DateOnly(2022, 12, 31), Interim.Positive(a, may2019), " ", FirstAid, Rules).Error!.Code);
        Assert.Single(a.Terms);

        // The first and last days of the agreement count as during it; with conditions is positive too.
        Assert.True(a.CheckEvaluation(Held(Cluster, EvaluationKind.Interim, FirstAid, EvaluationOutcome.Extend)).IsSuccess);
        Assert.True(a.Extend(new DateOnly(2022, 12, 31), Held(Cluster, EvaluationKind.Interim, new DateOnly(2019, 12, 31), EvaluationOutcome.ExtendWithConditions), "HF-2", FirstAid, Rules).IsSuccess);
        Assert.Equal(new DateOnly(2019, 12, 31), a.Terms[^1].InterimEvaluationDate);
    }

    [Fact]
    public void The_facts_of_a_stored_evaluation_are_decided_only_once_it_reached_its_decided_stage()
    {
        var e = Evaluation.Plan("Tussentijdse evaluatie", EvaluationKind.Interim, EvaluationScope.Individual, Cluster, new Dictionary<EvaluationStage, DateOnly>()).Value!;
        for (var day = 1; day <= 3; day++) Assert.True(e.Take(EvaluationLifecycle.StepsBeforeDecision[day - 1], Actors.Agency, new DateOnly(2019, 2, day)).IsSuccess);
        Assert.Null(ExtensionEvaluation.Of(e).DecidedOn);
        Assert.True(e.Decide(Actors.Agency, new DateOnly(2019, 5, 28), EvaluationOutcome.Stop).IsSuccess);
        Assert.Equal(new ExtensionEvaluation(e.Id, Cluster, EvaluationKind.Interim, new DateOnly(2019, 5, 28), EvaluationOutcome.Stop), ExtensionEvaluation.Of(e));
    }

    [Fact]
    public void Agreements_of_a_cluster_may_not_overlap_and_aid_counts_from_the_first_day_under_any()
    {
        var earlier = Spc(FirstAid, new DateOnly(2019, 12, 31));
        var later = SupportAgreement.Create(Cluster, ClusterType.SpearheadCluster, new DateOnly(2021, 1, 1), new DateOnly(2023, 12, 31), "HF-3", FirstAid, Rules).Value!;
        Assert.True(SupportAgreement.Overlaps([earlier, later], new DateOnly(2019, 12, 31), new DateOnly(2020, 6, 30), except: null));
        Assert.True(SupportAgreement.Overlaps([earlier, later], new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1), except: null));
        Assert.False(SupportAgreement.Overlaps([earlier, later], new DateOnly(2020, 1, 1), new DateOnly(2020, 12, 31), except: null));
        Assert.False(SupportAgreement.Overlaps([earlier, later], new DateOnly(2017, 6, 1), new DateOnly(2019, 6, 1), except: earlier.Id));
        Assert.Equal(FirstAid, SupportAgreement.FirstAidDay([later, earlier]));
        Assert.Null(SupportAgreement.FirstAidDay([]));
    }

    [Fact]
    public void A_network_has_at_most_three_years_and_no_extension()
    {
        var start = new DateOnly(2016, 10, 1);
        var ok = SupportAgreement.Create(Cluster, ClusterType.InnovativeBusinessNetwork, start, new DateOnly(2019, 9, 30), "IBN-1", start, Rules);
        Assert.True(ok.IsSuccess);
        Assert.Equal("Agreement.NetworkNoExtension", ok.Value!.Extend(new DateOnly(2020, 9, 30), Interim.Positive(ok.Value!, new DateOnly(2019, 3, 1)), "IBN-2", start, Rules).Error!.Code);
        Assert.Equal("Agreement.TermTooLong", SupportAgreement.Create(Cluster, ClusterType.InnovativeBusinessNetwork, start, new DateOnly(2019, 10, 1), "IBN-1", start, Rules).Error!.Code);
    }

    [Theory]
    [InlineData("2026-11-22", 0, 40)]   // 22 Nov to 31 Dec 2026 inclusive = 40 days
    [InlineData("2026-12-31", 0, 1)]
    [InlineData("2027-01-01", 0, 0)]
    [InlineData("2017-01-01", 10, 0)]
    [InlineData("2024-01-01", 3, 0)]
    public void Years_and_days_left(string on, int years, int days) =>
        Assert.Equal((years, days), SupportAgreement.TimeLeft(DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), new DateOnly(2026, 12, 31)));

    [Fact]
    public void Catalisti_Flux50_and_VIL_are_flagged_well_before_their_limit()
    {
        var last = SupportAgreement.LastAllowedDay(FirstAid, 10);
        Assert.True(SupportAgreement.ReachesLimitWithin(new DateOnly(2026, 1, 1), last, 12));
        Assert.False(SupportAgreement.ReachesLimitWithin(new DateOnly(2025, 12, 30), last, 12));
        Assert.False(SupportAgreement.ReachesLimitWithin(new DateOnly(2027, 1, 1), last, 12));
    }

    [Fact]
    public void The_aid_window_counts_from_the_first_day_under_any_agreement()
    {
        var later = SupportAgreement.Create(Cluster, ClusterType.SpearheadCluster, new DateOnly(2020, 1, 1), new DateOnly(2022, 12, 31), "HF-3", FirstAid, Rules).Value!;
        var earlier = Spc(FirstAid, new DateOnly(2019, 12, 31));
        Assert.Equal((FirstAid, new DateOnly(2026, 12, 31)), SupportAgreement.AidWindow([later, earlier], ClusterType.SpearheadCluster, Rules));
        // A network's rule allows 3 years from its first day.
        var network = SupportAgreement.Create(Cluster, ClusterType.InnovativeBusinessNetwork, new DateOnly(2021, 3, 1), new DateOnly(2024, 2, 29), "HF-4", new DateOnly(2021, 3, 1), Rules).Value!;
        Assert.Equal(new DateOnly(2024, 2, 29), SupportAgreement.AidWindow([network], ClusterType.InnovativeBusinessNetwork, Rules)!.Value.LastAllowedDay);
        Assert.Null(SupportAgreement.AidWindow([], ClusterType.SpearheadCluster, Rules));
    }

}

public sealed class AgreementAmendmentTests
{
    private static readonly FundingRuleSet Rules = FundingRuleSet.Default;
    private static readonly DateOnly Start = new(2017, 1, 1);

    [Fact]
    public void An_agreement_can_be_ended_early_and_keeps_its_history()
    {
        var a = SupportAgreement.Create(Guid.CreateVersion7(), ClusterType.SpearheadCluster, Start, new DateOnly(2019, 12, 31), "HF-1", Start, Rules).Value!;
        Assert.Equal("Agreement.ReasonRequired", a.ShortenTo(new DateOnly(2019, 6, 30), new DateOnly(2019, 5, 1), " ").Error!.Code);
        Assert.Equal("Agreement.AmendmentMustShorten", a.ShortenTo(new DateOnly(2019, 12, 31), new DateOnly(2019, 5, 1), "x").Error!.Code);
        Assert.Equal("Agreement.EndBeforeStart", a.ShortenTo(new DateOnly(2016, 12, 31), new DateOnly(2016, 5, 1), "x").Error!.Code);
        Assert.True(a.ShortenTo(new DateOnly(2019, 6, 30), new DateOnly(2019, 5, 1), "Stopzetting na evaluatie").IsSuccess);
        Assert.Equal(new DateOnly(2019, 6, 30), a.End);
        var amendment = Assert.Single(a.Amendments);
        Assert.Equal((new DateOnly(2019, 12, 31), new DateOnly(2019, 6, 30)), (amendment.PreviousEnd, amendment.NewEnd));
        Assert.Equal(new DateOnly(2019, 12, 31), a.Terms[0].End); // the decided term stays as it was
        // An extension after an early end starts the day after the new end.
        Assert.True(a.Extend(new DateOnly(2022, 6, 30), Interim.Positive(a, new DateOnly(2019, 5, 15)), "HF-2", Start, Rules).IsSuccess);
        Assert.Equal(new DateOnly(2019, 7, 1), a.Terms[^1].Start);
        Assert.Equal(new DateOnly(2022, 6, 30), a.End);
        Assert.True(a.ShortenTo(new DateOnly(2021, 12, 31), new DateOnly(2021, 6, 1), "Fusie").IsSuccess);
        Assert.Equal(new DateOnly(2021, 12, 31), a.End);
        Assert.Equal(2, a.Amendments.Count);
    }
}
