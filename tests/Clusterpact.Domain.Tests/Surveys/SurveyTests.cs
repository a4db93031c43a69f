namespace Clusterpact.Domain.Tests.Surveys;

public class SurveyTests
{
    private static readonly Guid Cluster = Guid.NewGuid(), Other = Guid.NewGuid();

    private static Survey Standard() => Survey.Standard("Ledenbevraging 2026", 2026);

    private static SurveyQuestion Q(Survey s, int order) => s.Questions.Single(q => q.Order == order);

    /// <summary>A response answering: participation option, relevance, competitiveness now, expected, recommend option.</summary>
    private static SurveyResponse R(Survey s, Guid cluster, int participation, int relevance, int now, int expected, int recommend, SizeClass? size = SizeClass.Small, string? text = null)
    {
        var inputs = new List<AnswerInput>
        {
            new(Q(s, 1).Id, [participation], null, null, null), new(Q(s, 2).Id, [], relevance, null, null), new(Q(s, 3).Id, [], now, null, null),
            new(Q(s, 4).Id, [], expected, null, null), new(Q(s, 5).Id, [recommend], null, null, null), new(Q(s, 6).Id, [], null, null, text),
        };
        var (answers, problems) = SurveyAnswers.Check(s, inputs);
        Assert.Empty(problems);
        return SurveyResponse.Of(s.Id, cluster, size, answers);
    }

    [Fact]
    public void The_standard_questionnaire_asks_what_the_2020_evaluation_asked_in_both_languages()
    {
        var s = Standard();
        Assert.Equal(6, s.Questions.Count);
        Assert.All(s.Questions, q => Assert.False(string.IsNullOrEmpty(q.TextEn)));
        Assert.Equal(Survey.CompetitivenessKpi, Q(s, 3).KpiCode);
        Assert.Equal(["Never", "Once a year", "Two to five times a year", "Monthly or more"], Q(s, 1).Options(english: true));
    }

    [Fact]
    public void Scale_results_give_distribution_mean_median_and_the_top_two_share()
    {
        var s = Standard();
        // Competitiveness now answered 5, 4, 3, 2, 2, 1 by six members: 2 of 6 answered 4 or 5.
        var responses = new[] { 5, 4, 3, 2, 2, 1 }.Select(v => R(s, Cluster, 2, 3, v, 4, 0)).ToList();
        var r = SurveyResults.For(Q(s, 3), responses);
        Assert.Equal(6, r.Answered);
        Assert.Equal([1, 2, 1, 1, 1], r.OptionCounts.Select(c => c.Count));
        Assert.Equal(2.83m, r.Mean);          // 17 / 6 = 2.8333
        Assert.Equal(2.5m, r.Median);         // middle of 2 and 3
        Assert.Equal(0.3333m, r.TopShare);    // 2 / 6
    }

    [Fact]
    public void Scale_results_from_an_odd_number_of_answers_take_the_middle_one_and_count_the_empty_values()
    {
        var s = Standard();
        // 5, 5, 4, 1, 3 (none answered 2): counts 1, 0, 1, 1, 2; mean 18 / 5 = 3.6; sorted 1 3 4 5 5, middle 4; 3 of 5 answered 4 or 5.
        var r = SurveyResults.ForScale(Q(s, 3), [5, 5, 4, 1, 3]);
        Assert.Equal(5, r.Answered);
        Assert.Equal([1, 0, 1, 1, 2], r.OptionCounts.Select(c => c.Count));
        Assert.Equal([0.2m, 0m, 0.2m, 0.2m, 0.4m], r.OptionCounts.Select(c => c.Share));
        Assert.Equal(3.6m, r.Mean);
        Assert.Equal(4m, r.Median);
        Assert.Equal(0.6m, r.TopShare);
        var none = SurveyResults.ForScale(Q(s, 3), []);
        Assert.Equal((0, null, null, null), (none.Answered, none.Mean, none.Median, none.TopShare));
    }

    [Fact]
    public void Choice_results_count_respondents_per_option()
    {
        var s = Standard();
        var responses = new[] { R(s, Cluster, 3, 3, 3, 3, 0), R(s, Cluster, 3, 3, 3, 3, 0), R(s, Cluster, 1, 3, 3, 3, 1), R(s, Cluster, 2, 3, 3, 3, 2) };
        var r = SurveyResults.For(Q(s, 5), responses);
        Assert.Equal([("Ja", 2, 0.5m), ("Nee", 1, 0.25m), ("Weet niet", 1, 0.25m)], r.OptionCounts);
        // "At least twice a year": options 2 and 3 = 3 of 4.
        var participation = SurveyResults.For(Q(s, 1), responses);
        Assert.Equal(3, participation.OptionCounts.Skip(2).Sum(c => c.Count));
    }

    [Fact]
    public void A_multiple_choice_question_counts_every_chosen_option_and_shares_are_of_respondents()
    {
        var s = Survey.Create("x", 2026).Value!;
        s.AddQuestion(QuestionKind.MultipleChoice, "Welke diensten?", "Which services?", ["Events", "Projecten", "Internationaal"], [], null, null, true, null);
        var q = s.Questions[0];
        SurveyResponse One(params int[] c) => SurveyResponse.Of(s.Id, Cluster, null, SurveyAnswers.Check(s, [new AnswerInput(q.Id, c, null, null, null)]).Answers);
        var r = SurveyResults.For(q, [One(0, 1), One(1), One(1, 2)]);
        Assert.Equal([1, 3, 1], r.OptionCounts.Select(c => c.Count));
        Assert.Equal(1m, r.OptionCounts[1].Share);
    }

    [Fact]
    public void Answers_are_checked_against_the_question()
    {
        var s = Standard();
        var (_, problems) = SurveyAnswers.Check(s,
        [
            new(Q(s, 1).Id, [0, 1], null, null, null),      // two choices on a single-choice question
            new(Q(s, 2).Id, [], 6, null, null),             // outside 1-5
            new(Q(s, 3).Id, [], 0, null, null),             // outside 1-5
            new(Q(s, 5).Id, [7], null, null, null),         // no such option
            new(Q(s, 6).Id, [], null, null, new string('x', 2001)),
        ]);
        Assert.Equal(
            [("Survey.OneChoiceOnly", 1), ("Survey.ScaleInvalid", 2), ("Survey.ScaleInvalid", 3), ("Survey.AnswerRequired", 4), ("Survey.ChoiceInvalid", 5), ("Survey.TextTooLong", 6)],
            problems.Select(p => (p.Code, s.Questions.Single(q => q.Id == p.QuestionId).Order)));
    }

    [Fact]
    public void The_questionnaire_is_built_only_while_it_is_a_draft()
    {
        var s = Survey.Create("x", 2026).Value!;
        Assert.Equal("Survey.NoQuestions", s.Open(new DateOnly(2026, 3, 1)).Error!.Code);
        Assert.Equal("Survey.TwoOptionsNeeded", s.AddQuestion(QuestionKind.SingleChoice, "Eén optie", null, ["Enige"], [], null, null, true, null).Error!.Code);
        Assert.Equal("Survey.ScaleRange", s.AddQuestion(QuestionKind.Scale, "Schaal", null, [], [], 5, 1, true, null).Error!.Code);
        Assert.True(s.AddQuestion(QuestionKind.Number, "Hoeveel VTE?", "How many FTE?", [], [], null, null, false, null).IsSuccess);
        Assert.True(s.AddQuestion(QuestionKind.OpenText, "Opmerkingen", null, [], [], null, null, false, null).IsSuccess);
        Assert.True(s.MoveQuestion(s.Questions[1].Id, -1).IsSuccess);
        Assert.Equal("Opmerkingen", s.Questions[0].TextNl);
        Assert.True(s.Open(new DateOnly(2026, 3, 1)).IsSuccess);
        Assert.Equal("Survey.NotDraft", s.AddQuestion(QuestionKind.OpenText, "Te laat", null, [], [], null, null, false, null).Error!.Code);
        Assert.True(s.Close(new DateOnly(2026, 4, 1)).IsSuccess);
        Assert.Equal("Survey.NotOpen", s.Close(new DateOnly(2026, 4, 2)).Error!.Code);
    }

    [Fact]
    public void A_link_works_once_and_a_reminder_replaces_it()
    {
        var (invitation, token) = SurveyInvitation.Create(Guid.NewGuid(), Cluster, null, " Info@Example.BE ", false, new DateOnly(2026, 3, 1));
        Assert.Equal("info@example.be", invitation.Email);
        Assert.Equal(SurveyInvitation.Hash(token), invitation.TokenHash);
        Assert.DoesNotContain(token, invitation.TokenHash, StringComparison.Ordinal);
        var reminder = invitation.Remind(new DateOnly(2026, 3, 15)).Value!;
        Assert.NotEqual(SurveyInvitation.Hash(token), invitation.TokenHash);
        Assert.Equal(SurveyInvitation.Hash(reminder), invitation.TokenHash);
        Assert.True(invitation.Use().IsSuccess);
        Assert.Equal("Survey.LinkUsed", invitation.Use().Error!.Code);
        Assert.Equal("Survey.LinkUsed", invitation.Remind(new DateOnly(2026, 3, 20)).Error!.Code);
    }

    [Theory]
    [InlineData(4, false)]
    [InlineData(5, true)]
    public void A_cluster_sees_its_results_from_five_answers(int answers, bool shown) => Assert.Equal(shown, SurveyDisclosure.SelectionShown(answers, []));

    [Fact]
    public void Response_rates_and_filters_work_on_the_responses_passed_in()
    {
        var s = Standard();
        var responses = new[]
        {
            R(s, Cluster, 3, 5, 5, 5, 0, SizeClass.Micro), R(s, Cluster, 3, 5, 4, 5, 0, SizeClass.Large), R(s, Other, 3, 1, 1, 1, 1, SizeClass.Micro),
        };
        Assert.Equal(0.25m, SurveyResults.ResponseRate(8, 2));
        Assert.Null(SurveyResults.ResponseRate(0, 0));
        Assert.Equal(2, SurveyResults.For(Q(s, 3), responses.Where(r => r.ClusterId == Cluster)).Answered);
        // SMEs only: the micro members of both clusters; one of the two answered 4 or 5.
        Assert.Equal(0.5m, SurveyResults.For(Q(s, 3), responses.Where(r => r.SizeClass is SizeClass.Micro or SizeClass.Small or SizeClass.Medium)).TopShare);
    }
}
