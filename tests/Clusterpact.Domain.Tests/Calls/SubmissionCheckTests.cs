using static Clusterpact.Domain.Tests.Calls.CallFixtures;

namespace Clusterpact.Domain.Tests.Calls;

/// <summary>What the form can check before submission: every problem at once, each on its own line or document.</summary>
public class SubmissionCheckTests
{
    [Fact]
    public void A_complete_draft_has_no_problems_and_submits()
    {
        var call = PublishedCall();
        var app = CompleteDraft(call);
        Assert.Empty(SubmissionCheck.Problems(app, call));
        Assert.True(app.Submit(call, Actors.Applicant, ApplicantUser, WhileOpen).IsSuccess);
    }

    [Theory]
    [InlineData(150_000, true)]    // exactly half
    [InlineData(149_999, false)]   // just under half over the period
    [InlineData(300_000, true)]    // all cofinanced
    public void Cofinancing_must_be_at_least_half_of_the_budget_over_the_whole_period(int cofinancingPerYear, bool submits)
    {
        var call = PublishedCall();
        var app = CompleteDraft(call, budgetPerYear: 300_000m, cofinancingPerYear: cofinancingPerYear);
        var problems = SubmissionCheck.Problems(app, call);
        Assert.Equal(submits, problems.Count == 0);
        if (!submits)
        {
            Assert.Equal("Application.CofinancingBelowHalf", Assert.Single(problems).Code);
            Assert.Equal(0.5m, Math.Round(problems[0].Share!.Value, 2));
            Assert.Equal("Application.CofinancingBelowHalf", app.Submit(call, Actors.Applicant, ApplicantUser, WhileOpen).Error!.Code);
            Assert.Equal(ApplicationStatus.Draft, app.Status);
        }
    }

    [Fact]
    public void Half_over_the_period_may_be_uneven_between_years()
    {
        var call = PublishedCall();
        var app = CompleteDraft(call);
        Assert.True(app.SetYearPlans([new YearPlan(2026, 300_000m, 50_000m), new YearPlan(2027, 300_000m, 250_000m)]).IsSuccess);
        Assert.Empty(SubmissionCheck.Problems(app, call));
    }

    [Fact]
    public void Every_problem_is_listed_at_once_and_a_missing_document_is_named()
    {
        var call = PublishedCall();
        var app = Application.Start(call, 1, "Flanders Photonics", Applicant, WhileOpen).Value!;
        var problems = SubmissionCheck.Problems(app, call);
        Assert.Equal(["Application.ProposalIncomplete", "Application.NoCommittedMembers", "Application.NoYearPlan", "Application.RequiredDocumentMissing"],
            problems.Select(p => p.Code));
        Assert.Equal("BUSINESSPLAN", problems[^1].Subject);
        // Submitting refuses with the first.
        Assert.Equal("Application.ProposalIncomplete", app.Submit(call, Actors.Applicant, ApplicantUser, WhileOpen).Error!.Code);
    }

    [Fact]
    public void A_committed_member_with_an_invalid_enterprise_number_is_named_by_its_line()
    {
        var call = PublishedCall();
        var app = CompleteDraft(call);
        // A number that passed once but is wrong (e.g. loaded from an older list): the record itself, not the form, carries it.
        Assert.True(app.SetCommittedMembers([ConsortiumMember.Create("Member A", MemberA, SizeClass.Small).Value!, new ConsortiumMember("Kmo B", "0300000017", SizeClass.Small)]).IsSuccess);
        var problem = Assert.Single(SubmissionCheck.Problems(app, call));
        Assert.Equal(("Application.MemberNumberInvalid", 2), (problem.Code, problem.Row));
        Assert.Contains("Kmo B", problem.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void The_calls_criteria_must_weigh_one_hundred()
    {
        var app = CompleteDraft(PublishedCall());
        // Publishing checks the weights; the rule says so again for terms that reach it another way (the same terms as a draft here).
        var terms = DraftCall();
        Assert.True(terms.SetCriteria([new CallCriterion("C1", "Gedragenheid", "Support base", 40)]).IsSuccess);
        Assert.Equal("Application.CallWeightsInvalid", Assert.Single(SubmissionCheck.Problems(app, terms)).Code);
    }
}
