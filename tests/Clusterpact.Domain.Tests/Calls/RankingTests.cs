namespace Clusterpact.Domain.Tests.Calls;

public sealed class RankingTests
{
    // Weights 40 / 30 / 30 on a 0..10 scale unless a test says otherwise.
    private static readonly CallCriterion[] Criteria =
    [
        new("C1", "Gedragenheid", "Support base", 40),
        new("C2", "Valorisatie", "Valorisation", 30),
        new("C3", "Actieplan", "Action plan", 30),
    ];
    private static readonly ScoringScale Scale = new(0, 10);
    private static readonly Guid[] Experts = [Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7()];

    /// <summary>An application whose i-th value per criterion is expert i's score.</summary>
    private static ApplicationScores App(string name, decimal requested, decimal[] c1, decimal[] c2, decimal[] c3, Dictionary<string, decimal>? consensus = null)
    {
        var scores = new List<ExpertScore>();
        foreach (var (code, values) in new[] { ("C1", c1), ("C2", c2), ("C3", c3) })
            scores.AddRange(values.Select((v, i) => new ExpertScore(Experts[i], code, v)));
        return new ApplicationScores(Guid.CreateVersion7(), name, requested, scores, consensus ?? []);
    }

    /// <summary>Every expert gives the same score on every criterion: the total is that score x 10.</summary>
    private static ApplicationScores Flat(string name, decimal score, decimal requested = 100_000m) => App(name, requested, [score], [score], [score]);

    private static RankingResult Rank(decimal budget, params ApplicationScores[] apps) => Ranking.Rank(Criteria, Scale, budget, apps).Value!;

    [Fact]
    public void The_total_is_the_weighted_sum_of_the_mean_scores_normalised_to_the_scale()
    {
        // Alpha, two experts: C1 (8, 6) mean 7, C2 (6, 6) mean 6, C3 (7, 9) mean 8.
        //   40 x 7/10 + 30 x 6/10 + 30 x 8/10 = 28 + 18 + 24 = 70
        // Beta, one expert: 9, 9, 9 -> 40 x 0.9 + 30 x 0.9 + 30 x 0.9 = 90
        var alpha = App("Alpha", 100_000m, [8, 6], [6, 6], [7, 9]);
        var beta = App("Beta", 100_000m, [9], [9], [9]);
        var ranking = Rank(1_000_000m, alpha, beta);
        Assert.Equal([("Beta", 1, 90m), ("Alpha", 2, 70m)], ranking.Applications.Select(a => (a.Name, a.Rank!.Value, a.Total!.Value)));
        var c1 = ranking.Applications[1].Criteria[0];
        Assert.Equal(("C1", 40, 2, 7m, (decimal?)null, 7m, 2m, 28m), (c1.Code, c1.Weight, c1.ExpertCount, c1.ExpertMean, c1.Consensus, c1.Used, c1.Spread, c1.WeightedPoints));
    }

    [Fact]
    public void Normalising_subtracts_the_bottom_of_the_scale()
    {
        // Scale 1..5: C1 = 3 -> (3-1)/(5-1) = 0.5, C2 = 5 -> 1, C3 = 1 -> 0.
        //   40 x 0.5 + 30 x 1 + 30 x 0 = 50. (Dividing by the maximum alone would give 24 + 30 + 6 = 60.)
        var ranking = Ranking.Rank(Criteria, new ScoringScale(1, 5), 1m, [App("Scale", 0m, [3], [5], [1])]).Value!;
        Assert.Equal(50m, ranking.Applications[0].Total);
        // The bottom of the scale is 0 points and the top is 100, whatever the scale.
        Assert.Equal([0m, 100m], Ranking.Rank(Criteria, new ScoringScale(1, 5), 1m, [App("Low", 0m, [1], [1], [1]), App("High", 0m, [5], [5], [5])]).Value!
            .Applications.Select(a => a.Total!.Value).Order());
    }

    [Fact]
    public void A_mean_that_does_not_divide_evenly_is_shown_and_compared_to_two_decimals()
    {
        // C1 (7, 8, 8): mean 23/3 = 7.666..., 40 x 0.7666... = 30.666...; C2 and C3 all 10: 30 + 30. Total 90.666... -> 90.67.
        var ranking = Rank(1m, App("Thirds", 0m, [7, 8, 8], [10, 10, 10], [10, 10, 10]), App("Exact", 0m, [7.667m], [10], [10]));
        // Exact: 40 x 0.7667 = 30.668 -> 90.668 -> 90.67: the same total on the page, so the same rank.
        Assert.All(ranking.Applications, a => Assert.Equal((1, 90.67m), (a.Rank!.Value, a.Total!.Value)));
    }

    [Fact]
    public void Ties_share_a_rank_the_next_rank_skips_and_tied_applications_are_listed_by_name()
    {
        var ranking = Rank(10_000_000m, Flat("Echo", 6), Flat("Bravo", 7), Flat("Delta", 8), Flat("alpha", 7));
        // 80 / 70 / 70 / 60 -> 1, 2, 2, 4 (competition ranking). "alpha" before "Bravo": name order ignores case.
        Assert.Equal([("Delta", 1), ("alpha", 2), ("Bravo", 2), ("Echo", 4)], ranking.Applications.Select(a => (a.Name, a.Rank!.Value)));
    }

    [Fact]
    public void The_order_does_not_depend_on_the_order_the_applications_come_in()
    {
        ApplicationScores[] apps = [Flat("Kappa", 7), Flat("Iota", 7), Flat("Theta", 9), Flat("Zeta", 7)];
        var forward = Rank(1m, apps).Applications.Select(a => a.Name);
        var backward = Rank(1m, apps.Reverse().ToArray()).Applications.Select(a => a.Name);
        Assert.Equal(["Theta", "Iota", "Kappa", "Zeta"], forward);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void An_application_with_a_criterion_nobody_scored_is_incomplete_and_listed_after_the_ranked_ones()
    {
        // Gamma would total 100 on what it has, but nobody scored C3: it cannot be compared and is not ranked.
        var gamma = App("Gamma", 50_000m, [10], [10], []);
        var beta = App("Beta", 50_000m, [], [4], []);
        var ranking = Rank(1_000_000m, gamma, Flat("Omega", 5), beta, Flat("Sigma", 6));
        Assert.Equal(["Sigma", "Omega", "Beta", "Gamma"], ranking.Applications.Select(a => a.Name));
        Assert.Equal([1, 2], ranking.Ranked.Select(a => a.Rank!.Value));
        Assert.All(ranking.Incomplete, a => Assert.True(a.IsIncomplete && a.Rank is null && a.Total is null && !a.FundableWithinBudget));
        Assert.Equal(["C3"], ranking.Applications[3].MissingCriteria);
        Assert.Equal(["C1", "C3"], ranking.Applications[2].MissingCriteria);
        Assert.Equal(200_000m, ranking.FundableTotalEur); // 100,000 each: only Sigma and Omega count against the budget
    }

    [Fact]
    public void A_consensus_score_replaces_the_experts_mean_on_its_criterion()
    {
        // C1 experts (4, 8): mean 6, but the jury agreed on 9. C2 and C3: 5 and 5.
        //   with consensus: 40 x 0.9 + 30 x 0.5 + 30 x 0.5 = 36 + 15 + 15 = 66
        //   on the mean it would be 40 x 0.6 + 15 + 15 = 54
        var withConsensus = App("Agreed", 0m, [4, 8], [5, 5], [5, 5], new() { ["c1"] = 9m });
        var ranking = Rank(1m, withConsensus);
        var line = ranking.Applications[0];
        Assert.Equal(66m, line.Total);
        Assert.Equal((6m, 9m, 9m, 4m), (line.Criteria[0].ExpertMean!.Value, line.Criteria[0].Consensus!.Value, line.Criteria[0].Used!.Value, line.Criteria[0].Spread!.Value));
        Assert.Equal(5m, line.Criteria[1].Used); // no consensus on C2: the mean stands
    }

    [Fact]
    public void A_consensus_completes_a_criterion_that_has_no_expert_score()
    {
        var ranking = Rank(1m, App("OnlyConsensus", 0m, [10], [10], [], new() { ["C3"] = 0m }));
        // 40 + 30 + 30 x 0 = 70
        Assert.Equal((70m, false), (ranking.Applications[0].Total!.Value, ranking.Applications[0].IsIncomplete));
        Assert.Null(ranking.Applications[0].Criteria[2].Spread);
    }

    [Fact]
    public void The_spread_is_the_highest_minus_the_lowest_expert_score_per_criterion_and_its_maximum_overall()
    {
        // C1 (2, 9, 5) spread 7; C2 (5, 5, 5) spread 0; C3 (6, 8) spread 2. Maximum 7.
        var split = App("Split", 0m, [2, 9, 5], [5, 5, 5], [6, 8]);
        var calm = App("Calm", 0m, [5, 6], [5, 5], [5, 5]); // spreads 1, 0, 0
        var ranking = Rank(1m, split, calm);
        var s = ranking.Applications.Single(a => a.Name == "Split");
        Assert.Equal([7m, 0m, 2m], s.Criteria.Select(c => c.Spread!.Value));
        Assert.Equal(7m, s.MaxSpread);
        Assert.Equal(1m, ranking.Applications.Single(a => a.Name == "Calm").MaxSpread);
        Assert.Equal(7m, ranking.MaxSpread);
        Assert.Equal(0m, Rank(1m, Flat("Single", 5)).Applications[0].MaxSpread); // one expert: no disagreement
    }

    [Fact]
    public void Fundable_while_the_cumulative_request_fits_and_the_first_that_does_not_fit_ends_the_walk()
    {
        // Budget 500,000. A 200,000 (cum 200,000) fits; B 250,000 (cum 450,000) fits; C 100,000 would make 550,000: not.
        // D asks only 40,000 (450,000 + 40,000 = 490,000 would fit) but ranks below C: the walk has ended.
        var ranking = Rank(500_000m, Flat("A", 9, 200_000m), Flat("B", 8, 250_000m), Flat("C", 7, 100_000m), Flat("D", 6, 40_000m));
        Assert.Equal([true, true, false, false], ranking.Applications.Select(a => a.FundableWithinBudget));
        Assert.Equal([200_000m, 450_000m, null, null], ranking.Applications.Select(a => a.CumulativeRequestedEur));
        Assert.Equal(450_000m, ranking.FundableTotalEur);
        Assert.All(ranking.Applications, a => Assert.False(a.TiedAtBudgetCutoff));
    }

    [Fact]
    public void A_request_that_uses_the_budget_exactly_still_fits()
    {
        var ranking = Rank(450_000m, Flat("A", 9, 200_000m), Flat("B", 8, 250_000m), Flat("C", 7, 0.01m));
        Assert.Equal([true, true, false], ranking.Applications.Select(a => a.FundableWithinBudget));
    }

    [Fact]
    public void When_the_budget_runs_out_inside_a_tie_the_tied_applications_are_flagged()
    {
        // Budget 300,000. A (90) 200,000 fits. B and C tie at 80: B comes first by name and fits (300,000), C does not.
        var ranking = Rank(300_000m, Flat("C", 8, 50_000m), Flat("A", 9, 200_000m), Flat("B", 8, 100_000m), Flat("D", 7, 1m));
        Assert.Equal([("A", true, false), ("B", true, true), ("C", false, true), ("D", false, false)],
            ranking.Applications.Select(a => (a.Name, a.FundableWithinBudget, a.TiedAtBudgetCutoff)));
    }

    [Fact]
    public void Nothing_fundable_when_the_first_request_exceeds_the_budget()
    {
        var ranking = Rank(100_000m, Flat("Big", 9, 150_000m), Flat("Small", 8, 10_000m));
        Assert.All(ranking.Applications, a => Assert.False(a.FundableWithinBudget || a.TiedAtBudgetCutoff));
        Assert.Equal(0m, ranking.FundableTotalEur);
    }

    [Fact]
    public void Criteria_whose_weights_do_not_add_up_to_100_are_refused()
    {
        Assert.Equal("Ranking.CriteriaInvalid", Ranking.Rank([new CallCriterion("C1", "a", "b", 90)], Scale, 1m, []).Error!.Code);
        Assert.Equal("Ranking.CriteriaInvalid", Ranking.Rank([], Scale, 1m, []).Error!.Code);
        Assert.Empty(Ranking.Rank(Criteria, Scale, 1m, []).Value!.Applications);
    }
}
