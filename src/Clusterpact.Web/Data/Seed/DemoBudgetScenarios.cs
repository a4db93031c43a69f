namespace Clusterpact.Web.Data.Seed;

/// <summary>The budget planner's demo scenarios.</summary>
internal static class DemoBudgetScenarios
{
    /// <summary>
    /// Green-paper scenarios 3 and 4 (seed 004) for 2027-2030, from the clusters under an agreement today: operating aid as
    /// granted for this year's working year (the funding rule's yearly maximum without one), this year's earmarked envelope,
    /// the term ending on the 10-year last day; the intercluster pool of this year: the planner's rule (CurrentClusters), on the
    /// data being seeded.
    /// </summary>
    public static IEnumerable<Domain.Budget.SavedBudgetScenario> Build(List<Cluster> clusters, List<Domain.Agreements.SupportAgreement> agreements,
        List<Domain.Agreements.AgreementYear> agreementYears, List<FundEnvelope> envelopes, DateOnly today, DateTimeOffset now)
    {
        var rules = Domain.Funding.FundingRuleSet.Default;
        var funded = clusters.Select(c => (Cluster: c, Own: agreements.Where(a => a.ClusterId == c.Id).ToList())).Where(x => x.Own.Count > 0)
            .Select(x => new Domain.Budget.FundedCluster(x.Cluster.Id, x.Cluster.Name, x.Cluster.Type, x.Own.Max(a => a.End),
                Domain.Agreements.SupportAgreement.AidWindow(x.Own, x.Cluster.Type, rules)?.LastAllowedDay,
                agreementYears.Where(y => x.Own.Any(a => a.Id == y.AgreementId) && y.YearStart.Year == today.Year).Sum(y => y.GrantedAid)));
        var (current, pool) = Domain.Budget.CurrentClusters.From(funded,
            envelopes.Select(e => new Domain.Budget.EnvelopeAmount(e.Kind, e.ClusterId, e.Year, e.Amount)).ToList(), rules, today);
        var labels = new Dictionary<Domain.Budget.ProgrammeLineKind, string>
        {
            [Domain.Budget.ProgrammeLineKind.InterclusterPool] = "Pool interclusterprojecten",
            [Domain.Budget.ProgrammeLineKind.AdHocAssignments] = "Ad-hocopdrachten",
            [Domain.Budget.ProgrammeLineKind.TransformationProgramme] = "Programma systemische transformaties",
        };
        foreach (var (basis, name) in new[]
        {
            (Domain.Budget.GreenPaperScenario.BasicMissionWithEarmarkedFunds, "3. Basisopdracht met geoormerkte middelen (demo)"),
            (Domain.Budget.GreenPaperScenario.SystemicTransformationProgramme, "4. Nieuw programma voor systemische transformaties (demo)"),
        })
        {
            var scenario = Domain.Budget.ScenarioDefaults.For(basis, 2027, 2030, current, pool, name);
            scenario = scenario with
            {
                ProgrammeLines = scenario.ProgrammeLines.Select(l => l with { Label = labels.GetValueOrDefault(l.Kind, l.Label) }).ToList(),
                Notes = "Demoscenario met de standaardparameters van het groenboek.",
            };
            yield return Domain.Budget.SavedBudgetScenario.Create(scenario, now).Value!;
        }
    }
}
