namespace Clusterpact.Web.Data.Seed;

/// <summary>The demo's support agreements, and the interim evaluations their extensions rest on.</summary>
internal static class DemoAgreements
{
    /// <summary>
    /// Support agreements that follow the reference dates: spearhead clusters in 3-year terms, each extension resting on a
    /// decided positive interim evaluation of the cluster held during the agreement (the demo's own where it has one, such
    /// as the May 2019 evaluations of the 2017 clusters of seed 001; otherwise one decided in May of the term's last year,
    /// added to <paramref name="evaluations"/>) up to their end date; each network one term of at most 3 years ending on its
    /// reference end date. Built through the domain rules.
    /// </summary>
    public static IEnumerable<Domain.Agreements.SupportAgreement> Build(IEnumerable<Cluster> clusters, List<Evaluation> evaluations)
    {
        var rules = Domain.Funding.FundingRuleSet.Default;
        foreach (var c in clusters)
        {
            if (c.Type == ClusterType.SpearheadCluster && c.SupportStart is { } start && c.SupportEnd is { } end)
            {
                var firstEnd = start.AddYears(3).AddDays(-1);
                var agreement = Domain.Agreements.SupportAgreement.Create(c.Id, c.Type, start, firstEnd, $"HF-{start.Year}-{c.Name[..3].ToUpperInvariant()}", start, rules).Value!;
                while (agreement.End < end)
                {
                    var next = agreement.End.AddYears(3) < end ? agreement.End.AddYears(3) : end;
                    // One evaluation per extension: the demo takes one held during the term that ends.
                    var basis = evaluations.Select(Domain.Agreements.ExtensionEvaluation.Of)
                        .FirstOrDefault(e => e.DecidedOn >= agreement.Terms[^1].Start && agreement.CheckEvaluation(e).IsSuccess);
                    if (basis is null)
                    {
                        var held = DecidedInterim(c, new DateOnly(agreement.End.Year, 5, 15));
                        evaluations.Add(held);
                        basis = Domain.Agreements.ExtensionEvaluation.Of(held);
                    }
                    var extended = agreement.Extend(next, basis, $"HF-{agreement.End.Year}-{c.Name[..3].ToUpperInvariant()}-V", start, rules);
                    if (!extended.IsSuccess) throw new InvalidOperationException($"Demo agreement for {c.Name}: {extended.Error!.Code}");
                }
                yield return agreement;
            }
            else if (c.Type == ClusterType.InnovativeBusinessNetwork && c.SupportEnd is { } networkEnd)
            {
                var networkStart = networkEnd.AddDays(1).AddYears(-3);
                yield return Domain.Agreements.SupportAgreement.Create(c.Id, c.Type, networkStart, networkEnd, $"IBN-{networkStart.Year}-{c.Name[..3].ToUpperInvariant()}", networkStart, rules).Value!;
            }
        }
    }

    /// <summary>An interim evaluation of a cluster that advised extending, decided on <paramref name="decidedOn"/> after its stages in turn.</summary>
    private static Evaluation DecidedInterim(Cluster cluster, DateOnly decidedOn)
    {
        var e = Evaluation.Plan($"Tussentijdse evaluatie {cluster.Name} {decidedOn.Year}", EvaluationKind.Interim, EvaluationScope.Individual, cluster.Id,
            new Dictionary<EvaluationStage, DateOnly> { [EvaluationStage.Decided] = decidedOn }).Value!;
        var steps = EvaluationLifecycle.StepsBeforeDecision;
        for (var i = 0; i < steps.Count; i++) e.Take(steps[i], Actors.Agency, decidedOn.AddMonths(i - steps.Count));
        var decided = e.Decide(Actors.Agency, decidedOn, EvaluationOutcome.Extend);
        if (!decided.IsSuccess) throw new InvalidOperationException($"Demo evaluation for {cluster.Name}: {decided.Error!.Code}");
        return e;
    }
}
