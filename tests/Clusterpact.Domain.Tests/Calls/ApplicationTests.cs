using static Clusterpact.Domain.Tests.Calls.CallFixtures;

namespace Clusterpact.Domain.Tests.Calls;

public sealed class ApplicationTests
{
    // ---- the deadline, to the second, in Brussels time ----

    [Fact]
    public void Submitted_at_the_exact_closing_second_on_the_day_clocks_go_forward_is_on_time()
    {
        // The call closes 30 March 2025 17:00 Brussels, the day summer time starts: 17:00 CEST = 15:00:00 UTC.
        var call = PublishedCall();
        var app = CompleteDraft(call);
        Ok(app.Submit(call, Actors.Applicant, ApplicantUser, new DateTimeOffset(2025, 3, 30, 15, 0, 0, TimeSpan.Zero)));
        Assert.Equal(ApplicationStatus.Submitted, app.Status);
        Assert.Equal(ClosesUtc, app.SubmittedAt);
    }

    [Fact]
    public void One_second_after_the_closing_is_late()
    {
        var call = PublishedCall();
        var app = CompleteDraft(call);
        var late = app.Submit(call, Actors.Applicant, ApplicantUser, new DateTimeOffset(2025, 3, 30, 15, 0, 1, TimeSpan.Zero));
        Assert.Equal("Application.Late", late.Error!.Code);
        Assert.Equal(ApplicationStatus.Draft, app.Status);
        Assert.Empty(app.History);
    }

    [Fact]
    public void On_the_daylight_saving_day_the_deadline_is_not_an_hour_later_in_winter_time()
    {
        // 15:30 UTC is 17:30 in Brussels that afternoon. Had the closing been converted with the winter offset (+1),
        // the deadline would be 16:00 UTC and this submission would slip through.
        var call = PublishedCall();
        var app = CompleteDraft(call);
        Assert.Equal("Application.Late", app.Submit(call, Actors.Applicant, ApplicantUser, new DateTimeOffset(2025, 3, 30, 17, 30, 0, TimeSpan.FromHours(2))).Error!.Code);
    }

    [Fact]
    public void On_the_day_clocks_go_back_the_deadline_is_the_winter_time_instant()
    {
        // Closes 26 October 2025 17:00 Brussels = 16:00 UTC (CET). Summer offset would wrongly close it at 15:00 UTC.
        var call = PublishedCall(opens: new DateTime(2025, 10, 1, 9, 0, 0), closes: new DateTime(2025, 10, 26, 17, 0, 0));
        var onTime = Application.Start(call, 1, "A", Applicant, new DateTimeOffset(2025, 10, 2, 0, 0, 0, TimeSpan.Zero)).Value!;
        var late = Application.Start(call, 2, "B", Applicant, new DateTimeOffset(2025, 10, 2, 0, 0, 0, TimeSpan.Zero)).Value!;
        foreach (var app in new[] { onTime, late })
        {
            Ok(app.UpdateProposal("d", "v", "a", "c"));
            Ok(app.SetCommittedMembers([ConsortiumMember.Create("M", MemberA, SizeClass.Micro).Value!]));
            Ok(app.SetYearPlans([new YearPlan(2026, 100m, 50m)]));
            Assert.True(app.AddAttachment(call, "plan.pdf", "application/pdf", 10, "BUSINESSPLAN").IsSuccess);
        }
        Ok(onTime.Submit(call, Actors.Applicant, ApplicantUser, new DateTimeOffset(2025, 10, 26, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal("Application.Late", late.Submit(call, Actors.Applicant, ApplicantUser, new DateTimeOffset(2025, 10, 26, 16, 0, 1, TimeSpan.Zero)).Error!.Code);
    }

    [Fact]
    public void Not_before_the_opening_second()
    {
        var call = PublishedCall();
        var app = CompleteDraft(call);
        Assert.Equal("Application.CallNotYetOpen", app.Submit(call, Actors.Applicant, ApplicantUser, OpensUtc.AddSeconds(-1)).Error!.Code);
        Ok(app.Submit(call, Actors.Applicant, ApplicantUser, OpensUtc));
    }

    [Fact]
    public void After_the_call_is_closed_a_submission_is_late_and_no_draft_can_start()
    {
        var call = PublishedCall();
        var app = CompleteDraft(call);
        Ok(call.Close(AfterClose));
        Assert.Equal("Application.Late", app.Submit(call, Actors.Applicant, ApplicantUser, WhileOpen).Error!.Code); // closed by the agency: late whatever the clock says
        Assert.Equal("Application.Late", Application.Start(PublishedCall(), 2, "X", Applicant, ClosesUtc.AddSeconds(1)).Error!.Code);
        Assert.Equal("Application.CallNotPublished", Application.Start(DraftCall(), 2, "X", Applicant, WhileOpen).Error!.Code);
    }

    // ---- what a submission must contain ----

    [Fact]
    public void Every_required_document_must_be_attached()
    {
        var call = PublishedCall();
        var app = CompleteDraft(call);
        Ok(app.RemoveAttachment(app.Attachments.Single().Id));
        Assert.Equal(["BUSINESSPLAN"], app.MissingDocuments(call).Select(d => d.Code));
        // An attachment without a document code does not stand in for the business plan.
        Assert.True(app.AddAttachment(call, "annex.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", 5_000).IsSuccess);
        Assert.Equal("Application.RequiredDocumentMissing", app.Submit(call, Actors.Applicant, ApplicantUser, WhileOpen).Error!.Code);
        Assert.True(app.AddAttachment(call, "plan.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 5_000, "businessplan").IsSuccess);
        Assert.Empty(app.MissingDocuments(call));
        Assert.Equal("BUSINESSPLAN", app.Attachments[^1].DocumentCode);
        Ok(app.Submit(call, Actors.Applicant, ApplicantUser, WhileOpen));
    }

    [Fact]
    public void An_attachment_can_only_claim_a_document_the_call_asks_for()
    {
        var call = PublishedCall();
        var app = CompleteDraft(call);
        Assert.Equal("Attachment.UnknownDocument", app.AddAttachment(call, "x.pdf", "application/pdf", 10, "CV").Error!.Code);
        Assert.Equal("Attachment.NotFound", app.RemoveAttachment(Guid.CreateVersion7()).Error!.Code);
    }

    [Fact]
    public void A_submission_needs_the_proposal_members_and_a_year_plan()
    {
        var call = PublishedCall();
        var a = CompleteDraft(call);
        Ok(a.UpdateProposal("d", " ", "a", "c"));
        Assert.Equal("Application.ProposalIncomplete", a.Submit(call, Actors.Applicant, ApplicantUser, WhileOpen).Error!.Code);

        var b = CompleteDraft(call, 2);
        Ok(b.SetCommittedMembers([]));
        Assert.Equal("Application.NoCommittedMembers", b.Submit(call, Actors.Applicant, ApplicantUser, WhileOpen).Error!.Code);

        var c = CompleteDraft(call, 3);
        Ok(c.SetYearPlans([]));
        Assert.Equal("Application.NoYearPlan", c.Submit(call, Actors.Applicant, ApplicantUser, WhileOpen).Error!.Code);
    }

    [Fact]
    public void Starting_checks_the_applicant()
    {
        var call = PublishedCall();
        Assert.Equal("Application.ApplicantNameRequired", Application.Start(call, 1, " ", Applicant, WhileOpen).Error!.Code);
        Assert.Equal("EnterpriseNumber.CheckDigits", Application.Start(call, 1, "X", "0403.170.702", WhileOpen).Error!.Code);
        Assert.Equal("Application.NumberInvalid", Application.Start(call, 0, "X", Applicant, WhileOpen).Error!.Code);
        var app = Application.Start(call, 7, " Flanders Photonics ", "BE 0403.170.701", WhileOpen).Value!;
        Assert.Equal(("Flanders Photonics", "0403170701", "A-007", call.Id), (app.ApplicantName, app.ApplicantEnterpriseNumber, app.Reference, app.CallId));
    }

    [Fact]
    public void Committed_members_are_counted_once_whatever_way_their_number_is_written()
    {
        var app = CompleteDraft(PublishedCall());
        var refused = app.SetCommittedMembers(
        [
            ConsortiumMember.Create("Member A", "0200.000.043", SizeClass.Small).Value!,
            ConsortiumMember.Create("Member A nv", "BE0200000043", SizeClass.Small).Value!,
        ]);
        Assert.Equal("Application.MemberDuplicate", refused.Error!.Code);
        Assert.Equal(2, app.CommittedMembers.Count); // unchanged
        Assert.Equal("EnterpriseNumber.CheckDigits", ConsortiumMember.Create("Bad", "0200000044", SizeClass.Small).Error!.Code);
        Assert.Equal("Application.MemberNameRequired", ConsortiumMember.Create("", MemberA, SizeClass.Small).Error!.Code);
    }

    [Fact]
    public void The_requested_aid_is_the_budget_minus_the_cofinancing_over_all_years()
    {
        var app = CompleteDraft(PublishedCall());
        Ok(app.SetYearPlans([new YearPlan(2027, 200_000m, 120_000m), new YearPlan(2026, 300_000m, 150_000m)]));
        // (300,000 - 150,000) + (200,000 - 120,000) = 230,000
        Assert.Equal(230_000m, app.RequestedAidEur);
        Assert.Equal((500_000m, 270_000m), (app.TotalBudgetEur, app.TotalCofinancingEur));
        Assert.Equal([2026, 2027], app.YearPlans.Select(y => y.Year));
        Assert.Equal("Application.YearDuplicate", app.SetYearPlans([new YearPlan(2026, 1m, 0m), new YearPlan(2026, 2m, 0m)]).Error!.Code);
        Assert.Equal("Application.CofinancingAboveBudget", app.SetYearPlans([new YearPlan(2026, 100m, 100.01m)]).Error!.Code);
        Assert.Equal("Application.CofinancingNegative", app.SetYearPlans([new YearPlan(2026, 100m, -1m)]).Error!.Code);
        Assert.Equal("Application.BudgetNotPositive", app.SetYearPlans([new YearPlan(2026, 0m, 0m)]).Error!.Code);
        Assert.Equal(230_000m, app.RequestedAidEur);
    }

    [Fact]
    public void After_submission_the_application_is_no_longer_editable()
    {
        var (call, app) = InStatus(ApplicationStatus.Submitted);
        Assert.Equal("Application.NotEditable", app.UpdateProposal("x", "x", "x", "x").Error!.Code);
        Assert.Equal("Application.NotEditable", app.SetCommittedMembers([]).Error!.Code);
        Assert.Equal("Application.NotEditable", app.SetYearPlans([]).Error!.Code);
        Assert.Equal("Application.NotEditable", app.AddAttachment(call, "x.pdf", "application/pdf", 1).Error!.Code);
        Assert.Equal("Application.NotEditable", app.RemoveAttachment(app.Attachments[0].Id).Error!.Code);
    }

    // ---- the lifecycle: every (status, step, actor) against the expected table ----

    /// <summary>
    /// The expected table, written out here rather than read from ApplicationLifecycle, so a wrong table fails:
    /// from which status a step may be taken, to which status it leads, and who takes it.
    /// </summary>
    private static readonly Dictionary<(ApplicationStatus From, string Step), ExpectedStep<ApplicationStatus>> Expected = new()
    {
        [(ApplicationStatus.Draft, ApplicationLifecycle.Submit)] = new(ApplicationStatus.Submitted, Actor.Applicant),
        [(ApplicationStatus.Submitted, ApplicationLifecycle.Withdraw)] = new(ApplicationStatus.Withdrawn, Actor.Applicant),
        [(ApplicationStatus.Eligible, ApplicationLifecycle.Withdraw)] = new(ApplicationStatus.Withdrawn, Actor.Applicant),
        [(ApplicationStatus.UnderReview, ApplicationLifecycle.Withdraw)] = new(ApplicationStatus.Withdrawn, Actor.Applicant),
        [(ApplicationStatus.Submitted, ApplicationLifecycle.MarkEligible)] = new(ApplicationStatus.Eligible, Actor.Agency),
        [(ApplicationStatus.Submitted, ApplicationLifecycle.MarkIneligible)] = new(ApplicationStatus.Ineligible, Actor.Agency),
        [(ApplicationStatus.Eligible, ApplicationLifecycle.StartReview)] = new(ApplicationStatus.UnderReview, Actor.Agency),
        [(ApplicationStatus.UnderReview, ApplicationLifecycle.Decide)] = new(ApplicationStatus.Decided, Actor.Agency),
    };

    public static TheoryData<ApplicationStatus, string, Actor> EveryStatusStepAndActor() => LifecycleMatrix.EveryStateStepAndActor<ApplicationStatus>(
        [ApplicationLifecycle.Submit, ApplicationLifecycle.Withdraw, ApplicationLifecycle.MarkEligible, ApplicationLifecycle.MarkIneligible, ApplicationLifecycle.StartReview, ApplicationLifecycle.Decide]);

    [Theory]
    [MemberData(nameof(EveryStatusStepAndActor))]
    public void Each_step_is_taken_only_from_the_statuses_and_by_the_actors_the_lifecycle_names(ApplicationStatus from, string step, Actor actor)
    {
        var (call, app) = InStatus(from);
        var historyBefore = app.History.Count;
        if (step == ApplicationLifecycle.Decide && call.Status == CallStatus.Published) Ok(call.Close(AfterClose));
        var who = new HashSet<Actor> { actor };
        var result = step == ApplicationLifecycle.Decide
            ? app.Decide(call, who, ApplicationOutcome.Granted, null, null, Officer, AfterClose)
            : app.Take(call, step, who, step == ApplicationLifecycle.MarkIneligible ? "Cofinancing below 50%" : null, Officer, WhileOpen);
        LifecycleMatrix.Verify("Application", Expected, from, step, actor, result, app.Status);
        Assert.Equal(historyBefore + (result.IsSuccess ? 1 : 0), app.History.Count);
        if (result.IsSuccess) Assert.Equal((from, app.Status), (app.History[^1].From, app.History[^1].To));
    }

    [Fact]
    public void The_lifecycle_table_has_exactly_the_expected_steps_and_only_ineligibility_needs_a_reason()
    {
        LifecycleMatrix.SameTable(ApplicationLifecycle.Rules, "Application", Expected, ApplicationLifecycle.MarkIneligible);
        Assert.Equal([ApplicationLifecycle.MarkEligible, ApplicationLifecycle.MarkIneligible],
            ApplicationLifecycle.Rules.Available(ApplicationStatus.Submitted, Actors.Agency).Select(s => s.Name));
        Assert.Equal([ApplicationLifecycle.Withdraw], ApplicationLifecycle.Rules.Available(ApplicationStatus.Submitted, Actors.Applicant).Select(s => s.Name));
    }

    [Fact]
    public void An_unknown_step_is_refused_and_the_decision_needs_its_own_form()
    {
        var (call, app) = InStatus(ApplicationStatus.UnderReview);
        Assert.Equal(Lifecycle<ApplicationStatus>.UnknownStep, app.Take(call, "Approve", Actors.Agency, null, Officer, WhileOpen).Error!.Code);
        Assert.Equal("Application.DecisionNeedsItsForm", app.Take(call, ApplicationLifecycle.Decide, Actors.Agency, null, Officer, WhileOpen).Error!.Code);
        Assert.Equal(ApplicationStatus.UnderReview, app.Status);
    }

    [Fact]
    public void The_history_keeps_who_when_from_to_and_the_note_of_every_step()
    {
        var call = PublishedCall();
        var app = CompleteDraft(call);
        var t1 = WhileOpen; var t2 = t1.AddDays(1); var t3 = AfterClose; var t4 = AfterClose.AddDays(30); var t5 = t4.AddDays(30);
        Ok(app.Submit(call, Actors.Applicant, ApplicantUser, t1));
        Ok(app.MarkEligible(Actors.Agency, Officer, t2, "  all documents in order "));
        Ok(app.StartReview(Actors.Agency, Officer, t3));
        Ok(call.Close(t3));
        Ok(app.Decide(call, Actors.Agency, ApplicationOutcome.GrantedWithConditions, "Quarterly SME figures", null, Officer, t5));
        Assert.Equal(
        [
            new ApplicationTransition(t1, ApplicantUser, ApplicationStatus.Draft, ApplicationStatus.Submitted, null),
            new ApplicationTransition(t2, Officer, ApplicationStatus.Submitted, ApplicationStatus.Eligible, "all documents in order"),
            new ApplicationTransition(t3, Officer, ApplicationStatus.Eligible, ApplicationStatus.UnderReview, null),
            new ApplicationTransition(t5, Officer, ApplicationStatus.UnderReview, ApplicationStatus.Decided, "GrantedWithConditions | Quarterly SME figures"),
        ], app.History);
        Assert.Equal((ApplicationOutcome.GrantedWithConditions, "Quarterly SME figures"), (app.Outcome, app.Conditions));
    }

    [Fact]
    public void Ineligible_needs_at_least_one_written_reason()
    {
        var (_, app) = InStatus(ApplicationStatus.Submitted);
        var refused = app.MarkIneligible(Actors.Agency, [" ", null, ""], Officer, WhileOpen);
        Assert.Equal("Application.ReasonsRequired", refused.Error!.Code);
        Assert.NotNull(refused.Error.Rule);
        Assert.Equal(ApplicationStatus.Submitted, app.Status);
        Ok(app.MarkIneligible(Actors.Agency, ["Cofinancing below 50%", " No SME among the members "], Officer, WhileOpen));
        Assert.Equal(["Cofinancing below 50%", "No SME among the members"], app.IneligibilityReasons);
        Assert.Equal("Cofinancing below 50%; No SME among the members", app.History[^1].Note);
    }

    [Fact]
    public void Decisions_wait_for_the_call_to_close()
    {
        var (call, app) = InStatus(ApplicationStatus.UnderReview);
        Assert.Equal("Application.CallNotClosed", app.Decide(call, Actors.Agency, ApplicationOutcome.Granted, null, null, Officer, WhileOpen).Error!.Code);
        Ok(call.Close(AfterClose));
        Ok(app.Decide(call, Actors.Agency, ApplicationOutcome.Granted, null, null, Officer, AfterClose));
        Assert.Equal(ApplicationOutcome.Granted, app.Outcome);
        Assert.Null(app.Conditions);
    }

    [Theory]
    [InlineData(ApplicationOutcome.GrantedWithConditions, null, null, "Application.ConditionsRequired")]
    [InlineData(ApplicationOutcome.GrantedWithConditions, "  ", null, "Application.ConditionsRequired")]
    [InlineData(ApplicationOutcome.Granted, "Report twice a year", null, "Application.ConditionsOnlyWithConditionalGrant")]
    [InlineData(ApplicationOutcome.Refused, "Report twice a year", "Too weak", "Application.ConditionsOnlyWithConditionalGrant")]
    [InlineData(ApplicationOutcome.Refused, null, null, "Application.MotivationRequired")]
    [InlineData(ApplicationOutcome.Refused, null, "Ranked below the budget line", null)]
    [InlineData(ApplicationOutcome.GrantedWithConditions, "Report twice a year", null, null)]
    [InlineData(ApplicationOutcome.Granted, null, null, null)]
    public void A_decision_carries_conditions_only_when_conditional_and_a_refusal_its_motivation(ApplicationOutcome outcome, string? conditions, string? motivation, string? expected)
    {
        var (call, app) = InStatus(ApplicationStatus.UnderReview);
        Ok(call.Close(AfterClose));
        var result = app.Decide(call, Actors.Agency, outcome, conditions, motivation, Officer, AfterClose);
        Assert.Equal(expected, result.Error?.Code);
        Assert.Equal(expected is null ? ApplicationStatus.Decided : ApplicationStatus.UnderReview, app.Status);
        Assert.Equal(expected is null ? outcome : null, app.Outcome);
    }

    // ---- anonymisation ----

    [Fact]
    public void On_an_anonymised_call_experts_see_the_reference_and_the_agency_the_name()
    {
        var hidden = PublishedCall(hideApplicant: true);
        var app = CompleteDraft(hidden, number: 3);
        Assert.Null(app.ApplicantNameFor(hidden, Audience.Expert));
        Assert.Equal("A-003", app.Reference);
        Assert.Equal("Flanders Photonics", app.ApplicantNameFor(hidden, Audience.Agency));

        var open = PublishedCall(hideApplicant: false);
        var named = CompleteDraft(open, number: 3);
        Assert.Equal("Flanders Photonics", named.ApplicantNameFor(open, Audience.Expert));
        Assert.Equal("Flanders Photonics", named.ApplicantNameFor(open, Audience.Agency));
    }

    [Fact]
    public void A_granted_cluster_application_links_one_agreement()
    {
        var (call, app) = InStatus(ApplicationStatus.Decided);
        var agreement = Guid.CreateVersion7();
        Ok(app.LinkAgreement(call, agreement));
        Assert.Equal(agreement, app.AgreementId);
        Assert.Equal("Application.AgreementExists", app.LinkAgreement(call, Guid.CreateVersion7()).Error!.Code);
        Assert.Equal(agreement, app.AgreementId);
    }

    [Theory]
    [InlineData(ApplicationStatus.Submitted)]
    [InlineData(ApplicationStatus.UnderReview)]
    public void An_undecided_application_gets_no_agreement(ApplicationStatus status)
    {
        var (call, app) = InStatus(status);
        Assert.Equal("Application.NotGranted", app.LinkAgreement(call, Guid.CreateVersion7()).Error!.Code);
        Assert.Null(app.AgreementId);
    }

    [Fact]
    public void A_refused_application_gets_no_agreement()
    {
        var call = PublishedCall();
        var app = CompleteDraft(call);
        Ok(app.Submit(call, Actors.Applicant, ApplicantUser, WhileOpen));
        Ok(app.MarkEligible(Actors.Agency, Officer, WhileOpen));
        Ok(app.StartReview(Actors.Agency, Officer, WhileOpen));
        Ok(call.Close(AfterClose));
        Ok(app.Decide(call, Actors.Agency, ApplicationOutcome.Refused, null, "Below the threshold on two criteria", Officer, AfterClose));
        Assert.Equal("Application.NotGranted", app.LinkAgreement(call, Guid.CreateVersion7()).Error!.Code);
    }

    [Fact]
    public void The_owner_is_the_account_that_started_the_application()
    {
        var owner = Guid.CreateVersion7();
        var app = Application.Start(PublishedCall(), 1, "Flanders Photonics", Applicant, WhileOpen, owner).Value!;
        Assert.Equal(owner, app.OwnerId);
    }

    [Fact]
    public void Call_instants_are_kept_in_utc_whatever_the_announced_offset()
    {
        var call = PublishedCall();
        Assert.Equal(TimeSpan.Zero, call.OpensAt.Offset);
        Assert.Equal(TimeSpan.Zero, call.ClosesAt.Offset);
        Assert.Equal(OpensUtc, call.OpensAt);
        Assert.Equal(ClosesUtc, call.ClosesAt);
    }
}
