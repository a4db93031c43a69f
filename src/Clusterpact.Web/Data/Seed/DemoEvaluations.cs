namespace Clusterpact.Web.Data.Seed;

/// <summary>The evaluations the seeds name.</summary>
internal static class DemoEvaluations
{
    /// <summary>
    /// The evaluations the seeds name: the interim evaluations of the four 2017 spearhead clusters completed in May 2019
    /// (all extended), the 2019-2020 systemic evaluation of the cluster policy, and interim evaluations of the 2018
    /// clusters, one of them still running.
    /// </summary>
    public static IEnumerable<Evaluation> Build(List<Cluster> clusters)
    {
        Cluster Named(string name) => clusters.Single(c => c.Name == name);
        foreach (var name in new[] { "Catalisti", "SIM", "Flux50", "VIL" })
        {
            var e = Evaluation.Plan($"Tussentijdse evaluatie {name} 2019", EvaluationKind.Interim, EvaluationScope.Individual, Named(name).Id,
                new Dictionary<EvaluationStage, DateOnly> { [EvaluationStage.CollectingData] = new(2019, 1, 15), [EvaluationStage.Decided] = new(2019, 5, 31) }).Value!;
            e.AddParticipant("Idea Consult", null, ParticipantRole.Evaluator);
            e.AddEvidence(EvidenceKind.KpiExtract, "KPI-rapportering werkjaren 2017-2018", null, new DateOnly(2019, 1, 20));
            e.Take(EvaluationLifecycle.StartDataCollection, Actors.Agency, new DateOnly(2019, 1, 15));
            e.AddEvidence(EvidenceKind.InterviewNotes, "Interviews raad van bestuur en clustermanager", null, new DateOnly(2019, 2, 20));
            e.Take(EvaluationLifecycle.ConveneExpertPanel, Actors.Agency, new DateOnly(2019, 3, 15));
            e.AddParticipant("Internationaal expertpanel", null, ParticipantRole.PanelMember);
            e.Take(EvaluationLifecycle.DraftReport, Actors.Agency, new DateOnly(2019, 4, 30));
            e.Decide(Actors.Agency, new DateOnly(2019, 5, 28), EvaluationOutcome.Extend);
            yield return e;
        }
        var systemic = Evaluation.Plan("Evaluatie van het clusterbeleid 2019-2020", EvaluationKind.MidTermReview, EvaluationScope.Systemic, null,
            new Dictionary<EvaluationStage, DateOnly> { [EvaluationStage.CollectingData] = new(2019, 9, 1), [EvaluationStage.Decided] = new(2020, 5, 31) }).Value!;
        systemic.AddEvidence(EvidenceKind.SurveyResults, "Online bevraging van alle leden (328 IBN- en 232 SPC-leden)", "Ledenbevraging 2020", new DateOnly(2020, 1, 31));
        systemic.AddEvidence(EvidenceKind.InterviewNotes, "Interviews met elke clustermanager en 8 betrokken ambtenaren", null, new DateOnly(2020, 2, 28));
        systemic.Take(EvaluationLifecycle.StartDataCollection, Actors.Agency, new DateOnly(2019, 9, 1));
        systemic.Take(EvaluationLifecycle.ConveneExpertPanel, Actors.Agency, new DateOnly(2020, 3, 1));
        systemic.AddParticipant("Internationaal expertpanel", null, ParticipantRole.PanelMember);
        systemic.AddRecommendation("Kmo's en internationalisering blijven achter", "Stel ambitieuze, duidelijke KPI's vooraf en betrek meer kmo's in Europese samenwerking", "VLAIO", new DateOnly(2021, 12, 31));
        systemic.Take(EvaluationLifecycle.DraftReport, Actors.Agency, new DateOnly(2020, 4, 15));
        systemic.Decide(Actors.Agency, new DateOnly(2020, 5, 29), null, conclusion: "Het clusterbeleid werkt; meer focus op impact en kmo-bereik.");
        yield return systemic;
        foreach (var (name, done) in new[] { ("Flanders' FOOD", true), ("De Blauwe Cluster", false) })
        {
            var e = Evaluation.Plan($"Tussentijdse evaluatie {name} 2020", EvaluationKind.Interim, EvaluationScope.Individual, Named(name).Id,
                new Dictionary<EvaluationStage, DateOnly> { [EvaluationStage.CollectingData] = new(2020, 1, 15), [EvaluationStage.ExpertPanel] = new(2020, 3, 15), [EvaluationStage.Decided] = new(2020, 6, 30) }).Value!;
            e.Take(EvaluationLifecycle.StartDataCollection, Actors.Agency, new DateOnly(2020, 1, 15));
            if (done)
            {
                e.Take(EvaluationLifecycle.ConveneExpertPanel, Actors.Agency, new DateOnly(2020, 3, 20));
                e.Take(EvaluationLifecycle.DraftReport, Actors.Agency, new DateOnly(2020, 5, 5));
                e.Decide(Actors.Agency, new DateOnly(2020, 6, 26), EvaluationOutcome.ExtendWithConditions, "Meer kmo's betrekken in de projecten");
            }
            yield return e;
        }
    }
}
