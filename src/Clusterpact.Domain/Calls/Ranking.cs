namespace Clusterpact.Domain.Calls;

/// <summary>One expert's score on one criterion, as the ranking reads it.</summary>
public sealed record ExpertScore(Guid ExpertId, string CriterionCode, decimal Value);

/// <summary>What the ranking needs of one application: who, how much aid it asks, the experts' scores and any consensus.</summary>
public sealed record ApplicationScores(Guid ApplicationId, string Name, decimal RequestedEur, IReadOnlyList<ExpertScore> ExpertScores,
    IReadOnlyDictionary<string, decimal> ConsensusScores)
{
    /// <summary>
    /// Gathers an application's scores: only from experts who declared no conflict (a conflicted expert's scores never
    /// count, even those given before the declaration), and the consensus where recorded.
    /// </summary>
    public static ApplicationScores From(Application application, IEnumerable<ExpertAssignment> assignments, Consensus? consensus) =>
        new(application.Id, application.ApplicantName, application.RequestedAidEur,
            assignments.Where(a => a.ApplicationId == application.Id && a.MayScore)
                .SelectMany(a => a.Scores.Select(s => new ExpertScore(a.ExpertId, s.CriterionCode, s.Value))).ToList(),
            (consensus?.Scores ?? []).ToDictionary(s => s.CriterionCode, s => s.Value, StringComparer.OrdinalIgnoreCase));
}

/// <summary>
/// One criterion of one application in the ranking. <see cref="Used"/> is the consensus when recorded, else the experts'
/// mean; <see cref="Spread"/> is the highest minus the lowest expert score, on the call's scale.
/// </summary>
public sealed record CriterionResult(string Code, int Weight, int ExpertCount, decimal? ExpertMean, decimal? Consensus, decimal? Used,
    decimal? Spread, decimal? WeightedPoints);

/// <summary>
/// One line of the ranking. Rank and Total are null for an incomplete application (a criterion nobody scored).
/// <see cref="TiedAtBudgetCutoff"/> marks applications sharing the rank at which the budget runs out: the name order
/// decided which of them fits, and that is for the decision committee to settle, not for the alphabet.
/// </summary>
public sealed record RankedApplication(Guid ApplicationId, string Name, decimal RequestedEur, int? Rank, decimal? Total,
    IReadOnlyList<CriterionResult> Criteria, decimal? MaxSpread, bool IsIncomplete, IReadOnlyList<string> MissingCriteria,
    bool FundableWithinBudget, decimal? CumulativeRequestedEur, bool TiedAtBudgetCutoff);

public sealed record RankingResult(IReadOnlyList<RankedApplication> Applications, decimal BudgetEur, decimal FundableTotalEur, decimal? MaxSpread)
{
    public IEnumerable<RankedApplication> Ranked => Applications.Where(a => !a.IsIncomplete);
    public IEnumerable<RankedApplication> Incomplete => Applications.Where(a => a.IsIncomplete);
}

/// <summary>
/// Ranks a call's applications on the weighted total of their scores, so the selection is a comparison on the announced
/// criteria and not first come, first served (SERV advice 2015, §4.3). The result advises the Hermes fund's decision
/// committee; it does not decide.
/// </summary>
public static class Ranking
{
    /// <summary>Totals are compared as shown, to two decimals: two applications that look equal on the page share a rank.</summary>
    public const int TotalDecimals = 2;

    public static Result<RankingResult> Rank(Call call, IEnumerable<ApplicationScores> applications) =>
        Rank(call.Criteria, call.Scale, call.BudgetEur, applications);

    /// <summary>
    /// Total per application = sum over criteria of weight x (score - min) / (max - min): 0 to 100 since the weights add
    /// up to 100. The score per criterion is the consensus where recorded, else the mean of the experts' scores. An
    /// application with a criterion that has neither is incomplete: listed after the ranked ones, without a rank.
    /// Equal totals share a rank (1, 2, 2, 4) and are listed by name. Walking down the ranking, applications are
    /// fundable while the cumulative requested aid stays within the budget; the first that does not fit ends the walk.
    /// </summary>
    public static Result<RankingResult> Rank(IReadOnlyList<CallCriterion> criteria, ScoringScale scale, decimal budgetEur, IEnumerable<ApplicationScores> applications)
    {
        if (criteria.Count == 0 || criteria.Any(c => c.Weight <= 0) || criteria.Sum(c => c.Weight) != Call.WeightTotal)
            return Result<RankingResult>.Fail(new DomainError("Ranking.CriteriaInvalid"));
        if (!scale.IsValid) return Result<RankingResult>.Fail(new DomainError("Call.ScaleInvalid"));

        var scored = applications.Select(a => Score(a, criteria, scale)).ToList();
        var ranked = scored.Where(r => !r.IsIncomplete)
            .OrderByDescending(r => r.Total).ThenBy(r => r, ByName).ToList();
        var incomplete = scored.Where(r => r.IsIncomplete).OrderBy(r => r, ByName).ToList();

        // Competition ranking: a tie shares the rank and the next rank skips as many places as were tied.
        for (var i = 0; i < ranked.Count; i++)
            ranked[i] = ranked[i] with { Rank = i > 0 && ranked[i].Total == ranked[i - 1].Total ? ranked[i - 1].Rank : i + 1 };

        var cumulative = 0m;
        var lastFundable = -1;
        for (var i = 0; i < ranked.Count; i++)
        {
            if (cumulative + ranked[i].RequestedEur > budgetEur) break;
            cumulative += ranked[i].RequestedEur;
            ranked[i] = ranked[i] with { FundableWithinBudget = true, CumulativeRequestedEur = cumulative };
            lastFundable = i;
        }
        if (lastFundable + 1 < ranked.Count && lastFundable >= 0 && ranked[lastFundable].Rank == ranked[lastFundable + 1].Rank)
        {
            var tiedRank = ranked[lastFundable].Rank;
            for (var i = 0; i < ranked.Count; i++)
                if (ranked[i].Rank == tiedRank) ranked[i] = ranked[i] with { TiedAtBudgetCutoff = true };
        }

        var all = ranked.Concat(incomplete).ToList();
        var maxSpread = all.Select(a => a.MaxSpread).Max();
        return Result<RankingResult>.Ok(new RankingResult(all, budgetEur, cumulative, maxSpread));
    }

    private static RankedApplication Score(ApplicationScores application, IReadOnlyList<CallCriterion> criteria, ScoringScale scale)
    {
        var results = new List<CriterionResult>();
        foreach (var criterion in criteria)
        {
            var values = application.ExpertScores
                .Where(s => string.Equals(s.CriterionCode, criterion.Code, StringComparison.OrdinalIgnoreCase))
                .Select(s => s.Value).ToList();
            decimal? mean = values.Count > 0 ? values.Average() : null;
            decimal? spread = values.Count > 0 ? values.Max() - values.Min() : null;
            // Criterion codes compare without case everywhere, whatever dictionary the caller built.
            decimal? consensus = application.ConsensusScores
                .Where(kv => string.Equals(kv.Key, criterion.Code, StringComparison.OrdinalIgnoreCase))
                .Select(kv => (decimal?)kv.Value).FirstOrDefault();
            var used = consensus ?? mean;
            decimal? points = used is { } u ? criterion.Weight * scale.Normalise(u) : null;
            results.Add(new CriterionResult(criterion.Code, criterion.Weight, values.Count, mean, consensus, used, spread, points));
        }
        var missing = results.Where(r => r.Used is null).Select(r => r.Code).ToList();
        decimal? total = missing.Count == 0 ? Math.Round(results.Sum(r => r.WeightedPoints!.Value), TotalDecimals, MidpointRounding.AwayFromZero) : null;
        var maxSpread = results.Select(r => r.Spread).Max();
        return new RankedApplication(application.ApplicationId, application.Name, application.RequestedEur, null, total, results, maxSpread,
            missing.Count > 0, missing, false, null, false);
    }

    /// <summary>Name order that does not depend on the server's culture: case-insensitive, then exact, then id as the last resort.</summary>
    private static readonly Comparer<RankedApplication> ByName = Comparer<RankedApplication>.Create((a, b) =>
    {
        var byName = StringComparer.OrdinalIgnoreCase.Compare(a.Name, b.Name);
        if (byName != 0) return byName;
        byName = StringComparer.Ordinal.Compare(a.Name, b.Name);
        return byName != 0 ? byName : a.ApplicationId.CompareTo(b.ApplicationId);
    });
}
