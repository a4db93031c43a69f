namespace Clusterpact.Web.Data.Seed;

/// <summary>
/// Two demo calls, so every role has something to do on first start: an open network call with a submitted application
/// (the officer checks it, the experts are assigned) and last spring's decided thematic call with its jury's scores.
/// </summary>
internal static class DemoCalls
{

    public static (List<Call> Calls, List<Application> Applications, List<ExpertAssignment> Assignments, List<Consensus> Consensus) Build(
        DateTimeOffset now, Guid applicant, Guid officer, Guid expert, Guid expert2, string? expert2Employer)
    {
        var today = Brussels(now);
        var calls = new List<Call>();
        var apps = new List<Application>();
        var assignments = new List<ExpertAssignment>();
        var consensus = new List<Consensus>();
        CallCriterion[] criteria =
        [
            new("C1", "Gedragenheid en kmo-bereik", "Support base and SME reach", 40),
            new("C2", "Visie en actieplan", "Vision and action plan", 35),
            new("C3", "Cofinanciering en haalbaarheid", "Cofinancing and feasibility", 25),
        ];
        RequiredDocument[] documents = [new("BUSINESSPLAN", "Businessplan", "Business plan"), new("ENGAGEMENTS", "Engagementsverklaringen van de leden", "Members' letters of commitment")];

        // An open call: opened a month ago, closes in six weeks at 17:00 Brussels time.
        var open = Call.Create(CallKind.InnovativeBusinessNetwork, $"Oproep innovatieve bedrijfsnetwerken {today.Year + 1}", $"Innovative business networks call {today.Year + 1}",
            1_500_000m, today.AddDays(-30).Date.AddHours(9), today.AddDays(42).Date.AddHours(17), new ScoringScale(0, 10), hideApplicantFromExperts: true).Value!;
        Ok(open.SetCriteria(criteria));
        Ok(open.SetRequiredDocuments(documents));
        Ok(open.Publish());
        calls.Add(open);
        var submitted = Draft(open, 1, "Vlaamse Waterstofcluster vzw", "0765432146", now.AddDays(-10), applicant, "Waterstof",
            [("Universiteit Gent", "0248015142", SizeClass.Large), ("Hydrogenics Kmo", "0200000043", SizeClass.Small), ("H2 Logistics", "0300000016", SizeClass.Medium)]);
        Ok(submitted.Submit(open, Actors.Applicant, applicant, now.AddDays(-5)));
        Ok(submitted.MarkEligible(Actors.Agency, officer, now.AddDays(-2), "Volledig en ontvankelijk"));
        apps.Add(submitted);
        assignments.Add(ExpertAssignment.Assign(submitted, expert, null, null).Value!);
        assignments.Add(ExpertAssignment.Assign(submitted, expert2, null, expert2Employer).Value!);

        // A thematic call decided last spring: three applications, one of them found ineligible.
        var closed = Call.Create(CallKind.ThematicProject, $"Thematische oproep circulaire bouw {today.Year}", $"Thematic call circular construction {today.Year}",
            600_000m, new DateTime(today.Year, 1, 15, 9, 0, 0), new DateTime(today.Year, 3, 31, 17, 0, 0), new ScoringScale(0, 10), hideApplicantFromExperts: false).Value!;
        Ok(closed.SetCriteria(criteria));
        Ok(closed.SetRequiredDocuments(documents[..1]));
        Ok(closed.Publish());
        calls.Add(closed);
        var during = closed.OpensAt.AddDays(30);
        var after = closed.ClosesAt.AddDays(1);
        var scores = new (string Name, string Number, decimal[] Expert1, decimal[] Expert2, bool Eligible)[]
        {
            ("Circulair Bouwen Vlaanderen vzw", "0403170701", [8, 7, 8], [9, 7, 7], true),
            ("Betonrecyclage Consortium", "0500000059", [6, 6, 5], [5, 7, 6], true),
            ("Bouwdata Netwerk", "0600000032", [0, 0, 0], [0, 0, 0], false),
        };
        var number = 1;
        foreach (var s in scores)
        {
            var app = Draft(closed, number++, s.Name, s.Number, during, applicant, "Circulaire bouw", [("Kmo Bouw", "0400000086", SizeClass.Micro), ("Bouwgroep NV", "0200000043", SizeClass.Large)]);
            Ok(app.Submit(closed, Actors.Applicant, applicant, during.AddDays(5)));
            apps.Add(app);
            if (!s.Eligible)
            {
                Ok(app.MarkIneligible(Actors.Agency, ["De cofinanciering door de leden is lager dan de helft van het budget."], officer, after));
                continue;
            }
            Ok(app.MarkEligible(Actors.Agency, officer, after));
            Ok(app.StartReview(Actors.Agency, officer, after));
            foreach (var (who, values) in new[] { (expert, s.Expert1), (expert2, s.Expert2) })
            {
                var a = ExpertAssignment.Assign(app, who, null, who == expert2 ? expert2Employer : null).Value!;
                Ok(a.DeclareNoConflict(Actors.Expert, a.DetectedConflicts.Count > 0 ? "Geen band meer met deze organisatie sinds 2019" : null, after.AddDays(2)));
                for (var i = 0; i < criteria.Length; i++)
                    Ok(a.RecordScore(closed, app, criteria[i].Code, values[i], $"Onderbouwd oordeel over {criteria[i].NameNl.ToLowerInvariant()}.", after.AddDays(10)));
                assignments.Add(a);
            }
            var agreed = Consensus.For(app);
            Ok(agreed.Record(closed, app, assignments, "C1", s.Expert1[0], "De jury volgde na overleg de hoogste inschatting van het draagvlak.", officer, after.AddDays(20)));
            consensus.Add(agreed);
        }
        Ok(closed.Close(after));
        Ok(apps[^3].Decide(closed, Actors.Agency, ApplicationOutcome.Granted, null, null, officer, after.AddDays(30)));
        Ok(apps[^2].Decide(closed, Actors.Agency, ApplicationOutcome.Refused, null, "Het kmo-bereik en de cofinanciering zijn te zwak onderbouwd (6,0 en 5,5 op 10); het comité houdt de rest van het budget vrij voor een volgende oproep.", officer, after.AddDays(30)));
        Ok(closed.MarkDecided());
        return (calls, apps, assignments, consensus);
    }

    private static Application Draft(Call call, int number, string name, string enterpriseNumber, DateTimeOffset at, Guid owner, string domain,
        (string Name, string Number, SizeClass Size)[] members)
    {
        var app = Application.Start(call, number, name, enterpriseNumber, at, owner).Value!;
        Ok(app.UpdateProposal(domain, $"{name} wil in vijf jaar de referentie in {domain.ToLowerInvariant()} in Vlaanderen worden.",
            "Jaar 1: roadmap en ledenwerving. Jaar 2: proeftuinen en eerste samenwerkingsprojecten.", "Een triple-helixconsortium met kmo's, grote bedrijven en kennisinstellingen."));
        Ok(app.SetCommittedMembers(members.Select(m => ConsortiumMember.Create(m.Name, m.Number, m.Size).Value!)));
        var firstYear = Brussels(at).Year + 1;
        Ok(app.SetYearPlans([new YearPlan(firstYear, 240_000m, 130_000m), new YearPlan(firstYear + 1, 260_000m, 140_000m)]));
        foreach (var d in call.RequiredDocuments)
        {
            var attached = app.AddAttachment(call, d.Code.ToLowerInvariant() + ".pdf", "application/pdf", DemoPdf.Length, d.Code);
            if (!attached.IsSuccess) throw new InvalidOperationException("Demo call data: " + attached.Error!.Code);
        }
        return app;
    }

    /// <summary>A minimal valid one-page PDF, stored as each demo attachment so downloads open.</summary>
    public static readonly byte[] DemoPdf = System.Text.Encoding.ASCII.GetBytes(
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj " +
        "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    private static DateTime Brussels(DateTimeOffset instant) => BrusselsTime.ToLocal(instant).DateTime;

    private static void Ok(Domain.Common.Result result)
    {
        if (!result.IsSuccess) throw new InvalidOperationException("Demo call data: " + result.Error!.Code);
    }
}
