using static Clusterpact.Domain.Tests.Calls.CallFixtures;

namespace Clusterpact.Domain.Tests.Calls;

/// <summary>Expert assignments, the conflict declaration, scores and the consensus step.</summary>
public sealed class JuryTests
{
    private static readonly Guid Expert1 = Guid.CreateVersion7();
    private static readonly Guid Expert2 = Guid.CreateVersion7();
    private static readonly Guid Expert3 = Guid.CreateVersion7();
    private static readonly DateTimeOffset Now = AfterClose;
    private const string Why = "Broad SME base, twelve committed companies.";

    private static ExpertAssignment Assign((Call Call, Application App) x, Guid expert, string? organisation = Other1, string? employer = Other2) =>
        ExpertAssignment.Assign(x.App, expert, organisation, employer).Value!;

    private static ExpertAssignment Declared((Call Call, Application App) x, Guid expert)
    {
        var a = Assign(x, expert);
        Ok(a.DeclareNoConflict(Actors.Expert, null, Now));
        return a;
    }

    private static void ScoreAll((Call Call, Application App) x, ExpertAssignment a, decimal c1, decimal c2, decimal c3)
    {
        Ok(a.RecordScore(x.Call, x.App, "C1", c1, Why, Now));
        Ok(a.RecordScore(x.Call, x.App, "C2", c2, Why, Now));
        Ok(a.RecordScore(x.Call, x.App, "C3", c3, Why, Now));
    }

    [Theory]
    [InlineData(ApplicationStatus.Eligible, true)]
    [InlineData(ApplicationStatus.UnderReview, true)]
    [InlineData(ApplicationStatus.Draft, false)]
    [InlineData(ApplicationStatus.Submitted, false)]
    [InlineData(ApplicationStatus.Ineligible, false)]
    [InlineData(ApplicationStatus.Withdrawn, false)]
    [InlineData(ApplicationStatus.Decided, false)]
    public void Experts_are_assigned_only_to_eligible_applications(ApplicationStatus status, bool allowed)
    {
        var (_, app) = InStatus(status);
        var result = ExpertAssignment.Assign(app, Expert1, null, null);
        Assert.Equal(allowed ? null : "Expert.ApplicationNotEligible", result.Error?.Code);
    }

    [Fact]
    public void Assigning_runs_the_conflict_check_against_the_applicant_and_its_committed_members()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var a = Assign(x, Expert1, organisation: MemberA, employer: Applicant);
        Assert.Equal([ConflictReason.OrganisationIsConsortiumMember, ConflictReason.EmployerIsApplicant], a.DetectedConflicts.Select(f => f.Reason));
        Assert.Empty(Assign(x, Expert2).DetectedConflicts);
        Assert.Equal((ConflictDeclaration.None, false), (a.Declaration, a.MayScore));
    }

    [Fact]
    public void An_expert_who_has_not_declared_may_neither_score_nor_see_scores()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var undeclared = Assign(x, Expert1);
        var colleague = Declared(x, Expert2);
        ScoreAll(x, colleague, 7, 7, 7);
        Assert.Equal("Expert.DeclarationRequired", undeclared.RecordScore(x.Call, x.App, "C1", 5, Why, Now).Error!.Code);
        Assert.Equal("Expert.DeclarationRequired", ExpertAssignment.ScoresVisibleTo(undeclared, [undeclared, colleague], consensusReached: false).Error!.Code);
        Assert.Empty(undeclared.Scores);
        Ok(undeclared.DeclareNoConflict(Actors.Expert, null, Now));
        // Declared, they still see only their own scores (none yet) until the consensus.
        Assert.Empty(ExpertAssignment.ScoresVisibleTo(undeclared, [undeclared, colleague], consensusReached: false).Value!);
        Assert.Equal(3, ExpertAssignment.ScoresVisibleTo(undeclared, [undeclared, colleague], consensusReached: true).Value!.Count);
    }

    [Fact]
    public void A_conflicted_expert_may_neither_score_nor_see_scores_and_their_earlier_scores_stop_counting()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var a = Declared(x, Expert1);
        var b = Declared(x, Expert2);
        ScoreAll(x, a, 10, 10, 10);
        ScoreAll(x, b, 5, 5, 5);
        Ok(a.DeclareConflict(Actors.Expert, "My sister runs member B.", Now));
        Assert.Equal("Expert.Conflicted", a.RecordScore(x.Call, x.App, "C1", 1, Why, Now).Error!.Code);
        Assert.Equal("Expert.Conflicted", ExpertAssignment.ScoresVisibleTo(a, [a, b], consensusReached: true).Error!.Code);
        // B still sees the panel, without A's scores.
        // (Jurors are numbered by assignment id; two assigned in the same millisecond may come either way round.)
        var bNumber = new[] { a, b }.OrderBy(s => s.Id).ToList().IndexOf(b) + 1;
        Assert.Equal([bNumber], ExpertAssignment.ScoresVisibleTo(b, [a, b], consensusReached: true).Value!.Select(s => s.Juror).Distinct());
        // The ranking reads only B: 5, 5, 5 -> 50 (with A's 10s it would be 75).
        var scores = ApplicationScores.From(x.App, [a, b], null);
        Assert.Equal(50m, Ranking.Rank(x.Call, [scores]).Value!.Applications[0].Total);
    }

    [Fact]
    public void Before_the_consensus_an_expert_reads_only_their_own_scores_and_after_it_the_panel_by_number_not_name()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var first = Declared(x, Expert1);
        var second = Declared(x, Expert2);
        ScoreAll(x, first, 8, 7, 6);
        ScoreAll(x, second, 3, 4, 5);
        var before = ExpertAssignment.ScoresVisibleTo(second, [second, first], consensusReached: false).Value!;
        Assert.Equal([3m, 4m, 5m], before.Select(s => s.Value));
        Assert.All(before, s => Assert.True(s.Own));
        // A stable number, whatever order the panel is passed in and whoever looks.
        var mine = before[0].Juror;
        Assert.All(before, s => Assert.Equal(mine, s.Juror));
        var after = ExpertAssignment.ScoresVisibleTo(second, [second, first], consensusReached: true).Value!;
        Assert.Equal([1, 2], after.Select(s => s.Juror).Distinct().Order());
        Assert.All(after, s => Assert.Equal(s.Juror == mine, s.Own));
        Assert.Equal(6, after.Count);
        Assert.Equal(after.Select(s => (s.Juror, s.Value)), ExpertAssignment.ScoresVisibleTo(first, [first, second], consensusReached: true).Value!.Select(s => (s.Juror, s.Value)));
    }

    [Fact]
    public void The_consensus_is_complete_when_every_criterion_has_an_agreed_score()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var a = Declared(x, Expert1);
        ScoreAll(x, a, 8, 7, 6);
        var consensus = Consensus.For(x.App);
        var criteria = x.Call.Criteria.Select(c => c.Code).ToList();
        foreach (var code in criteria)
        {
            Assert.False(consensus.IsCompleteFor(x.Call));
            Ok(consensus.Record(x.Call, x.App, [a], code, 7, Why, Officer, Now));
        }
        Assert.True(consensus.IsCompleteFor(x.Call));
    }

    [Fact]
    public void A_conflict_needs_an_explanation_and_cannot_be_declared_away()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var a = Assign(x, Expert1);
        Assert.Equal("Expert.ConflictExplanationRequired", a.DeclareConflict(Actors.Expert, "  ", Now).Error!.Code);
        Assert.Equal(ConflictDeclaration.None, a.Declaration);
        Ok(a.DeclareConflict(Actors.Expert, "Former employee of the applicant", Now));
        Assert.Equal((ConflictDeclaration.Conflict, "Former employee of the applicant", (DateTimeOffset?)Now), (a.Declaration, a.DeclarationExplanation, a.DeclaredAt));
        Assert.Equal("Assignment.Step.DeclareNoConflict.NotAllowed", a.DeclareNoConflict(Actors.Expert, "it was long ago", Now).Error!.Code);
        Assert.Equal("Assignment.Step.DeclareConflict.NotAllowed", a.DeclareConflict(Actors.Expert, "again", Now).Error!.Code);
        Assert.Equal(ConflictDeclaration.Conflict, a.Declaration);
    }

    [Fact]
    public void Declaring_no_conflict_despite_a_flag_needs_an_explanation()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var flagged = Assign(x, Expert1, organisation: MemberA);
        Assert.Equal("Expert.ExplainFlaggedConflict", flagged.DeclareNoConflict(Actors.Expert, " ", Now).Error!.Code);
        Assert.Equal(ConflictDeclaration.None, flagged.Declaration);
        Ok(flagged.DeclareNoConflict(Actors.Expert, "Left member A in 2019; no ties since.", Now));
        Assert.True(flagged.MayScore);
        var clean = Assign(x, Expert2);
        Ok(clean.DeclareNoConflict(Actors.Expert, null, Now)); // nothing flagged: no explanation needed
    }

    [Theory]
    [InlineData("C1", 0, null)]
    [InlineData("C1", 10, null)]
    [InlineData("c2", 7.5, null)]
    [InlineData("C1", -0.5, "Score.OutOfScale")]
    [InlineData("C1", 10.5, "Score.OutOfScale")]
    [InlineData("C9", 5, "Score.UnknownCriterion")]
    public void A_score_is_on_a_criterion_of_the_call_and_within_its_scale(string code, double value, string? expected)
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var a = Declared(x, Expert1);
        Assert.Equal(expected, a.RecordScore(x.Call, x.App, code, (decimal)value, Why, Now).Error?.Code);
        Assert.Equal(expected is null ? 1 : 0, a.Scores.Count);
    }

    [Fact]
    public void A_score_needs_a_written_justification_of_at_least_20_characters()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var a = Declared(x, Expert1);
        var nineteen = new string('x', 19);
        Assert.Equal("Score.JustificationTooShort", a.RecordScore(x.Call, x.App, "C1", 5, nineteen, Now).Error!.Code);
        Assert.Equal("Score.JustificationTooShort", a.RecordScore(x.Call, x.App, "C1", 5, "   " + nineteen + "   ", Now).Error!.Code); // spaces do not count
        Assert.Equal("Score.JustificationTooShort", a.RecordScore(x.Call, x.App, "C1", 5, null, Now).Error!.Code);
        Ok(a.RecordScore(x.Call, x.App, "C1", 5, nineteen + "y", Now));
    }

    [Fact]
    public void Scoring_again_replaces_the_earlier_score()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var a = Declared(x, Expert1);
        Ok(a.RecordScore(x.Call, x.App, "C1", 5, Why, Now));
        Ok(a.RecordScore(x.Call, x.App, "c1", 8, "Reconsidered after reading the annex.", Now));
        Assert.Equal([("C1", 8m)], a.Scores.Select(s => (s.CriterionCode, s.Value)));
    }

    [Fact]
    public void Scores_only_while_the_application_is_under_review()
    {
        var x = InStatus(ApplicationStatus.Eligible);
        var a = Declared(x, Expert1);
        Assert.Equal("Score.NotUnderReview", a.RecordScore(x.Call, x.App, "C1", 5, Why, Now).Error!.Code);
    }

    [Fact]
    public void Consensus_waits_until_every_assigned_expert_without_a_conflict_has_scored_the_criterion()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var a = Declared(x, Expert1);
        var b = Declared(x, Expert2);
        var undeclared = Assign(x, Expert3);
        var consensus = Consensus.For(x.App);
        Ok(a.RecordScore(x.Call, x.App, "C1", 4, Why, Now));
        Assert.Equal("Consensus.ScoringIncomplete", consensus.Record(x.Call, x.App, [a, b, undeclared], "C1", 6, Why, Officer, Now).Error!.Code);
        Ok(b.RecordScore(x.Call, x.App, "C1", 8, Why, Now));
        // The expert who never declared still blocks it ...
        Assert.Equal("Consensus.ScoringIncomplete", consensus.Record(x.Call, x.App, [a, b, undeclared], "C1", 6, Why, Officer, Now).Error!.Code);
        // ... a conflicted one does not.
        Ok(undeclared.DeclareConflict(Actors.Expert, "Works for member A", Now));
        Ok(consensus.Record(x.Call, x.App, [a, b, undeclared], "C1", 6, "Panel agreed after discussing the SME base.", Officer, Now));
        Assert.Equal([new ConsensusScore("C1", 6, "Panel agreed after discussing the SME base.", Officer, Now)], consensus.Scores);
        // C2 nobody scored yet.
        Assert.Equal("Consensus.ScoringIncomplete", consensus.Record(x.Call, x.App, [a, b, undeclared], "C2", 6, Why, Officer, Now).Error!.Code);
    }

    [Fact]
    public void Consensus_needs_at_least_one_expert_and_follows_the_score_rules()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var consensus = Consensus.For(x.App);
        Assert.Equal("Consensus.NoExperts", consensus.Record(x.Call, x.App, [], "C1", 6, Why, Officer, Now).Error!.Code);
        var a = Declared(x, Expert1);
        ScoreAll(x, a, 5, 5, 5);
        Assert.Equal("Score.OutOfScale", consensus.Record(x.Call, x.App, [a], "C1", 11, Why, Officer, Now).Error!.Code);
        Assert.Equal("Score.JustificationTooShort", consensus.Record(x.Call, x.App, [a], "C1", 6, "agreed", Officer, Now).Error!.Code);
        Assert.Equal("Score.UnknownCriterion", consensus.Record(x.Call, x.App, [a], "C7", 6, Why, Officer, Now).Error!.Code);
        Ok(consensus.Record(x.Call, x.App, [a], "C1", 6, Why, Officer, Now));
        Ok(consensus.Record(x.Call, x.App, [a], "C1", 7, Why, Officer, Now));
        Assert.Equal([7m], consensus.Scores.Select(s => s.Value)); // recorded again: replaced
    }

    [Fact]
    public void From_scores_to_ranking_the_consensus_overrides_the_mean()
    {
        var x = InStatus(ApplicationStatus.UnderReview);
        var a = Declared(x, Expert1);
        var b = Declared(x, Expert2);
        ScoreAll(x, a, 4, 6, 6);
        ScoreAll(x, b, 8, 6, 8);
        // Means 6, 6, 7: 40 x 0.6 + 30 x 0.6 + 30 x 0.7 = 24 + 18 + 21 = 63
        var line = Ranking.Rank(x.Call, [ApplicationScores.From(x.App, [a, b], null)]).Value!.Applications[0];
        Assert.Equal((63m, 4m), (line.Total!.Value, line.MaxSpread!.Value));
        var consensus = Consensus.For(x.App);
        Ok(consensus.Record(x.Call, x.App, [a, b], "C1", 9, "Letters of commitment from 40 SMEs.", Officer, Now));
        // C1 becomes 9: 36 + 18 + 21 = 75
        line = Ranking.Rank(x.Call, [ApplicationScores.From(x.App, [a, b], consensus)]).Value!.Applications[0];
        Assert.Equal((75m, 4m), (line.Total!.Value, line.MaxSpread!.Value));
        Assert.Equal(("Flanders Photonics", 300_000m), (line.Name, line.RequestedEur)); // (300,000 - 150,000) x 2 years
    }
}
