using static Clusterpact.Domain.Tests.Calls.CallFixtures;

namespace Clusterpact.Domain.Tests.Calls;

public sealed class CallTests
{
    private static Clusterpact.Domain.Common.Result<Call> Create(DateTime opens, DateTime closes, decimal budget = 500_000m, ScoringScale? scale = null, string titleNl = "Oproep") =>
        Call.Create(CallKind.SpearheadCluster, titleNl, "Call", budget, opens, closes, scale ?? new ScoringScale(0, 10), false);

    [Theory]
    // Winter time (CET, UTC+1) and summer time (CEST, UTC+2): 17:00 in Brussels is 16:00 or 15:00 UTC.
    [InlineData("2025-01-15T17:00:00", "2025-01-15T16:00:00")]
    [InlineData("2025-06-15T17:00:00", "2025-06-15T15:00:00")]
    // Clocks go forward at 02:00 on 30 March 2025: the afternoon is already summer time.
    [InlineData("2025-03-30T17:00:00", "2025-03-30T15:00:00")]
    [InlineData("2025-03-30T01:59:59", "2025-03-30T00:59:59")]
    // Clocks go back at 03:00 on 26 October 2025: the afternoon is winter time again.
    [InlineData("2025-10-26T17:00:00", "2025-10-26T16:00:00")]
    public void Brussels_wall_clock_times_become_the_instant_with_that_days_offset(string local, string utc)
    {
        var instant = BrusselsTime.ToInstant(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture)).Value;
        Assert.Equal(DateTimeOffset.Parse(utc + "Z", System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.ToUniversalTime().Offset);
    }

    [Fact]
    public void A_time_in_the_skipped_or_the_repeated_hour_is_refused_rather_than_guessed()
    {
        Assert.Equal("Call.LocalTimeDoesNotExist", BrusselsTime.ToInstant(new DateTime(2025, 3, 30, 2, 30, 0)).Error!.Code);
        Assert.Equal("Call.LocalTimeAmbiguous", BrusselsTime.ToInstant(new DateTime(2025, 10, 26, 2, 30, 0)).Error!.Code);
        Assert.Equal("Call.LocalTimeDoesNotExist", Create(new DateTime(2025, 3, 1), new DateTime(2025, 3, 30, 2, 0, 0)).Error!.Code);
    }

    [Fact]
    public void A_call_stores_the_instants_of_its_brussels_opening_and_closing()
    {
        var call = DraftCall();
        Assert.Equal(OpensUtc, call.OpensAt);
        Assert.Equal(ClosesUtc, call.ClosesAt);
        Assert.Equal(new DateTime(2025, 3, 30, 17, 0, 0), BrusselsTime.ToLocal(call.ClosesAt).DateTime);
        Assert.Equal(CallStatus.Draft, call.Status);
    }

    [Fact]
    public void Creating_a_call_checks_its_terms()
    {
        var opens = new DateTime(2025, 5, 1, 9, 0, 0);
        Assert.Equal("Call.ClosesBeforeOpens", Create(opens, opens).Error!.Code);
        Assert.Equal("Call.ClosesBeforeOpens", Create(opens, opens.AddSeconds(-1)).Error!.Code);
        Assert.True(Create(opens, opens.AddSeconds(1)).IsSuccess);
        Assert.Equal("Call.BudgetNotPositive", Create(opens, opens.AddDays(1), budget: 0).Error!.Code);
        Assert.Equal("Call.ScaleInvalid", Create(opens, opens.AddDays(1), scale: new ScoringScale(5, 5)).Error!.Code);
        Assert.Equal("Call.ScaleInvalid", Create(opens, opens.AddDays(1), scale: new ScoringScale(10, 0)).Error!.Code);
        Assert.Equal("Call.TitleRequired", Create(opens, opens.AddDays(1), titleNl: " ").Error!.Code);
        Assert.Equal("Call.TitleTooLong", Create(opens, opens.AddDays(1), titleNl: new string('x', Call.TitleMaxLength + 1)).Error!.Code);
    }

    [Fact]
    public void Publishing_needs_at_least_one_criterion()
    {
        var call = Create(OpensLocal, ClosesLocal).Value!;
        Assert.Equal("Call.NoCriteria", call.Publish().Error!.Code);
        Assert.Equal(CallStatus.Draft, call.Status);
    }

    [Theory]
    [InlineData(new[] { 40, 30, 29 }, "Call.WeightsMustSumTo100")]
    [InlineData(new[] { 40, 30, 31 }, "Call.WeightsMustSumTo100")]
    [InlineData(new[] { 100 }, null)]
    [InlineData(new[] { 50, 25, 25 }, null)]
    public void Publishing_needs_weights_that_add_up_to_100(int[] weights, string? expected)
    {
        var call = Create(OpensLocal, ClosesLocal).Value!;
        Ok(call.SetCriteria(weights.Select((w, i) => new CallCriterion($"C{i}", "nl", "en", w))));
        var published = call.Publish();
        Assert.Equal(expected, published.Error?.Code);
        Assert.Equal(expected is null ? CallStatus.Published : CallStatus.Draft, call.Status);
    }

    [Fact]
    public void Criteria_need_a_positive_weight_a_unique_code_and_both_names()
    {
        var call = Create(OpensLocal, ClosesLocal).Value!;
        Assert.Equal("Call.WeightNotPositive", call.SetCriteria([new CallCriterion("C1", "a", "b", 0), new CallCriterion("C2", "a", "b", 100)]).Error!.Code);
        Assert.Equal("Call.WeightNotPositive", call.SetCriteria([new CallCriterion("C1", "a", "b", -10), new CallCriterion("C2", "a", "b", 110)]).Error!.Code);
        Assert.Equal("Call.CriterionCodeDuplicate", call.SetCriteria([new CallCriterion("C1", "a", "b", 50), new CallCriterion("c1 ", "a", "b", 50)]).Error!.Code);
        Assert.Equal("Call.CriterionNameRequired", call.SetCriteria([new CallCriterion("C1", "a", " ", 100)]).Error!.Code);
        Assert.Equal("Call.CriterionCodeRequired", call.SetCriteria([new CallCriterion("", "a", "b", 100)]).Error!.Code);
        Assert.Empty(call.Criteria); // a refused list leaves the criteria as they were
        Assert.Equal("Call.DocumentCodeDuplicate", call.SetRequiredDocuments([new RequiredDocument("X", "a", "b"), new RequiredDocument("x", "a", "b")]).Error!.Code);
    }

    [Fact]
    public void Once_published_the_terms_are_fixed()
    {
        var call = PublishedCall();
        Assert.Equal(CallStatus.Published, call.Status);
        Assert.Equal("Call.NotDraft", call.Publish().Error!.Code);
        Assert.Equal("Call.NotDraft", call.SetCriteria([new CallCriterion("C9", "a", "b", 100)]).Error!.Code);
        Assert.Equal("Call.NotDraft", call.SetRequiredDocuments([]).Error!.Code);
        Assert.Equal("Call.NotDraft", call.Revise("a", "b", 1m, OpensLocal, ClosesLocal, new ScoringScale(0, 10), true).Error!.Code);
        Assert.Equal(3, call.Criteria.Count);
        Assert.False(call.HideApplicantFromExperts);
    }

    [Fact]
    public void A_draft_can_be_revised_and_a_refused_revision_changes_nothing()
    {
        var call = DraftCall();
        Assert.Equal("Call.ClosesBeforeOpens", call.Revise("a", "b", 5m, ClosesLocal, OpensLocal, new ScoringScale(1, 5), true).Error!.Code);
        Assert.Equal(1_000_000m, call.BudgetEur);
        Assert.False(call.HideApplicantFromExperts);
        Ok(call.Revise("Nieuwe titel", "New title", 750_000m, OpensLocal, ClosesLocal.AddDays(1), new ScoringScale(1, 5), true));
        Assert.Equal((750_000m, new ScoringScale(1, 5), true), (call.BudgetEur, call.Scale, call.HideApplicantFromExperts));
    }

    [Fact]
    public void The_call_is_open_from_the_opening_second_to_the_closing_second_included()
    {
        var call = PublishedCall();
        Assert.False(call.IsOpenAt(OpensUtc.AddSeconds(-1)));
        Assert.True(call.IsOpenAt(OpensUtc));
        Assert.True(call.IsOpenAt(ClosesUtc));
        Assert.False(call.IsOpenAt(ClosesUtc.AddSeconds(1)));
        Assert.False(DraftCall().IsOpenAt(WhileOpen)); // a draft takes no applications
    }

    [Fact]
    public void Draft_published_closed_decided_and_nothing_else()
    {
        var draft = DraftCall();
        Assert.Equal("Call.NotPublished", draft.Close(AfterClose).Error!.Code);
        Assert.Equal("Call.NotClosed", draft.MarkDecided().Error!.Code);

        var call = PublishedCall();
        Assert.Equal("Call.NotClosed", call.MarkDecided().Error!.Code);
        Assert.Equal("Call.StillOpen", call.Close(ClosesUtc).Error!.Code); // the closing second still belongs to the applicants
        Ok(call.Close(ClosesUtc.AddSeconds(1)));
        Assert.Equal(CallStatus.Closed, call.Status);
        Assert.Equal("Call.NotPublished", call.Close(AfterClose).Error!.Code);
        Assert.Equal("Call.NotDraft", call.Publish().Error!.Code);
        Ok(call.MarkDecided());
        Assert.Equal(CallStatus.Decided, call.Status);
        Assert.Equal("Call.NotClosed", call.MarkDecided().Error!.Code);
    }
}
