using System.Reflection;

namespace Clusterpact.Domain.Tests.Agreements;

/// <summary>
/// A database returns the rows of an owned collection in no stated order: EF Core leaves the last collection of a query
/// unordered, and PostgreSQL then gave an agreement's terms shuffled, so the agreements overview showed the end of an
/// earlier term (CI, 5 December 2026). The aggregate's answers must not depend on the order its lists were loaded in.
/// </summary>
public sealed class LoadOrderTests
{
    private static readonly FundingRuleSet Rules = FundingRuleSet.Default;
    private static readonly DateOnly FirstAid = new(2017, 1, 1);

    /// <summary>Puts a private list of the aggregate in reverse, as a database may hand it to the object.</summary>
    private static void Reverse<T>(object owner, string field) =>
        ((List<T>)owner.GetType().GetField(field, BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(owner)!).Reverse();

    [Fact]
    public void Start_end_and_the_terms_follow_the_dates_not_the_load_order()
    {
        var a = SupportAgreement.Create(Guid.CreateVersion7(), ClusterType.SpearheadCluster, FirstAid, new DateOnly(2019, 12, 31), "HF-1", FirstAid, Rules).Value!;
        Assert.True(a.Extend(new DateOnly(2022, 12, 31), Interim.Positive(a, new DateOnly(2019, 5, 15)), "HF-2", FirstAid, Rules).IsSuccess);
        Assert.True(a.Extend(new DateOnly(2025, 12, 31), Interim.Positive(a, new DateOnly(2022, 6, 1)), "HF-3", FirstAid, Rules).IsSuccess);
        Assert.True(a.ShortenTo(new DateOnly(2025, 6, 30), new DateOnly(2024, 1, 10), "Fusie").IsSuccess);
        Assert.True(a.ShortenTo(new DateOnly(2024, 12, 31), new DateOnly(2024, 3, 1), "Stopzetting").IsSuccess);

        Reverse<AgreementTerm>(a, "_terms");
        Reverse<AgreementAmendment>(a, "_amendments");

        Assert.Equal(FirstAid, a.Start);
        Assert.Equal(new DateOnly(2024, 12, 31), a.End);
        Assert.Equal(["HF-1", "HF-2", "HF-3"], a.Terms.Select(t => t.DecisionReference));
        Assert.Equal([new DateOnly(2025, 6, 30), new DateOnly(2024, 12, 31)], a.Amendments.Select(m => m.NewEnd));
    }

    [Fact]
    public void An_application_history_follows_the_time_of_its_steps_not_the_load_order()
    {
        var call = Calls.CallFixtures.PublishedCall();
        var app = Calls.CallFixtures.CompleteDraft(call);
        var at = Calls.CallFixtures.WhileOpen;
        Assert.True(app.Submit(call, Actors.Applicant, Guid.CreateVersion7(), at).IsSuccess);
        Assert.True(app.MarkEligible(Actors.Agency, Guid.CreateVersion7(), at.AddDays(1), "in orde").IsSuccess);
        Reverse<ApplicationTransition>(app, "_history");
        Assert.Equal([ApplicationStatus.Submitted, ApplicationStatus.Eligible], app.History.Select(h => h.To));
    }

    [Fact]
    public void An_applications_year_plans_follow_the_year_so_the_first_is_where_an_agreement_starts()
    {
        var app = Calls.CallFixtures.CompleteDraft(Calls.CallFixtures.PublishedCall());
        Reverse<YearPlan>(app, "_yearPlans");
        Assert.Equal([2026, 2027], app.YearPlans.Select(y => y.Year));
    }

    [Fact]
    public void A_kpi_targets_changes_follow_the_time_they_were_made()
    {
        var at = new DateTimeOffset(2024, 3, 1, 9, 0, 0, TimeSpan.Zero);
        var t = KpiTarget.Set(Guid.CreateVersion7(), KpiCatalogue.Members, 2025, null, 80, "officer", at).Value!;
        Assert.True(t.Change(90, "Groei", "officer", at.AddDays(1)).IsSuccess);
        Assert.True(t.Change(85, "Bijgesteld", "officer", at.AddDays(2)).IsSuccess);
        var written = t.Changes.Select(c => c.Reason).ToList();
        Reverse<TargetChange>(t, "_changes");
        Assert.Equal(written, t.Changes.Select(c => c.Reason));
        Assert.Equal("Bijgesteld", t.Changes[^1].Reason);
    }

    [Fact]
    public void An_evaluations_stages_and_evidence_follow_the_stage_order_and_the_day_added()
    {
        var e = Evaluation.Plan("Tussentijdse evaluatie", EvaluationKind.Interim, EvaluationScope.Individual, Guid.CreateVersion7(), new Dictionary<EvaluationStage, DateOnly>()).Value!;
        Assert.True(e.AddEvidence(EvidenceKind.Document, "Eerste", null, new DateOnly(2024, 1, 10)).IsSuccess);
        Assert.True(e.AddEvidence(EvidenceKind.Document, "Tweede", null, new DateOnly(2024, 2, 10)).IsSuccess);
        Reverse<StageDate>(e, "_stages");
        Reverse<EvaluationEvidence>(e, "_evidence");
        Assert.Equal(Enum.GetValues<EvaluationStage>(), e.Stages.Select(s => s.Stage));
        Assert.Equal(["Eerste", "Tweede"], e.Evidence.Select(x => x.Title));
    }

    [Fact]
    public void An_organisations_figures_and_a_working_years_payments_follow_year_and_day()
    {
        var o = Organisation.Foreign("Acme GmbH", OrganisationKind.Company, "DE", "HRB 1", false);
        Assert.True(o.RecordFigures(2022, 10, 1_000_000m, 500_000m).IsSuccess);
        Assert.True(o.RecordFigures(2023, 12, 1_200_000m, 600_000m).IsSuccess);
        Reverse<OrganisationFigures>(o, "_figures");
        Assert.Equal([2022, 2023], o.Figures.Select(f => f.Year));

        var agreement = SupportAgreement.Create(Guid.CreateVersion7(), ClusterType.SpearheadCluster, new DateOnly(2024, 1, 15), new DateOnly(2027, 1, 14), "HF-1", new DateOnly(2024, 1, 15), Rules).Value!;
        var year = AgreementYear.Plan(agreement, [], new DateOnly(2024, 1, 15), 500_000m, 500_000m, 1_000_000m, 0, 0, 0, Rules).Value!;
        Assert.True(year.RecordCofinancing(new DateOnly(2024, 2, 1), 100_000m, "OGM 1").IsSuccess);
        Assert.True(year.RecordCofinancing(new DateOnly(2024, 3, 1), 200_000m, "OGM 2").IsSuccess);
        Reverse<CofinancingPaymentRecord>(year, "_payments");
        Assert.Equal(["OGM 1", "OGM 2"], year.CofinancingPayments.Select(p => p.Reference));
    }
}
