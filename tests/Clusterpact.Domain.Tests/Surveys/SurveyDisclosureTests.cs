namespace Clusterpact.Domain.Tests.Surveys;

/// <summary>The five-answer rule for every figure: small groups, differences between views, and the sums of hidden counts.</summary>
public class SurveyDisclosureTests
{
    private static readonly Guid Cluster = Guid.NewGuid(), Other = Guid.NewGuid();

    private static Survey Standard() => Survey.Standard("Ledenbevraging 2026", 2026);

    private static SurveyQuestion Q(Survey s, int order) => s.Questions.Single(q => q.Order == order);

    /// <summary>A response with competitiveness <paramref name="now"/> (question 3, scale 1-5) and recommend option <paramref name="recommend"/> (question 5).</summary>
    private static SurveyResponse R(Survey s, Guid cluster, int now, SizeClass? size = SizeClass.Small, int recommend = 0)
    {
        var inputs = new List<AnswerInput>
        {
            new(Q(s, 1).Id, [1], null, null, null), new(Q(s, 2).Id, [], 3, null, null), new(Q(s, 3).Id, [], now, null, null),
            new(Q(s, 4).Id, [], 3, null, null), new(Q(s, 5).Id, [recommend], null, null, null),
        };
        var (answers, problems) = SurveyAnswers.Check(s, inputs);
        Assert.Empty(problems);
        return SurveyResponse.Of(s.Id, cluster, size, answers);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(1, false)]
    [InlineData(4, false)]
    [InlineData(5, true)]
    [InlineData(12, true)]
    public void A_group_is_safe_when_empty_or_at_least_five(int count, bool safe) => Assert.Equal(safe, SurveyDisclosure.SafeGroup(count));

    [Theory]
    [InlineData(4, new int[0], false)]        // four answers: never
    [InlineData(5, new int[0], true)]         // the cluster on its own, five answers
    [InlineData(5, new[] { 5 }, true)]        // the filter takes everyone: nothing left to subtract
    [InlineData(6, new[] { 9 }, false)]       // 9 - 6 = 3 would be the rest
    [InlineData(6, new[] { 11 }, true)]       // 11 - 6 = 5
    [InlineData(6, new[] { 11, 8 }, false)]   // one enclosing view leaves 2
    public void A_selection_is_shown_from_five_answers_with_a_safe_rest_in_every_view_around_it(int selected, int[] enclosing, bool shown) =>
        Assert.Equal(shown, SurveyDisclosure.SelectionShown(selected, enclosing));

    [Fact]
    public void A_size_filter_is_enclosed_by_its_cluster_and_the_smes_and_for_the_agency_by_all_clusters()
    {
        var micro = SurveySelection.Of(Cluster, SizeClass.Micro, smeOnly: true);
        Assert.False(micro.SmeOnly);
        Assert.Equal([SurveySelection.Of(Cluster, null, false), SurveySelection.Of(Cluster, null, true)], micro.Enclosing(viewerSeesAllClusters: false));
        Assert.Equal(5, micro.Enclosing(viewerSeesAllClusters: true).Count);
        Assert.Empty(SurveySelection.Of(null, null, false).Enclosing(true));
        Assert.Empty(SurveySelection.Of(Cluster, null, false).Enclosing(false));
        Assert.Equal([SurveySelection.Of(null, null, false)], SurveySelection.Of(Cluster, null, false).Enclosing(true));
    }

    [Fact]
    public void Four_answers_in_a_size_class_are_hidden_and_so_is_a_filter_that_leaves_four_outside()
    {
        var s = Standard();
        var responses = Enumerable.Range(0, 4).Select(_ => R(s, Cluster, 4, SizeClass.Micro))
            .Concat(Enumerable.Range(0, 6).Select(_ => R(s, Cluster, 4, SizeClass.Large))).ToList();
        // Four micro members: hidden, on the page and so in the export.
        Assert.False(SurveyDisclosure.Disclose(s, responses, SurveySelection.Of(Cluster, SizeClass.Micro, false), false).Shown);
        // Six large ones: shown on their own would let "cluster total minus large" give the four micro answers away.
        Assert.False(SurveyDisclosure.Disclose(s, responses, SurveySelection.Of(Cluster, SizeClass.Large, false), false).Shown);
        // The cluster as a whole is fine.
        var all = SurveyDisclosure.Disclose(s, responses, SurveySelection.Of(Cluster, null, false), false);
        Assert.True(all.Shown);
        Assert.Equal(10, all.Responses);
    }

    [Fact]
    public void For_the_agency_one_cluster_is_hidden_when_the_other_clusters_together_have_fewer_than_five()
    {
        var s = Standard();
        var responses = Enumerable.Range(0, 7).Select(_ => R(s, Cluster, 4)).Concat(Enumerable.Range(0, 3).Select(_ => R(s, Other, 4))).ToList();
        Assert.False(SurveyDisclosure.Disclose(s, responses, SurveySelection.Of(Cluster, null, false), viewerSeesAllClusters: true).Shown);
        Assert.False(SurveyDisclosure.Disclose(s, responses, SurveySelection.Of(Other, null, false), viewerSeesAllClusters: true).Shown);
        Assert.True(SurveyDisclosure.Disclose(s, responses, SurveySelection.Of(null, null, false), viewerSeesAllClusters: true).Shown);
        // A manager of the cluster sees only their own seven: nothing to subtract from.
        Assert.True(SurveyDisclosure.Disclose(s, responses.Where(r => r.ClusterId == Cluster).ToList(), SurveySelection.Of(Cluster, null, false), false).Shown);
    }

    [Fact]
    public void Counts_below_five_are_hidden_with_as_many_others_as_it_takes_to_keep_their_sum_safe()
    {
        var s = Standard();
        // Competitiveness 1..5: 6 x 5, 5 x 4, 2 x 3, 0 x 2, 0 x 1 (13 answers). The 2 is hidden; alone it would be 13 - 11,
        // so the smallest other count (5 x 4) goes too: hidden together they are 7.
        var responses = Enumerable.Repeat(5, 6).Concat(Enumerable.Repeat(4, 5)).Concat(Enumerable.Repeat(3, 2)).Select(v => R(s, Cluster, v)).ToList();
        var q = SurveyDisclosure.Disclose(Q(s, 3), responses, []);
        Assert.True(q.Shown);
        Assert.Equal(13, q.Answered);
        Assert.Equal([0, 0, null, null, 6], q.Counts.Select(c => c.Count));
        Assert.All(q.Counts.Where(c => c.Count is null), c => Assert.Null(c.Share));
        // Mean, median and top-two share would help to solve the hidden counts.
        Assert.Equal((null, null, null), (q.Mean, q.Median, q.TopShare));
        Assert.True(q.AnySuppressed);
    }

    [Fact]
    public void With_every_count_safe_everything_is_shown()
    {
        var s = Standard();
        var responses = Enumerable.Repeat(5, 5).Concat(Enumerable.Repeat(2, 5)).Select(v => R(s, Cluster, v)).ToList();
        var q = SurveyDisclosure.Disclose(Q(s, 3), responses, []);
        Assert.Equal([0, 5, 0, 0, 5], q.Counts.Select(c => c.Count));
        Assert.Equal(0.5m, q.TopShare);
        Assert.Equal(3.5m, q.Mean);
        Assert.False(q.AnySuppressed);
    }

    [Fact]
    public void A_count_is_hidden_when_the_same_count_in_a_view_around_it_differs_by_one_to_four()
    {
        var s = Standard();
        // Recommend (question 5): micro members 5 x yes; small members 5 x no and 2 x yes. Cluster: 7 yes, 5 no.
        var responses = Enumerable.Range(0, 5).Select(_ => R(s, Cluster, 3, SizeClass.Micro, recommend: 0))
            .Concat(Enumerable.Range(0, 5).Select(_ => R(s, Cluster, 3, SizeClass.Small, recommend: 1)))
            .Concat(Enumerable.Range(0, 2).Select(_ => R(s, Cluster, 3, SizeClass.Small, recommend: 0))).ToList();
        var micro = SurveyDisclosure.Disclose(s, responses, SurveySelection.Of(Cluster, SizeClass.Micro, false), false);
        Assert.True(micro.Shown);
        var recommend = micro.Questions.Single(q => q.QuestionId == Q(s, 5).Id);
        // Micro "yes" = 5, but the cluster's 7 minus those 5 would show the 2 small members who said yes.
        Assert.Null(recommend.Counts[0].Count);
        var whole = SurveyDisclosure.Disclose(s, responses, SurveySelection.Of(Cluster, null, false), false);
        Assert.Equal([7, 5, 0], whole.Questions.Single(q => q.QuestionId == Q(s, 5).Id).Counts.Select(c => c.Count));
    }

    [Fact]
    public void The_competitiveness_share_follows_its_question()
    {
        var s = Standard();
        var fivesAndTwos = Enumerable.Repeat(5, 5).Concat(Enumerable.Repeat(2, 5)).Select(v => R(s, Cluster, v)).ToList();
        Assert.Equal(0.5m, SurveyDisclosure.Disclose(s, fivesAndTwos, SurveySelection.Of(Cluster, null, false), false).CompetitivenessKpi);
        var mixed = new[] { 5, 4, 2, 1, 4 }.Select(v => R(s, Cluster, v)).ToList();
        Assert.Null(SurveyDisclosure.Disclose(s, mixed, SurveySelection.Of(Cluster, null, false), false).CompetitivenessKpi);
    }

    [Fact]
    public void The_competitiveness_kpi_of_a_cluster_is_not_given_when_the_rest_of_all_clusters_is_a_small_group()
    {
        // Ten members of the cluster all agree (5 x "5", 5 x "4"); three members of another cluster disagree. The KPI
        // of the cluster beside the all-cluster results (13 answers) would give away what those three answered.
        var s = Standard();
        var mine = Enumerable.Range(0, 10).Select(i => R(s, Cluster, i < 5 ? 5 : 4)).ToList();
        var three = Enumerable.Range(0, 3).Select(_ => R(s, Other, 1)).ToList();
        Assert.Null(SurveyDisclosure.CompetitivenessKpi(s, [.. mine, .. three], Cluster));
        // With five in the other cluster the rest is safe, and the cluster's share is given.
        var five = Enumerable.Range(0, 5).Select(_ => R(s, Other, 1)).ToList();
        Assert.Equal(1m, SurveyDisclosure.CompetitivenessKpi(s, [.. mine, .. five], Cluster));
        Assert.Equal(0m, SurveyDisclosure.CompetitivenessKpi(s, [.. mine, .. five], Other));
    }

    [Fact]
    public void The_competitiveness_kpi_is_not_given_when_it_would_describe_fewer_than_five_members()
    {
        var s = Standard();
        var others = Enumerable.Range(0, 5).Select(_ => R(s, Other, 3)).ToList();
        // Four answers: no KPI, as on the results page.
        Assert.Null(SurveyDisclosure.CompetitivenessKpi(s, [.. Enumerable.Range(0, 4).Select(_ => R(s, Cluster, 5)), .. others], Cluster));
        // Six answers of which two agree: the share would describe two members (and the four others).
        Assert.Null(SurveyDisclosure.CompetitivenessKpi(s, [.. Enumerable.Range(0, 6).Select(i => R(s, Cluster, i < 2 ? 5 : 1)), .. others], Cluster));
    }

    /// <summary>
    /// The KPI of every cluster at once from per-cluster counts (what the KPI views read from SQL) equals the rule applied
    /// cluster by cluster to the responses: given, withheld for a cluster without answers to the question (its
    /// responses still count in the survey's total), and, once a small cluster joins, withheld where the rest would show it.
    /// </summary>
    [Fact]
    public void The_competitiveness_kpis_of_all_clusters_at_once_equal_the_rule_per_cluster()
    {
        var s = Standard();
        var (a, b, d, e, small) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var responses = new List<SurveyResponse>();
        void Add(Guid cluster, int value, int times) => responses.AddRange(Enumerable.Range(0, times).Select(_ => R(s, cluster, value)));
        Add(a, 5, 5); Add(a, 1, 5);   // 5 of 10 agree
        Add(b, 3, 6);                 // none of 6
        Add(d, 4, 5); Add(d, 5, 5);   // all 10
        // Cluster e: five responses without an answer to the competitiveness question (they count in the survey's total).
        responses.AddRange(Enumerable.Range(0, 5).Select(_ => SurveyResponse.Of(s.Id, e, SizeClass.Small, R(s, e, 3).Answers.Where(x => x.QuestionId != Q(s, 3).Id))));
        void Same(Dictionary<Guid, decimal> handWorked)
        {
            var counts = responses.GroupBy(r => r.ClusterId).ToDictionary(g => g.Key,
                g => (g.Count(), (IReadOnlyList<int>)g.SelectMany(r => r.Answers.Where(x => x.QuestionId == Q(s, 3).Id).Select(x => x.Scale!.Value)).ToList()));
            var all = SurveyDisclosure.CompetitivenessKpis(s, counts);
            foreach (var cluster in new[] { a, b, d, e, small })
                Assert.Equal(SurveyDisclosure.CompetitivenessKpi(s, responses, cluster), all.TryGetValue(cluster, out var v) ? v : null);
            Assert.Equal(handWorked, all);
        }
        Same(new() { [a] = 0.5m, [b] = 0m, [d] = 1m });
        // Three members of a small cluster answer 4: their cluster is not shown, and d's share beside the all-cluster
        // results would tell what they answered (8 fours in all, 5 of them d's), so it is withheld too.
        Add(small, 4, 3);
        Same(new() { [a] = 0.5m, [b] = 0m });
    }
}
